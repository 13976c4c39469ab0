import Database from "better-sqlite3";
import { checkpointsOf } from "../db/wal-checkpointer";
import { resetDue } from "./sweep";
import type { TicketCorpus } from "./ticket-corpus";

type Row = Record<string, string | number | null>;
type Timer = "escalateDueAt" | "nudgeDueAt" | "autoCloseAt";

/** The app's sweep order (core/tickets/sweep-deadlines.ts) and its batch size. */
const TIMERS: readonly Timer[] = ["escalateDueAt", "nudgeDueAt", "autoCloseAt"];
const BATCH = 200;
/** The corpus's own events have ids "e-…"; the sweep's have UUIDs. */
const SWEEP_EVENTS = `SELECT * FROM "TicketEvent" WHERE "id" NOT LIKE 'e-%' ORDER BY rowid`;

/** What an app sweep left: each due ticket's row after it, and the events it wrote, by ticket. */
export interface SweepPlan {
  readonly after: ReadonlyMap<string, Row>;
  readonly events: ReadonlyMap<string, readonly Row[]>;
}

/** Read back what the last app sweep wrote, to replay (call right after runSweep). */
export function planFromSweep(corpus: TicketCorpus): SweepPlan {
  const db = new Database(corpus.file, { readonly: true });
  try {
    const byId = db.prepare(`SELECT * FROM "Ticket" WHERE "id" = ?`);
    const after = new Map(corpus.dueRows.map((row) => [String(row.id), byId.get(row.id) as Row]));
    const events = new Map<string, Row[]>();
    for (const event of db.prepare(SWEEP_EVENTS).all() as Row[]) {
      const ticketId = String(event.ticketId);
      events.set(ticketId, [...(events.get(ticketId) ?? []), event]);
    }
    return { after, events };
  } finally {
    db.close();
  }
}

export interface RawSweepRun {
  readonly ms: number;
  readonly changes: number;
  readonly commits: number;
  /** Every due ticket ended as the app left it, and the same events were written. */
  readonly sameRowsAsApp: boolean;
}

/**
 * The sweep's floor: the same reads and the same row changes as the app's sweep, with plain
 * better-sqlite3 prepared statements — the due rows read 200 at a time by the timer's index, each
 * ticket's changed columns UPDATEd against its version and its events INSERTed, one commit per
 * batch — with the app's settings (WAL, synchronous NORMAL, 64 MB of cache, checkpoints in a
 * worker thread). No decisions, no domain objects, no notices.
 */
export async function runRawSweep(corpus: TicketCorpus, plan: SweepPlan): Promise<RawSweepRun> {
  resetDue(corpus);
  const db = new Database(corpus.file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -65536");
  const checkpointer = checkpointsOf(db, corpus.file);
  const at = corpus.at.toISOString().replace("Z", "+00:00");
  const updates = new Map<string, Database.Statement>();
  const updateOf = (columns: string[]) => {
    const sql = `UPDATE "Ticket" SET ${[...columns, "version"].map((c) => `"${c}" = @${c}`).join(", ")}
      WHERE "id" = @id AND "version" = @expectedVersion`;
    const statement = updates.get(sql) ?? db.prepare(sql);
    updates.set(sql, statement);
    return statement;
  };
  const anEvent = [...plan.events.values()][0]?.[0];
  if (!anEvent) throw new Error("raw sweep: the app's sweep wrote no event");
  const columnsOfEvent = Object.keys(anEvent);
  const insertEvent = db.prepare(
    `INSERT INTO "TicketEvent" (${columnsOfEvent.map((c) => `"${c}"`).join(", ")}) VALUES (${columnsOfEvent.map((c) => `@${c}`).join(", ")})`,
  );
  let changes = 0;
  let commits = 0;
  const started = performance.now();
  for (const timer of TIMERS) {
    const due = db.prepare(`SELECT * FROM "Ticket" WHERE "${timer}" <= ? ORDER BY "${timer}" ASC LIMIT ?`);
    for (;;) {
      const rows = due.all(at, BATCH) as Row[];
      if (rows.length === 0) break;
      db.prepare("BEGIN IMMEDIATE").run();
      for (const row of rows) {
        const after = plan.after.get(String(row.id));
        if (!after) throw new Error(`raw sweep: ${row.id} was not due in the app's sweep`);
        const changed = Object.keys(after).filter(
          (c) => c !== "id" && c !== "version" && after[c] !== row[c],
        );
        const written = updateOf(changed).run({ ...after, expectedVersion: row.version });
        if (written.changes !== 1) throw new Error(`raw sweep: ${row.id} was not at its version`);
        for (const event of plan.events.get(String(row.id)) ?? []) insertEvent.run(event);
        changes++;
      }
      db.prepare("COMMIT").run();
      commits++;
    }
  }
  const ms = performance.now() - started;
  await checkpointer.stop();
  const sameRowsAsApp = sameAsPlan(db, corpus, plan);
  db.close();
  return { ms, changes, commits, sameRowsAsApp };
}

function sameAsPlan(db: Database.Database, corpus: TicketCorpus, plan: SweepPlan): boolean {
  const byId = db.prepare(`SELECT * FROM "Ticket" WHERE "id" = ?`);
  const ticketsSame = corpus.dueRows.every(
    (row) => JSON.stringify(byId.get(row.id)) === JSON.stringify(plan.after.get(String(row.id))),
  );
  const written = (db.prepare(SWEEP_EVENTS).all() as Row[]).map((e) => JSON.stringify(e));
  const planned = [...plan.events.values()].flat().map((e) => JSON.stringify(e));
  return ticketsSame && JSON.stringify(written.sort()) === JSON.stringify(planned.sort());
}
