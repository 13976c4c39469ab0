import type { Result } from "../shared/result";
import type { PointEntry } from "./points-ledger";

/** Something a community offers for points: a course, a summer camp place, goods. */
export interface Reward {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly description: string;
  readonly cost: number;
  readonly stock: number;
  readonly active: boolean;
  readonly sortOrder: number;
  readonly createdAt: Date;
}

export interface RewardOrder {
  readonly id: string;
  readonly rewardId: string;
  readonly personId: string;
  readonly communityId: string;
  readonly cost: number;
  /** Short and unambiguous, said or shown at the service centre's desk. */
  readonly pickupCode: string;
  readonly state: "placed" | "collected";
  /** The ledger entry that paid for it. */
  readonly entryId: string;
  readonly createdAt: Date;
  readonly collectedAt: Date | null;
}

export interface Redemption {
  readonly order: RewardOrder;
  readonly reward: Reward;
  readonly balance: number;
  /** The debit's key had been used: this is the first redemption, nothing new was taken. */
  readonly replayed: boolean;
}

/**
 * The rewards catalogue. `redeem` debits the points (conditionally, as PointsLedger.record),
 * lowers the stock (conditionally: only while stock > 0) and writes the order, in one
 * transaction: the last item goes to exactly one person, and nobody pays for nothing.
 */
export interface RewardCatalogue {
  listForCommunity(communityId: string): Promise<Reward[]>;
  findById(id: string): Promise<Reward | null>;
  /**
   * POINTS.OUT_OF_STOCK, POINTS.INSUFFICIENT or POINTS.REWARD_NOT_FOUND (inactive) with nothing
   * written. `pickupCodes` gives a fresh candidate each call (a taken one is tried again).
   */
  redeem(input: {
    orderId: string;
    rewardId: string;
    debit: PointEntry;
    pickupCodes: () => string;
  }): Promise<Result<Redemption>>;
  ordersOf(personId: string, limit: number): Promise<RewardOrder[]>;
}
