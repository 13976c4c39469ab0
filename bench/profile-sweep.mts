// Where the deadline sweep spends its time: the benchmark's sweep (1,000 due of 1,000,000 tickets
// by default) run three times and timed; profile it with the flags below.
// Usage: node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/profile-sweep.mts [tickets]
import { withProfileCorpus } from "./profile-corpus";
import { runSweep } from "./sweep";

await withProfileCorpus(Number(process.argv[2] ?? 1_000_000), async (corpus) => {
  for (let run = 1; run <= 3; run++) {
    const result = await runSweep(corpus);
    process.stdout.write(`run ${run}: ${Math.round(result.ms)} ms ${JSON.stringify(result)}\n`);
  }
});
