import { monthIn } from "../shared/zoned-time";
import type { PointsDeps } from "./points-deps";
import { LEADERBOARD_KINDS } from "./points-ledger";

export interface LeaderboardLine {
  readonly rank: number;
  readonly personId: string;
  readonly name: string;
  readonly points: number;
}

/**
 * 最美志愿者: who earned most in a community this calendar month (deployment's time zone).
 * Earnings count (activities, verified reports, awards, less deductions); spending does not.
 */
export async function monthlyLeaderboard(
  deps: PointsDeps,
  communityId: string,
): Promise<{ month: string; lines: LeaderboardLine[] }> {
  const month = monthIn(deps.clock.now(), deps.timeZone);
  const rows = await deps.ledger.leaderboard({
    communityId,
    from: month.from,
    to: month.to,
    kinds: LEADERBOARD_KINDS,
    limit: deps.rules.leaderboardSize,
  });
  const lines: LeaderboardLine[] = [];
  for (const [index, row] of rows.filter((r) => r.points > 0).entries()) {
    const person = await deps.people.getPerson(row.personId);
    lines.push({
      rank: index + 1,
      personId: row.personId,
      name: person?.name ?? row.personId,
      points: row.points,
    });
  }
  return { month: month.label, lines };
}
