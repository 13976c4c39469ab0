import { z } from "zod";

export const ROLES = [
  "resident",
  "volunteer",
  "grid_worker",
  "community_admin",
  "street_admin",
  "department_handler",
  "district_admin",
] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A role held over a part of the tree (or, for a department handler, over a department). */
export interface RoleGrant {
  readonly role: Role;
  readonly placeId: string;
  readonly placePath: string;
  readonly departmentId: string | null;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly locale: Locale;
  readonly homePlaceId: string | null;
  readonly grants: readonly RoleGrant[];
}

/** Who does something: a person, or the system itself (the scheduler, duplicate merging). */
export type Actor =
  | { readonly kind: "person"; readonly person: Person }
  | { readonly kind: "system"; readonly name: string };

export function personActor(person: Person): Actor {
  return { kind: "person", person };
}

export function systemActor(name: string): Actor {
  return { kind: "system", name };
}

export function actorId(actor: Actor): string | null {
  return actor.kind === "person" ? actor.person.id : null;
}
