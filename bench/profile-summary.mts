// Where a street's daily summary spends its time: each SummaryRepository call timed inside
// summarise(), over the benchmark's ticket corpus (1,000,000 tickets, 100,000 open by default).
// Usage: npx tsx bench/profile-summary.mts [tickets]
import { withProfileCorpus } from "./profile-corpus";
import { profileStreetSummary } from "./profile-street-summary";

await withProfileCorpus(Number(process.argv[2] ?? 1_000_000), (corpus) =>
  profileStreetSummary(`file:${corpus.file}`, corpus.at),
);
