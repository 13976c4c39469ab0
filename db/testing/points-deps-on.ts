import type { PointsDeps } from "../../core/points/points-deps";
import { DEFAULT_POINTS_RULES, type PointsRules } from "../../core/points/points-rules";
import { seededRandom } from "../../core/points/random-codes";
import { type Clock, fixedClock } from "../../core/shared/clock";
import { counterIds } from "../../core/shared/ids";
import type { EgridDatabase } from "../database";
import { PrismaGovernanceDirectory, PrismaPeopleDirectory } from "../repositories/prisma-directory";
import { PrismaActivities } from "../repositories/prisma-points-activities";
import { PrismaPointsLedger } from "../repositories/prisma-points-ledger";
import { PrismaRewards } from "../repositories/prisma-points-rewards";

/** The points use cases on a real database (see temp-database.ts), with a fixed clock by default. */
export function pointsDepsOn(
  db: EgridDatabase,
  clock: Clock = fixedClock(new Date("2026-11-30T02:00:00Z")),
  rules: Partial<PointsRules> = {},
): PointsDeps {
  return {
    ledger: new PrismaPointsLedger(db.prisma),
    activities: new PrismaActivities(db.prisma),
    rewards: new PrismaRewards(db.prisma),
    people: new PrismaPeopleDirectory(db.prisma),
    places: new PrismaGovernanceDirectory(db.prisma),
    clock,
    ids: counterIds(`pt${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`),
    random: seededRandom(Math.floor(Math.random() * 2 ** 31)),
    rules: { ...DEFAULT_POINTS_RULES, ...rules },
    timeZone: "Asia/Shanghai",
  };
}
