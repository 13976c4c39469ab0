import { randomUUID } from "node:crypto";
import type pg from "pg";
import {
  APPLIED_MIGRATIONS_SQL,
  type MigrationFile,
  type MigrationReport,
  POSTGRES_MIGRATIONS_DIR,
  pendingOf,
  readMigrations,
} from "./migration-files";

// Prisma's own bookkeeping table, in its PostgreSQL shape, so `prisma migrate status` would agree.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// One lock for every egrid instance on this database: instances starting together migrate once.
const MIGRATION_LOCK = 72_616_873;

/**
 * Apply the committed PostgreSQL migrations this database (or schema) lacks, each in its own
 * transaction, under an advisory lock. Prisma 6's JS engine cannot run `migrate deploy` on
 * PostgreSQL, so egrid does what it does: same table, same checksums, one migration at a time.
 * `client` must be a single connection (the advisory lock belongs to the session).
 */
export async function migratePostgres(
  client: pg.ClientBase,
  migrations: readonly MigrationFile[] = readMigrations(POSTGRES_MIGRATIONS_DIR),
): Promise<MigrationReport> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query(BOOKKEEPING);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(APPLIED_MIGRATIONS_SQL);
    const applied: string[] = [];
    for (const migration of pendingOf(rows, migrations)) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
