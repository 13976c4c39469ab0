import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../db/database";
import { seedDemoDistrict } from "../db/seed/seed-database";
import { sqliteTimestamp } from "../db/sqlite-timestamp";
import type { BenchResident } from "./generate-messages";

/** One temp folder for everything the benchmark writes; removed at the end. */
export function benchDir(): { dir: string; file(name: string): string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-bench-"));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A migrated database with the demo district and the generated residents (Person, resident
 * RoleGrant, playground ChatIdentity), checkpointed into one file so runs can start from copies.
 */
export async function createTemplate(file: string, residents: readonly BenchResident[], at: Date) {
  const db = await openDatabase(`file:${file}`);
  await seedDemoDistrict(db.prisma, at);
  await db.close();
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  const person = raw.prepare(
    `INSERT INTO Person (id, name, locale, phone, homePlaceId, onDuty, createdAt) VALUES (?, ?, 'zh-CN', NULL, ?, 1, ?)`,
  );
  const grant = raw.prepare(
    `INSERT INTO RoleGrant (id, personId, role, placeId, departmentId) VALUES (?, ?, 'resident', ?, NULL)`,
  );
  const identity = raw.prepare(
    `INSERT INTO ChatIdentity (channel, externalId, personId, createdAt, lastSeenAt) VALUES ('playground', ?, ?, ?, NULL)`,
  );
  // Registered a day before the run starts, so no message's instant matches their registration.
  const stamp = sqliteTimestamp(new Date(at.getTime() - 24 * 3600_000));
  raw.transaction(() => {
    for (const r of residents) {
      person.run(r.personId, r.name, r.homeId, stamp);
      grant.run(`grant-${r.personId}`, r.personId, r.homeId);
      identity.run(r.externalId, r.personId, stamp);
    }
  })();
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
}

/** A fresh copy of the template for one run (the WAL was truncated, so the main file is complete). */
export function copyDatabase(template: string, target: string): void {
  copyFileSync(template, target);
}

export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}
