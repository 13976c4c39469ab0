import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { parseDatabaseUrl } from "./database-url";
import { PrismaClient } from "./generated/client";
import { type MigrationReport, migrateSqlite } from "./sqlite-migrator";

export type { PrismaClient } from "./generated/client";

export interface EgridDatabase {
  readonly prisma: PrismaClient;
  readonly kind: "sqlite";
  readonly file: string;
  readonly migrations: MigrationReport;
  close(): Promise<void>;
}

/**
 * Open the database: create the file and its folder, switch to WAL, apply pending migrations,
 * then hand out a Prisma client on the better-sqlite3 adapter.
 */
export async function openDatabase(
  databaseUrl: string,
  options: { onQuery?: (sql: string, params: string) => void } = {},
): Promise<EgridDatabase> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind !== "sqlite") {
    throw new Error(
      "PostgreSQL is not supported yet: set DATABASE_URL to a file: URL (see README, scale-out)",
    );
  }
  if (target.file !== ":memory:") mkdirSync(path.dirname(target.file), { recursive: true });
  const setup = new Database(target.file);
  let migrations: MigrationReport;
  try {
    setup.pragma("journal_mode = WAL");
    setup.pragma("busy_timeout = 5000");
    migrations = migrateSqlite(setup);
  } finally {
    setup.close();
  }
  const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: 5000 });
  let prisma: PrismaClient;
  if (options.onQuery) {
    const onQuery = options.onQuery;
    const logging = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
    logging.$on("query", (event) => onQuery(event.query, event.params));
    prisma = logging;
  } else {
    prisma = new PrismaClient({ adapter });
  }
  // Per-connection settings: WAL makes NORMAL durable across crashes of the process (not of the OS).
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  return { prisma, kind: "sqlite", file: target.file, migrations, close: () => prisma.$disconnect() };
}
