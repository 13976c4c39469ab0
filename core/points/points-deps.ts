import type { Clock } from "../shared/clock";
import type { IdGenerator } from "../shared/ids";
import type { GovernanceDirectory, PeopleDirectory } from "../tickets/governance-directory";
import type { PointsLedger } from "./points-ledger";
import type { PointsRules } from "./points-rules";
import type { RewardCatalogue } from "./rewards";
import type { ActivityRepository } from "./volunteer-activity";

/** Random integers in [0, maxExclusive): crypto in the app, a seeded sequence in tests. */
export interface RandomSource {
  int(maxExclusive: number): number;
}

export interface PointsDeps {
  readonly ledger: PointsLedger;
  readonly activities: ActivityRepository;
  readonly rewards: RewardCatalogue;
  readonly people: PeopleDirectory;
  readonly places: Pick<GovernanceDirectory, "getPlace">;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly random: RandomSource;
  readonly rules: PointsRules;
  /** IANA zone of the deployment: the leaderboard's months follow it. */
  readonly timeZone: string;
}
