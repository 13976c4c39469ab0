import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** SQLite's migrations (the embedded default) and PostgreSQL's, both written by `npm run db:migration`. */
export const MIGRATIONS_DIR = path.join(import.meta.dirname, "prisma", "migrations");
export const POSTGRES_MIGRATIONS_DIR = path.join(import.meta.dirname, "prisma", "postgresql", "migrations");

export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

/** The migration folders Prisma's `migrate diff` wrote, oldest first. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrationReport {
  readonly applied: string[];
  readonly alreadyApplied: number;
}
