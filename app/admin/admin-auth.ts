// Console logins: scrypt-hashed passwords, random session tokens kept only as SHA-256, an HttpOnly
// cookie, and the admin's scope (the places of their admin grants).
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Person, RoleGrant } from "../../core/people/person";
import { SUMMARY_ADMIN_ROLES, summaryGrantsOf } from "../../core/summaries/summary-access";
import type { PeopleDirectory } from "../../core/tickets/governance-directory";
import type { PrismaAdminAccounts } from "../../db/repositories/prisma-admin-console";

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  length: number,
) => Promise<Buffer>;
export const COOKIE = "egrid_admin";

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), expected.length);
  return timingSafeEqual(actual, expected);
}

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");
/** A password to hand to an admin: 16 letters and digits, no look-alikes. */
export function newPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join("");
}

export function cookieValue(request: FastifyRequest): string | null {
  const header = request.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

export function setSessionCookie(reply: FastifyReply, token: string | null, maxAgeSeconds: number): void {
  const value = token ? encodeURIComponent(token) : "";
  const age = token ? maxAgeSeconds : 0;
  reply.header("set-cookie", `${COOKIE}=${value}; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=${age}`);
}

export interface Admin {
  readonly person: Person;
  /** The admin grants that set what they see, widest first. */
  readonly grants: readonly RoleGrant[];
}

/** The logged-in admin of this request, or null (no cookie, expired, or no admin grant any more). */
export async function adminOf(
  request: FastifyRequest,
  accounts: PrismaAdminAccounts,
  people: PeopleDirectory,
  now: Date,
): Promise<Admin | null> {
  const token = cookieValue(request);
  if (!token) return null;
  const personId = await accounts.sessionPerson(tokenHash(token), now);
  if (!personId) return null;
  const person = await people.getPerson(personId);
  const grants = summaryGrantsOf(person, SUMMARY_ADMIN_ROLES);
  return person && grants.length > 0 ? { person, grants } : null;
}

/** May this admin see a place at this path? */
export function inScope(admin: Admin, path: string): boolean {
  return admin.grants.some((grant) => path.startsWith(grant.placePath));
}
