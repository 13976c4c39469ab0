import type { EntryKind } from "../../core/points/points-ledger";
import type { ErrorCode } from "../../core/shared/error-codes";

export type PointsErrorCode = Extract<ErrorCode, `POINTS.${string}`>;

/** Volunteer points (志愿+积分): balances, rewards, activities, the leaderboard. Times come formatted. */
export interface PointsMessages {
  statement(p: { balance: number; lines: readonly string[] }): string;
  entryLine(p: { when: string; amount: number; kind: EntryKind; reason: string }): string;
  rewardsHeader(p: { balance: number }): string;
  rewardButton(p: { name: string; cost: number; stock: number }): string;
  noRewards(): string;
  confirmRedeem(p: { name: string; cost: number; balance: number }): string;
  buttonRedeem(): string;
  buttonCancel(): string;
  cancelled(): string;
  insufficient(p: { cost: number; balance: number }): string;
  redeemed(p: { name: string; pickupCode: string; cost: number; balance: number }): string;
  leaderboard(p: { month: string; lines: readonly { rank: number; name: string; points: number }[] }): string;
  leaderboardEmpty(p: { month: string }): string;
  activitiesHeader(): string;
  activityLine(p: { title: string; when: string; left: number; pay: string }): string;
  pay(p: { perHour: number | null; flat: number | null }): string;
  noActivities(): string;
  buttonSignUp(p: { title: string }): string;
  signedUp(p: { title: string; when: string }): string;
  alreadySignedUp(p: { title: string; when: string }): string;
  checkinHow(): string;
  checkedIn(p: { title: string }): string;
  checkedOut(p: { title: string; points: number; balance: number | null }): string;
  published(p: { title: string; when: string; id: string; code: string; capacity: number }): string;
  adjusted(p: { direction: "award" | "deduct"; name: string; points: number; balance: number }): string;
  adjustedForYou(p: {
    direction: "award" | "deduct";
    points: number;
    reason: string;
    balance: number;
  }): string;
  attendanceConfirmed(p: { name: string; title: string; points: number }): string;
  reportCredited(p: { number: string; points: number; balance: number }): string;
  usage(command: "award" | "deduct" | "publish" | "attended" | "checkin"): string;
  readonly errors: Record<PointsErrorCode, string>;
}
