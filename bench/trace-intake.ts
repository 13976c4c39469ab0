import Database from "better-sqlite3";
import { buildApp } from "./app-under-test";
import type { BenchMessage } from "./generate-messages";
import { installSqlTrace, type StatementSummary, summarise } from "./sql-trace";

export interface OutcomeTrace {
  readonly outcome: string;
  readonly messages: number;
  /** Means per message. */
  readonly statements: number;
  readonly reads: number;
  readonly writes: number;
  readonly transactions: number;
  readonly explicitTransactions: number;
  readonly autocommitWrites: number;
  readonly sqliteMs: number;
  readonly prepareMs: number;
  readonly wallMs: number;
  /** The most common set of rows written, e.g. "INSERT InboxMessage ×1, INSERT Ticket ×1 …". */
  readonly rows: string;
}

/**
 * Run messages through the app with every SQL statement recorded (sql-trace.ts) and report, per
 * outcome, how many statements, reads, writes and commits one message costs and how much of its
 * time is spent inside SQLite. Slower than the timed runs (the tracing itself costs), so it is a
 * run of its own and its times are only shares.
 */
export async function traceIntake(options: {
  dbFile: string;
  modelFile: string;
  start: Date;
  messages: readonly BenchMessage[];
  intervalMs: number;
  /** Print how often a message with this outcome runs each statement (BENCH_TRACE_SQL=<outcome>). */
  printOutcome?: string;
}): Promise<OutcomeTrace[]> {
  const app = await buildApp({ dbFile: options.dbFile, modelFile: options.modelFile, start: options.start });
  const perMessage: { inboxId: string; summary: StatementSummary; wallMs: number; sql: string[] }[] = [];
  const trace = installSqlTrace();
  try {
    for (let i = 0; i < options.messages.length; i++) {
      const m = options.messages[i]!;
      app.clock.set(new Date(options.start.getTime() + i * options.intervalMs));
      trace.reset();
      const t0 = performance.now();
      const outcome = await app.runtime.conversation.receive({
        channel: "playground",
        chatType: "group",
        chatId: m.chatId,
        userId: m.userId,
        userName: m.userName,
        messageId: m.messageId,
        text: m.text,
      });
      const wallMs = performance.now() - t0;
      perMessage.push({
        inboxId: outcome.inboxId!,
        summary: summarise(trace.statements),
        wallMs,
        sql: options.printOutcome ? trace.statements.map((s) => s.sql.replace(/\s+/g, " ").trim()) : [],
      });
    }
  } finally {
    trace.uninstall();
  }
  await app.close();
  const db = new Database(options.dbFile, { readonly: true });
  const outcomeOf = new Map(
    (db.prepare("SELECT id, outcome FROM InboxMessage").all() as { id: string; outcome: string }[]).map(
      (r) => [r.id, r.outcome],
    ),
  );
  db.close();
  const groups = new Map<string, typeof perMessage>();
  for (const entry of perMessage) {
    const outcome = outcomeOf.get(entry.inboxId) ?? "unprocessed";
    groups.set(outcome, [...(groups.get(outcome) ?? []), entry]);
  }
  if (options.printOutcome) {
    // Each distinct statement with how often a message of this outcome ran it, most frequent first.
    const entries = groups.get(options.printOutcome) ?? [];
    const counts = new Map<string, number>();
    for (const entry of entries) for (const sql of entry.sql) counts.set(sql, (counts.get(sql) ?? 0) + 1);
    for (const [sql, n] of [...counts].sort((a, b) => b[1] - a[1]))
      process.stderr.write(`${(n / entries.length).toFixed(2).padStart(6)}  ${sql.slice(0, 400)}\n`);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([outcome, entries]) => {
      const mean = (f: (e: (typeof entries)[number]) => number) =>
        Math.round((100 * entries.reduce((sum, e) => sum + f(e), 0)) / entries.length) / 100;
      const shapes = new Map<string, number>();
      for (const e of entries) {
        const shape = Object.entries(e.summary.writesByTable)
          .map(([table, n]) => `${table} ×${n}`)
          .join(", ");
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      }
      const rows = [...shapes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
      return {
        outcome,
        messages: entries.length,
        statements: mean((e) => e.summary.statements),
        reads: mean((e) => e.summary.reads),
        writes: mean((e) => e.summary.writes),
        transactions: mean((e) => e.summary.transactions),
        explicitTransactions: mean((e) => e.summary.explicitTransactions),
        autocommitWrites: mean((e) => e.summary.autocommitWrites),
        sqliteMs: mean((e) => e.summary.sqliteUs / 1000),
        prepareMs: mean((e) => e.summary.prepareUs / 1000),
        wallMs: mean((e) => e.wallMs),
        rows,
      };
    });
}
