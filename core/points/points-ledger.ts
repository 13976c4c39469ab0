import type { Result } from "../shared/result";

/** Why points moved. Earnings count on the leaderboard; redemptions do not. */
export const ENTRY_KINDS = ["activity", "report", "award", "deduct", "redeem"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const LEADERBOARD_KINDS: readonly EntryKind[] = ["activity", "report", "award", "deduct"];

/** One line of the append-only ledger. Never edited or deleted: a correction is another entry. */
export interface PointEntry {
  readonly id: string;
  readonly personId: string;
  /** Signed: positive earns, negative spends or deducts. */
  readonly amount: number;
  readonly kind: EntryKind;
  readonly reason: string;
  /** What it is about: an activity, ticket or order id. */
  readonly reference: string | null;
  readonly actorId: string | null;
  /** Where it was earned (the community's leaderboard); null when nowhere in particular. */
  readonly communityId: string | null;
  /** The same key twice records once: `ticket:<id>`, `activity:<id>:<person>`, `redeem:<person>:<token>` … */
  readonly idempotencyKey: string;
  readonly createdAt: Date;
}

export interface Recorded {
  readonly entry: PointEntry;
  /** True when the key had been used: nothing new was written and `entry` is the first one. */
  readonly replayed: boolean;
  /** The balance after the entry (or now, on a replay). */
  readonly balance: number;
}

export interface LeaderboardRow {
  readonly personId: string;
  readonly points: number;
}

/**
 * The ledger and the balances derived from it. `record` appends the entry and moves the cached
 * balance in one transaction, and only if the balance stays ≥ 0 — so two concurrent spends of
 * the last points cannot both succeed. The cached balance always equals the sum of the entries.
 */
export interface PointsLedger {
  /** POINTS.INSUFFICIENT when the entry would take the balance below zero (nothing is written). */
  record(entry: PointEntry): Promise<Result<Recorded>>;
  balanceOf(personId: string): Promise<number>;
  recentEntries(personId: string, limit: number): Promise<PointEntry[]>;
  findByKey(idempotencyKey: string): Promise<PointEntry | null>;
  /** Sum of the given kinds per person in a community over [from, to), highest first. */
  leaderboard(query: {
    communityId: string;
    from: Date;
    to: Date;
    kinds: readonly EntryKind[];
    limit: number;
  }): Promise<LeaderboardRow[]>;
}
