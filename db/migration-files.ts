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

/** The SQL both migrators read their bookkeeping with. */
export const APPLIED_MIGRATIONS_SQL = `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/**
 * The migrations still to apply, in order, given those applied (name → checksum). A migration
 * whose file changed after it was applied stops start-up: that is a mistake to fix by hand.
 */
export function pendingOf(
  applied: readonly { migration_name: string; checksum: string }[],
  migrations: readonly MigrationFile[],
): MigrationFile[] {
  const done = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  return migrations.filter((migration) => {
    const checksum = done.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new Error(`migration ${migration.name} was changed after it was applied (checksum differs)`);
    }
    return checksum === undefined;
  });
}
