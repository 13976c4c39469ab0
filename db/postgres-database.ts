import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import {
  type EgridDatabase,
  logLevels,
  type OpenOptions,
  TRANSACTION_OPTIONS,
  withQueryLog,
} from "./database";
import type { DatabaseTarget } from "./database-url";
import type { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql-client";
import { migratePostgres } from "./postgres-migrator";

/**
 * PostgreSQL: migrate on one connection under an advisory lock, then a pool for the pg adapter.
 * The client is generated from the same models (db/prisma/postgresql/schema.prisma), so it is used
 * through the SQLite client's type: the repositories are written once for both.
 */
export async function openPostgres(
  target: Extract<DatabaseTarget, { kind: "postgresql" }>,
  options: OpenOptions,
): Promise<EgridDatabase> {
  const setup = new pg.Client({ connectionString: target.url });
  await setup.connect().catch((error: Error) => {
    throw new Error(`cannot reach PostgreSQL at ${describe(target.url, target.schema)}: ${error.message}`, {
      cause: error,
    });
  });
  let migrations: EgridDatabase["migrations"];
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`).catch((error: { code?: string }) => {
      // Two instances creating it at the same moment: IF NOT EXISTS does not cover the race.
      if (error.code !== "23505") throw error;
    });
    await setup.query(`SET search_path TO "${target.schema}"`);
    migrations = await migratePostgres(setup);
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    options: `-c search_path="${target.schema}"`,
  });
  const adapter = new PrismaPg(pool, { schema: target.schema });
  const client = withQueryLog(
    new PostgresPrismaClient({ adapter, log: logLevels(options), transactionOptions: TRANSACTION_OPTIONS }),
    options,
  );
  return {
    prisma: client as unknown as PrismaClient,
    kind: "postgresql",
    location: describe(target.url, target.schema),
    migrations,
    sqlite: null,
    walCheckpoints: () => null,
    async close() {
      await client.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

function describe(url: string, schema: string): string {
  const parsed = new URL(url);
  return `postgresql://${parsed.host}${parsed.pathname}?schema=${schema}`;
}
