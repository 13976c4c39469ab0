import { AsyncLocalStorage } from "node:async_hooks";
import type { Database, Statement } from "better-sqlite3";

/**
 * Prisma's SQLite connection, for the hot paths to run prepared statements on directly, and for
 * work that should land in one commit.
 *
 * Why: through Prisma 6 every statement costs ≈ 0.4 ms (its query compiler and result mapping),
 * whatever the statement; the same statement prepared once on better-sqlite3 costs ≈ 10–30 µs
 * (bench/PROFILE.md). And each commit writes every page it dirtied to the WAL: on a table with a
 * dozen indexes that is most of a small transaction's cost, so work done many times over (the
 * sweep) commits once per batch.
 *
 * Why Prisma's own connection and not a second one: SQLite has one writer. Prisma's interactive
 * transactions hold the write lock across `await`s; a second, synchronous connection waiting on
 * that lock would block the event loop the lock holder needs to finish. On one connection the
 * rules are simple: a unit runs synchronously (no other JavaScript, so no Prisma statement, can
 * slip in) and only while no Prisma transaction is open; while a batch is open, only the batch's
 * own async work (AsyncLocalStorage) uses the connection, Prisma's included, and everything else
 * — units and Prisma's queries and transactions alike — waits for its commit.
 */
export class SqliteConnection {
  private database: Database | null = null;
  private statements = new Map<string, Statement>();
  private readonly batchScope = new AsyncLocalStorage<object>();
  private openBatch: { token: object; done: Promise<void>; failed?: unknown } | null = null;
  /** Prisma transactions asked for and not yet finished (one may be waiting for Prisma's own lock). */
  private prismaTransactions = 0;

  /** Called by the adapter factory each time Prisma (re)connects. */
  attach(database: Database): void {
    this.database = database;
    this.statements = new Map();
  }

  /**
   * `unit` with no Prisma transaction open: sees committed data only (or its batch's) and cannot
   * land inside another request's transaction. Reads and single autocommit writes.
   */
  async run<T>(unit: (sql: SqlStatements) => T): Promise<T> {
    for (;;) {
      // Checked and used in one synchronous stretch: nothing can begin in between.
      const database = this.usable();
      if (database) return unit(this.statementsOf(database));
      await this.turn();
    }
  }

  /**
   * `unit` as one atomic write (rolled back whole if it throws), run as `run` is: its own
   * transaction (BEGIN IMMEDIATE: a read-then-write unit never fails to upgrade its lock mid-way
   * when another process wrote in between), or inside a batch a savepoint of the batch's.
   *
   * `failsBeforeWriting`: the errors this unit throws only before its first write. Inside a batch
   * it then runs without a savepoint (each costs tens of µs: SQLite journals every page the unit
   * touches, to be able to undo it); any other error it throws rolls the whole batch back.
   */
  async transaction<T>(
    unit: (sql: SqlStatements) => T,
    options: { failsBeforeWriting?: (error: unknown) => boolean } = {},
  ): Promise<T> {
    for (;;) {
      const database = this.usable();
      if (!database) {
        await this.turn();
        continue;
      }
      const batch = this.openBatch;
      if (batch && options.failsBeforeWriting) {
        try {
          return unit(this.statementsOf(database));
        } catch (error) {
          if (!options.failsBeforeWriting(error)) batch.failed ??= error;
          throw error;
        }
      }
      const atomic = database.transaction(() => unit(this.statementsOf(database)));
      return database.inTransaction ? atomic() : atomic.immediate();
    }
  }

  /**
   * `work` with every write it makes through this connection in one commit at its end (each
   * unit still atomic on its own); if `work` throws, nothing of it is kept. Others wait meanwhile,
   * so keep it short and free of network calls. Nested batches join the outer one.
   */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    if (this.inOpenBatch()) return work();
    let database = this.usable();
    while (!database || this.prismaTransactions > 0) {
      await this.turn();
      database = this.usable();
    }
    let finish = () => {};
    const token = {};
    const batch: NonNullable<typeof this.openBatch> = {
      token,
      done: new Promise<void>((resolve) => (finish = resolve)),
    };
    this.openBatch = batch;
    try {
      database.prepare("BEGIN IMMEDIATE").run();
      const result = await this.batchScope.run(token, work);
      // A unit without a savepoint failed half-written: whatever `work` made of it, keep nothing.
      if (batch.failed !== undefined) throw batch.failed;
      database.prepare("COMMIT").run();
      return result;
    } catch (error) {
      if (database.inTransaction) database.prepare("ROLLBACK").run();
      throw error;
    } finally {
      this.openBatch = null;
      finish();
    }
  }

  /**
   * For Prisma's adapter: may one of its queries run now? Not while a batch that is not the
   * caller's is open (it would land inside it). Check and run in one synchronous stretch.
   */
  prismaMayQuery(): boolean {
    return !this.openBatch || this.inOpenBatch();
  }

  /** For Prisma's adapter: wait for the open batch (then check prismaMayQuery again). */
  async batchEnded(): Promise<void> {
    await this.openBatch?.done;
  }

  /** For Prisma's adapter, around each of its transactions, so that no batch begins inside one. */
  async prismaTransaction<T extends { commit(): Promise<void>; rollback(): Promise<void> }>(
    start: () => Promise<T>,
  ): Promise<T> {
    if (this.inOpenBatch())
      throw new Error("a Prisma transaction cannot run inside a batch (it would nest BEGIN in BEGIN)");
    while (!this.prismaMayQuery()) await this.batchEnded();
    this.prismaTransactions++;
    let ended = false;
    const end = () => {
      if (!ended) this.prismaTransactions--;
      ended = true;
    };
    try {
      const transaction = await start();
      const { commit, rollback } = transaction;
      transaction.commit = () => commit.call(transaction).finally(end);
      transaction.rollback = () => rollback.call(transaction).finally(end);
      return transaction;
    } catch (error) {
      end();
      throw error;
    }
  }

  private inOpenBatch(): boolean {
    return this.openBatch !== null && this.batchScope.getStore() === this.openBatch.token;
  }

  /** The connection if it is the caller's to use now: no Prisma transaction, no batch but the caller's. */
  private usable(): Database | null {
    const database = this.database;
    if (!database) throw new Error("the SQLite connection is not open yet (Prisma connects on first use)");
    if (this.openBatch) return this.inOpenBatch() ? database : null;
    return database.inTransaction ? null : database;
  }

  /** Wait for whatever holds the connection: the open batch, or (taking milliseconds) a Prisma transaction. */
  private async turn(): Promise<void> {
    if (this.openBatch) await this.openBatch.done;
    else await new Promise((resolve) => setTimeout(resolve, 0));
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
