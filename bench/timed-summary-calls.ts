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

/** Each SummaryRepository call of `repo` printed with its time and row count, for the profiling scripts. */
export function timeSummaryCalls(repo: SummaryRepository): void {
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
