import { seededRandom } from "../prompts/offline-model/seeded-random";
import { benchDir } from "./bench-database";
import { generateTicketCorpus, type TicketCorpus } from "./ticket-corpus";

/**
 * The profiling scripts' corpus (bench/profile-*.mts): `total` tickets, a tenth of them open and
 * 1,000 due, at the bench's instant, in a temporary folder removed once `use` is done.
 */
export async function withProfileCorpus(total: number, use: (corpus: TicketCorpus) => Promise<void>) {
  const dir = benchDir();
  try {
    const at = new Date(new Date("2026-12-01T00:00:00Z").getTime() + 26 * 3600_000);
    const shape = { total, open: Math.round(total / 10), due: 1000 };
    await use(await generateTicketCorpus(dir.file("tickets.db"), shape, at, seededRandom(20_261_131)));
  } finally {
    dir.remove();
  }
}
