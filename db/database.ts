import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { parseDatabaseUrl } from "./database-url";
import { PrismaClient } from "./generated/client";
import type { MigrationReport } from "./migration-files";
import { SqliteConnection } from "./sqlite-connection";
import { migrateSqlite } from "./sqlite-migrator";
import { type CheckpointStats, WalCheckpointer } from "./wal-checkpointer";

export type { PrismaClient } from "./generated/client";

export interface EgridDatabase {
  readonly prisma: PrismaClient;
  readonly kind: "sqlite" | "postgresql";
  /** Where the data lives, for logs: the SQLite file, or host/database/schema (never a password). */
  readonly location: string;
  readonly migrations: MigrationReport;
  /** SQLite only: Prisma's connection, for the hot paths' prepared statements (see SqliteConnection). */
  readonly sqlite: SqliteConnection | null;
  /** SQLite on a file: what the background WAL checkpointer has done (see WalCheckpointer). */
  walCheckpoints(): CheckpointStats | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly onQuery?: (sql: string, params: string) => void;
  /** PostgreSQL: connections per instance (the pool's max). */
  readonly poolSize?: number;
}

/**
 * Open the database named by DATABASE_URL and apply pending migrations: a SQLite file (created with
 * its folder, WAL) on the better-sqlite3 adapter, or PostgreSQL on the pg adapter.
 */
export async function openDatabase(databaseUrl: string, options: OpenOptions = {}): Promise<EgridDatabase> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "postgresql") {
    // Loaded only when used: the embedded default never pays for the pg driver.
    const { openPostgres } = await import("./postgres-database");
    return openPostgres(target, options);
  }
  if (target.file !== ":memory:") mkdirSync(path.dirname(target.file), { recursive: true });
  const setup = new Database(target.file);
  let migrations: MigrationReport;
  try {
    setup.pragma("journal_mode = WAL");
    setup.pragma("busy_timeout = 5000");
    migrations = migrateSqlite(setup);
    // Table statistics for the query planner: without them it scanned a street's closed cases by
    // place instead of the day's by closedAt (600 ms instead of 40 at a million cases; sampled
    // statistics were not enough). A full ANALYZE once (2 s at a million cases, nothing on a new
    // database), then `optimize` redoes the tables that grew tenfold since.
    const statsTable = setup.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get();
    const analysed = statsTable && setup.prepare(`SELECT 1 FROM sqlite_stat1 WHERE tbl = 'Ticket'`).get();
    // Again after a migration: it may have rebuilt indexes, whose statistics went with them.
    if (analysed && migrations.applied.length === 0) setup.pragma("optimize = 0x10002");
    else setup.exec("ANALYZE");
  } finally {
    setup.close();
  }
  const sqlite = new SqliteConnection();
  const adapter = sharingConnection(new PrismaBetterSQLite3({ url: target.url, timeout: 5000 }), sqlite);
  const prisma = withQueryLog(
    new PrismaClient({ adapter, log: logLevels(options), transactionOptions: TRANSACTION_OPTIONS }),
    options,
  );
  // Per-connection settings: WAL makes NORMAL durable across crashes of the process (not of the OS).
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  // 64 MB of pages instead of SQLite's 2 MB: a street's summary reads some 40,000 cases' rows.
  await prisma.$executeRawUnsafe("PRAGMA cache_size = -65536");
  const checkpointer = target.file === ":memory:" ? null : await checkpointInBackground(prisma, target.file);
  return {
    prisma,
    kind: "sqlite",
    location: target.file,
    migrations,
    sqlite,
    walCheckpoints: () => checkpointer?.current() ?? null,
    close: async () => {
      await checkpointer?.stop();
      await prisma.$disconnect();
    },
  };
}

/** WAL checkpoints off the event loop; should the worker die, the connection does them inline again. */
async function checkpointInBackground(prisma: PrismaClient, file: string): Promise<WalCheckpointer> {
  await prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${WalCheckpointer.FALLBACK_PAGES}`);
  // Keep a WAL that once grew large from staying that size on disk.
  await prisma.$queryRawUnsafe("PRAGMA journal_size_limit = 67108864");
  return WalCheckpointer.start(file, (reason) => {
    process.emitWarning(`WAL checkpoints are inline again: the checkpoint worker stopped (${reason})`);
    prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 1000").catch(() => {});
  });
}

/**
 * The adapter factory, handing each connection it opens to `sqlite` as well, and making Prisma's
 * queries and transactions wait while a batch of the hot paths is open (see SqliteConnection).
 */
function sharingConnection(factory: PrismaBetterSQLite3, sqlite: SqliteConnection): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // The adapter keeps its better-sqlite3 Database as `client` (public in its JavaScript, not in its types).
    sqlite.attach((adapter as unknown as { client: Database.Database }).client);
    const { queryRaw, executeRaw, startTransaction } = adapter;
    adapter.queryRaw = async (query) => {
      while (!sqlite.prismaMayQuery()) await sqlite.batchEnded();
      return queryRaw.call(adapter, query);
    };
    adapter.executeRaw = async (query) => {
      while (!sqlite.prismaMayQuery()) await sqlite.batchEnded();
      return executeRaw.call(adapter, query);
    };
    adapter.startTransaction = (isolation) =>
      sqlite.prismaTransaction(() => startTransaction.call(adapter, isolation));
    return adapter;
  };
  return factory;
}

/**
 * Interactive transactions wait for a connection (SQLite: for the one connection) up to `maxWait`.
 * Prisma's 2 s default failed bursts of concurrent point redemptions on a loaded machine (P2028).
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export function logLevels(options: OpenOptions): { emit: "event"; level: "query" }[] {
  return options.onQuery ? [{ emit: "event", level: "query" }] : [];
}

/** Forward Prisma's query events to `onQuery` (tests and the benchmark's SQL trace). */
export function withQueryLog<
  T extends { $on(event: "query", cb: (e: { query: string; params: string }) => void): void },
>(prisma: T, options: OpenOptions): T {
  const onQuery = options.onQuery;
  if (onQuery) prisma.$on("query", (event) => onQuery(event.query, event.params));
  return prisma;
}
