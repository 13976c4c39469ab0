import { devNull } from "node:os";
import pino from "pino";
import { loadConfig } from "../app/config";
import { createEgrid } from "../app/egrid-app";
import { createLogger } from "../app/logger";
import { fixedClock } from "../core/shared/clock";
import { instantOf, wallTimeIn } from "../core/shared/zoned-time";
import { summarise } from "../core/summaries/summarise";
import type { TicketCorpus } from "./ticket-corpus";

export interface SummaryRun {
  readonly ms: number;
  readonly newCases: number;
  readonly closed: number;
  readonly open: number;
  readonly overdue: number;
}

/**
 * A street's daily summary (core/summaries/summarise.ts, with the app's `egrid.summaries`
 * wiring) over the ticket corpus: street s-east (three of the seven communities), the local day
 * before the corpus's instant. Chart rendering and delivery are not timed.
 */
export async function runSummary(corpus: TicketCorpus, timeZone = "Asia/Shanghai"): Promise<SummaryRun> {
  const config = loadConfig({ DATABASE_URL: `file:${corpus.file}`, SEED_DEMO: "false" });
  const logger = createLogger("info", pino.destination({ dest: devNull, sync: true }));
  const egrid = await createEgrid(config, logger, fixedClock(corpus.at));
  try {
    const to = instantOf({ ...wallTimeIn(corpus.at, timeZone), hour: 0, minute: 0 }, timeZone);
    const from = new Date(to.getTime() - 24 * 3600_000);
    const started = performance.now();
    const result = await summarise(egrid.summaries, { scopePlaceId: "s-east", from, to, timeZone });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`summary failed: ${result.code}`);
    const { newCases, closed, open, overdue } = result.value;
    return { ms, newCases, closed, open, overdue };
  } finally {
    await egrid.close();
  }
}
