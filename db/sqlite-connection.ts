import type { Database, Statement } from "better-sqlite3";

/**
 * Prisma's SQLite connection, for the hot paths to run prepared statements on directly.
 *
 * Why: through Prisma 6 every statement costs ≈ 0.4 ms (its query compiler and result mapping),
 * whatever the statement; the same statement prepared once on better-sqlite3 costs ≈ 10–30 µs
 * (bench/PROFILE.md). The intake, the sweep and the summary use this; everything else stays on
 * Prisma.
 *
 * Why Prisma's own connection and not a second one: SQLite has one writer. Prisma's interactive
 * transactions hold the write lock across `await`s; a second, synchronous connection waiting on
 * that lock would block the event loop the lock holder needs to finish. On one connection the
 * rule is simpler: run only while no Prisma transaction is open (`inTransaction`), and run a
 * whole unit synchronously, so no other JavaScript — and so no Prisma statement — can slip in.
 */
export class SqliteConnection {
  private database: Database | null = null;
  private statements = new Map<string, Statement>();

  /** Called by the adapter factory each time Prisma (re)connects. */
  attach(database: Database): void {
    this.database = database;
    this.statements = new Map();
  }

  /**
   * `unit` with no Prisma transaction open: sees committed data only and cannot land inside
   * another request's transaction. Reads and single autocommit writes.
   */
  async run<T>(unit: (sql: SqlStatements) => T): Promise<T> {
    const database = await this.idle();
    return unit(this.statementsOf(database));
  }

  /**
   * `unit` as one write transaction (BEGIN IMMEDIATE … COMMIT, rolled back if it throws), run as
   * `run` is. IMMEDIATE: a read-then-write unit never fails to upgrade its lock mid-way when
   * another process (the command line) wrote in between.
   */
  async transaction<T>(unit: (sql: SqlStatements) => T): Promise<T> {
    const database = await this.idle();
    return database.transaction(() => unit(this.statementsOf(database))).immediate();
  }

  /** The connection once no Prisma transaction is open on it; waits (without blocking) while one is. */
  private async idle(): Promise<Database> {
    for (let waits = 0; ; waits++) {
      const database = this.database;
      if (!database) throw new Error("the SQLite connection is not open yet (Prisma connects on first use)");
      if (!database.inTransaction) return database;
      // A Prisma transaction takes milliseconds; yield to it rather than spin.
      await new Promise((resolve) => setTimeout(resolve, waits < 20 ? 0 : 2));
    }
  }

  private statementsOf(database: Database): SqlStatements {
    return {
      prepare: (sql: string) => {
        let statement = this.statements.get(sql);
        if (!statement) {
          // Prisma set the connection to return 64-bit integers as BigInt; these counts and
          // versions are small, and core wants numbers.
          statement = database.prepare(sql).safeIntegers(false);
          this.statements.set(sql, statement);
        }
        return statement;
      },
    };
  }
}

/** Statements prepared once per connection and reused (preparing costs more than running). */
export interface SqlStatements {
  prepare(sql: string): Statement;
}
