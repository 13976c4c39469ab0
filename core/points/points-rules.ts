import { z } from "zod";

/**
 * How points are earned and shown: configuration, not code. app/config.ts reads it from the
 * environment (POINTS_* variables) and passes it in; tests pass their own.
 */
export const pointsRulesSchema = z.object({
  /** Credited to the reporter once per ticket, when the fix is confirmed or the case closes. */
  pointsPerVerifiedReport: z.number().int().min(0).max(10_000),
  /** Per-hour rate of an activity published without its own rate or flat points. */
  defaultPointsPerHour: z.number().int().min(0).max(10_000),
  /** Attended time is rounded down to a multiple of these minutes before the rate applies. */
  roundingMinutes: z.number().int().min(1).max(240),
  /** A location pin counts as "there" within this many metres, unless the activity says otherwise. */
  checkinRadiusMetres: z.number().int().min(10).max(50_000),
  /** One may check in this many minutes before an activity starts. */
  checkinEarlyMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** …and check out this long after it ended (the time counted stays capped at the window). */
  checkoutGraceMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  /** People shown on the monthly leaderboard (最美志愿者). */
  leaderboardSize: z.number().int().min(1).max(100),
  /** The most one /award or /deduct may move. */
  maxAdjustment: z.number().int().min(1).max(1_000_000),
});

export type PointsRules = z.infer<typeof pointsRulesSchema>;

export const DEFAULT_POINTS_RULES: PointsRules = {
  pointsPerVerifiedReport: 5,
  defaultPointsPerHour: 10,
  roundingMinutes: 15,
  checkinRadiusMetres: 200,
  checkinEarlyMinutes: 30,
  checkoutGraceMinutes: 240,
  leaderboardSize: 10,
  maxAdjustment: 1000,
};
