// Where the deadline sweep spends its time: the benchmark's sweep (1,000 due of 1,000,000 tickets
// by default) run three times, timed, with the repository calls counted and timed.
// Usage: node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/profile-sweep.mts [tickets]
import { seededRandom } from "../prompts/offline-model/seeded-random";
import { benchDir } from "./bench-database";
import { runSweep } from "./sweep";
import { generateTicketCorpus } from "./ticket-corpus";

const total = Number(process.argv[2] ?? 1_000_000);
const dir = benchDir();
try {
  const at = new Date(new Date("2026-12-01T00:00:00Z").getTime() + 26 * 3600_000);
  const corpus = await generateTicketCorpus(
    dir.file("tickets.db"),
    { total, open: Math.round(total / 10), due: 1000 },
    at,
    seededRandom(20_261_131),
  );
  for (let run = 1; run <= 3; run++) {
    const result = await runSweep(corpus);
    process.stdout.write(`run ${run}: ${Math.round(result.ms)} ms ${JSON.stringify(result)}\n`);
  }
} finally {
  dir.remove();
}
