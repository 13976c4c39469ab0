import type { PointsDeps } from "../points/points-deps";
import { DEFAULT_POINTS_RULES, type PointsRules } from "../points/points-rules";
import { seededRandom } from "../points/random-codes";
import { counterIds } from "../shared/ids";
import { InMemoryActivities, InMemoryPointsLedger, InMemoryRewards } from "./in-memory-points";
import { T0, ticketFixture } from "./ticket-fixture";

/**
 * The ticket fixture's district and people (r1, r2 residents of c1; ca1 admin of c1, ca2 of c2;
 * sa1 street admin over c1 and c2; …) with points in memory, the clock at T0.
 */
export function pointsFixture(rules: Partial<PointsRules> = {}) {
  const base = ticketFixture();
  const ledger = new InMemoryPointsLedger();
  const activities = new InMemoryActivities();
  const rewards = new InMemoryRewards(ledger);
  const points: PointsDeps = {
    ledger,
    activities,
    rewards,
    people: base.directory,
    places: base.directory,
    clock: base.clock,
    ids: counterIds("p"),
    random: seededRandom(7),
    rules: { ...DEFAULT_POINTS_RULES, ...rules },
    timeZone: "Asia/Shanghai",
  };
  let key = 0;
  /** Give someone points straight into the ledger (an award by nobody in particular). */
  function give(personId: string, amount: number, communityId: string | null = "c1") {
    const recorded = ledger.recordNow({
      id: `seed-${++key}`,
      personId,
      amount,
      kind: "award",
      reason: "test",
      reference: null,
      actorId: null,
      communityId,
      idempotencyKey: `test:${key}`,
      createdAt: base.clock.now(),
    });
    if (!recorded.ok) throw new Error(recorded.code);
  }
  return { ...base, points, ledger, activities, rewards, give, T0 };
}
