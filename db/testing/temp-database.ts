import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Clock, fixedClock } from "../../core/shared/clock";
import { counterIds } from "../../core/shared/ids";
import {
  DEFAULT_TICKET_SETTINGS,
  type TicketDeps,
  type TicketSettings,
} from "../../core/tickets/ticket-deps";
import { type EgridDatabase, openDatabase } from "../database";
import { PrismaGovernanceDirectory } from "../repositories/prisma-directory";
import { PrismaTrainingExamples } from "../repositories/prisma-training-examples";
import { NO_REFERENCE_CACHE } from "../repositories/reference-cache";
import { peopleDirectoryFor, ticketRepositoryFor } from "../repositories/repositories-for";
import { seedDemoDistrict } from "../seed/seed-database";

/**
 * The database tests run against: a real SQLite file in a temp folder, or, when the test run sets
 * EGRID_TEST_DATABASE (`postgresql`, or a postgresql:// URL), a fresh schema of its own on that
 * PostgreSQL, dropped at cleanup. Migrated and (by default) seeded with the demo district.
 */
export async function tempDatabase(
  options: { seed?: boolean; onQuery?: (sql: string, params: string) => void } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-test-"));
  const file = path.join(dir, "egrid.db");
  const target = testDatabaseUrl(file);
  const url = target.url;
  const db: EgridDatabase = await openDatabase(url, { onQuery: options.onQuery, poolSize: 5 });
  if (options.seed ?? true) await seedDemoDistrict(db.prisma);
  return {
    db,
    /** The DATABASE_URL of this database, for another process or app instance. */
    url,
    /** The SQLite file (tests that read it with the driver directly run on SQLite only). */
    file,
    async cleanup() {
      await db.close();
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** "SQLite" or "PostgreSQL", for test titles. */
export const TEST_DATABASE = testPostgresUrl() ? "PostgreSQL" : "SQLite";

/**
 * A DATABASE_URL for one test: `file:<sqliteFile>`, or a new schema on the test PostgreSQL
 * (created by the first open, removed by `drop`).
 */
export function testDatabaseUrl(sqliteFile: string): { url: string; drop(): Promise<void> } {
  const postgres = testPostgresUrl();
  if (!postgres) return { url: `file:${sqliteFile}`, drop: async () => {} };
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  return {
    url: `${postgres}${postgres.includes("?") ? "&" : "?"}schema=${schema}`,
    drop: () => dropSchema(postgres, schema),
  };
}

/** The PostgreSQL the tests use, or null for SQLite (the default). */
export function testPostgresUrl(): string | null {
  const setting = process.env.EGRID_TEST_DATABASE;
  if (!setting || setting === "sqlite") return null;
  if (setting === "postgresql") return `postgresql://${userInfo().username}@127.0.0.1:5432/test`;
  if (/^postgres(ql)?:\/\//.test(setting)) return setting;
  throw new Error(`EGRID_TEST_DATABASE must be sqlite, postgresql or a postgresql:// URL (got ${setting})`);
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export function ticketDepsOn(
  db: EgridDatabase,
  clock: Clock = fixedClock(new Date("2026-11-30T02:00:00Z")),
  settings: Partial<TicketSettings> = {},
): TicketDeps {
  return {
    // As the app has them: prepared statements on SQLite, Prisma on PostgreSQL.
    tickets: ticketRepositoryFor(db),
    directory: new PrismaGovernanceDirectory(db.prisma),
    people: peopleDirectoryFor(db, NO_REFERENCE_CACHE, 0),
    clock,
    ids: counterIds(`x${Date.now().toString(36)}`),
    settings: { ...DEFAULT_TICKET_SETTINGS, ...settings },
    examples: new PrismaTrainingExamples(db.prisma),
  };
}
