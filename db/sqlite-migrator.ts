import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { APPLIED_MIGRATIONS_SQL, type MigrationReport, pendingOf, readMigrations } from "./migration-files";
import { sqliteTimestamp } from "./sqlite-timestamp";

// Prisma's own bookkeeping table, so `prisma migrate status` agrees with what we applied.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/**
 * Apply the committed migrations that this database lacks, each in its own transaction.
 * A migration whose file changed after it was applied stops start-up: that is a mistake to fix by hand.
 */
export function migrateSqlite(db: Database.Database, migrations = readMigrations()): MigrationReport {
  db.exec(BOOKKEEPING);
  const applied: string[] = [];
  const done = db.prepare(APPLIED_MIGRATIONS_SQL).all() as { migration_name: string; checksum: string }[];
  for (const migration of pendingOf(done, migrations)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      ).run(
        randomUUID(),
        migration.checksum,
        sqliteTimestamp(new Date()),
        migration.name,
        sqliteTimestamp(new Date()),
      );
    })();
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}
