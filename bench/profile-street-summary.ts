import { loadConfig } from "../app/config";
import { createEgrid } from "../app/egrid-app";
import { createLogger } from "../app/logger";
import { fixedClock } from "../core/shared/clock";
import { instantOf, wallTimeIn } from "../core/shared/zoned-time";
import { summarise } from "../core/summaries/summarise";
import type { SummaryRepository } from "../core/summaries/summary-repository";

const METHODS: readonly (keyof SummaryRepository)[] = [
  "ticketsCreated",
  "ticketsClosed",
  "openCasesByPath",
  "oldestOpenAt",
  "ticketsByIds",
  "eventsBetween",
  "eventsOfTickets",
];

/** Each SummaryRepository call of `repo` printed with its time and row count. */
function timeSummaryCalls(repo: SummaryRepository): void {
  const timed = repo as unknown as Record<string, (...args: unknown[]) => Promise<unknown[]>>;
  for (const name of METHODS) {
    const call = timed[name]!.bind(repo);
    timed[name] = async (...args) => {
      const started = performance.now();
      const rows = await call(...args);
      process.stdout.write(`  ${name}: ${Math.round(performance.now() - started)} ms, ${rows.length} rows\n`);
      return rows;
    };
  }
}

/**
 * For the profiling scripts: the app on `databaseUrl` at `at`, street s-east's summary of the
 * local day before, three times, each repository call and each whole run printed with its time.
 */
export async function profileStreetSummary(databaseUrl: string, at: Date): Promise<void> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, SEED_DEMO: "false" });
  const egrid = await createEgrid(config, createLogger("silent"), fixedClock(at));
  try {
    timeSummaryCalls(egrid.summaries.summaries);
    const zone = "Asia/Shanghai";
    const to = instantOf({ ...wallTimeIn(at, zone), hour: 0, minute: 0 }, zone);
    const from = new Date(to.getTime() - 24 * 3600_000);
    for (let run = 1; run <= 3; run++) {
      const started = performance.now();
      const result = await summarise(egrid.summaries, { scopePlaceId: "s-east", from, to, timeZone: zone });
      const figures = result.ok ? { open: result.value.open, overdue: result.value.overdue } : result.code;
      process.stdout.write(
        `run ${run}: ${Math.round(performance.now() - started)} ms in all ${JSON.stringify(figures)}\n`,
      );
    }
  } finally {
    await egrid.close();
  }
}
