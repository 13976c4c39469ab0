// Where a street's daily summary spends its time: each SummaryRepository call timed inside
// summarise(), over the benchmark's ticket corpus (1,000,000 tickets, 100,000 open by default).
// Usage: npx tsx bench/profile-summary.mts [tickets]
import { loadConfig } from "../app/config";
import { createEgrid } from "../app/egrid-app";
import { createLogger } from "../app/logger";
import { fixedClock } from "../core/shared/clock";
import { instantOf, wallTimeIn } from "../core/shared/zoned-time";
import { summarise } from "../core/summaries/summarise";
import { withProfileCorpus } from "./profile-corpus";
import { timeSummaryCalls } from "./timed-summary-calls";

await withProfileCorpus(Number(process.argv[2] ?? 1_000_000), async (corpus) => {
  const at = corpus.at;
  const config = loadConfig({ DATABASE_URL: `file:${corpus.file}`, SEED_DEMO: "false" });
  const egrid = await createEgrid(config, createLogger("silent"), fixedClock(at));
  timeSummaryCalls(egrid.summaries.summaries);
  const zone = "Asia/Shanghai";
  const to = instantOf({ ...wallTimeIn(at, zone), hour: 0, minute: 0 }, zone);
  const from = new Date(to.getTime() - 24 * 3600_000);
  for (let run = 1; run <= 3; run++) {
    const started = performance.now();
    await summarise(egrid.summaries, { scopePlaceId: "s-east", from, to, timeZone: zone });
    process.stdout.write(`run ${run}: ${Math.round(performance.now() - started)} ms in all\n`);
  }
  await egrid.close();
});
