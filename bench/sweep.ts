import { devNull } from "node:os";
import Database from "better-sqlite3";
import pino from "pino";
import { loadConfig } from "../app/config";
import { createEgrid } from "../app/egrid-app";
import { createLogger } from "../app/logger";
import { fixedClock } from "../core/shared/clock";
import { sweepDeadlines } from "../core/tickets/sweep-deadlines";
import type { TicketCorpus } from "./ticket-corpus";

/** Put the due tickets back as generated and drop the sweep's events, so every run sweeps the same 1,000. */
export function resetDue(corpus: TicketCorpus): void {
  const raw = new Database(corpus.file);
  const columns = Object.keys(corpus.dueRows[0] ?? {}).filter((c) => c !== "id");
  const restore = raw.prepare(
    `UPDATE Ticket SET ${columns.map((c) => `"${c}" = @${c}`).join(", ")}, departmentId = NULL WHERE id = @id`,
  );
  raw.transaction(() => {
    for (const row of corpus.dueRows) restore.run(row);
    // The generated timelines have ids "e-…"; the sweep's own events have UUIDs.
    raw.prepare(`DELETE FROM TicketEvent WHERE id NOT LIKE 'e-%'`).run();
  })();
  raw.close();
}

export interface SweepRun {
  readonly ms: number;
  readonly nudged: number;
  readonly escalated: number;
  readonly autoClosed: number;
  readonly breached: number;
  readonly deferred: number;
  readonly skipped: number;
}

/** `sweepDeadlines` as the scheduler calls it, with the app's wiring and settings, timed alone. */
export async function runSweep(corpus: TicketCorpus): Promise<SweepRun> {
  resetDue(corpus);
  const config = loadConfig({ DATABASE_URL: `file:${corpus.file}`, SEED_DEMO: "false" });
  const logger = createLogger("info", pino.destination({ dest: devNull, sync: true }));
  const egrid = await createEgrid(config, logger, fixedClock(corpus.at));
  try {
    const started = performance.now();
    const report = await sweepDeadlines(egrid.tickets, corpus.at);
    const ms = performance.now() - started;
    if (!report.ok) throw new Error(`sweep failed: ${report.code}`);
    const { nudged, escalated, autoClosed, breached, deferred, skipped } = report.value;
    return { ms, nudged, escalated, autoClosed, breached, deferred, skipped };
  } finally {
    await egrid.close();
  }
}
