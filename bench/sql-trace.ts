import Database from "better-sqlite3";

/**
 * Every statement the process runs through better-sqlite3 — Prisma's adapter prepares each query
 * afresh and runs BEGIN/COMMIT as statements; the hot paths reuse prepared statements, and
 * transaction() runs its own prepared BEGIN/COMMIT — with the time spent preparing and executing it.
 * Installed by patching better-sqlite3's prototypes (the app's code is left as it is), only for
 * the tracing run: it costs a little per statement.
 */
export interface TracedStatement {
  readonly sql: string;
  /** Microseconds in prepare() and in run()/all()/get(). */
  prepareUs: number;
  executeUs: number;
}

export interface SqlTrace {
  readonly statements: TracedStatement[];
  reset(): void;
  uninstall(): void;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

export function installSqlTrace(): SqlTrace {
  const statements: TracedStatement[] = [];
  // A statement's preparation, charged to its next execution (the hot paths prepare once and reuse).
  const pendingPrepareUs = new WeakMap<object, number>();
  const dbProto = Database.prototype as unknown as Record<string, Method>;
  const probe = new Database(":memory:");
  const stmtProto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, Method>;
  probe.close();
  const originalPrepare = dbProto.prepare!;
  const originals = new Map<string, Method>();
  dbProto.prepare = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const statement = originalPrepare.apply(this, args) as object;
    pendingPrepareUs.set(statement, (performance.now() - started) * 1000);
    return statement;
  };
  for (const name of ["run", "all", "get", "iterate"]) {
    const original = stmtProto[name]!;
    originals.set(name, original);
    stmtProto[name] = function (this: unknown, ...args: unknown[]) {
      const statement = this as { source: string };
      const entry: TracedStatement = {
        sql: statement.source,
        prepareUs: pendingPrepareUs.get(statement) ?? 0,
        executeUs: 0,
      };
      pendingPrepareUs.delete(statement);
      statements.push(entry);
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        entry.executeUs += (performance.now() - started) * 1000;
      }
    };
  }
  return {
    statements,
    reset: () => {
      statements.length = 0;
    },
    uninstall: () => {
      dbProto.prepare = originalPrepare;
      for (const [name, original] of originals) stmtProto[name] = original;
    },
  };
}

export interface StatementSummary {
  readonly statements: number;
  /** Commits: BEGIN … COMMIT blocks plus writes run outside one (SQLite commits each of those itself). */
  readonly transactions: number;
  readonly explicitTransactions: number;
  readonly autocommitWrites: number;
  readonly reads: number;
  readonly writes: number;
  /** Rows written per table: "INSERT Ticket" → 1. */
  readonly writesByTable: Record<string, number>;
  readonly sqliteUs: number;
  readonly prepareUs: number;
}

const WRITE =
  /^\s*(INSERT|UPDATE|DELETE)\s+(?:OR\s+\w+\s+)?(?:INTO\s+|FROM\s+)?[`"]?(?:main[`"]?\.[`"]?)?(\w+)/i;

export function summarise(statements: readonly TracedStatement[]): StatementSummary {
  const writesByTable: Record<string, number> = {};
  let explicitTransactions = 0;
  let autocommitWrites = 0;
  let inTransaction = false;
  let reads = 0;
  let writes = 0;
  let sqliteUs = 0;
  let prepareUs = 0;
  for (const s of statements) {
    sqliteUs += s.prepareUs + s.executeUs;
    prepareUs += s.prepareUs;
    if (/^\s*BEGIN\b/i.test(s.sql)) inTransaction = true;
    if (/^\s*(COMMIT|END|ROLLBACK)\b/i.test(s.sql)) {
      inTransaction = false;
      explicitTransactions++;
    }
    const write = WRITE.exec(s.sql);
    if (write) {
      writes++;
      if (!inTransaction) autocommitWrites++;
      const key = `${write[1]!.toUpperCase()} ${write[2]}`;
      writesByTable[key] = (writesByTable[key] ?? 0) + 1;
    } else if (/^\s*SELECT\b/i.test(s.sql)) reads++;
  }
  return {
    statements: statements.length,
    transactions: explicitTransactions + autocommitWrites,
    explicitTransactions,
    autocommitWrites,
    reads,
    writes,
    writesByTable,
    sqliteUs,
    prepareUs,
  };
}
