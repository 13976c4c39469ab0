import type { EntryKind, LeaderboardRow, PointEntry, PointsLedger } from "../points/points-ledger";
import type { Redemption, Reward, RewardCatalogue, RewardOrder } from "../points/rewards";
import type { ActivityRepository, ActivitySignup, VolunteerActivity } from "../points/volunteer-activity";
import { fail, ok, type Result } from "../shared/result";

/**
 * The points ports in memory, for tests of core. Each write runs without an await inside, so
 * it is atomic as the SQLite transactions are; the same contracts are tested on SQLite.
 */
export class InMemoryPointsLedger implements PointsLedger {
  readonly entries: PointEntry[] = [];
  readonly balances = new Map<string, number>();

  recordNow(entry: PointEntry): Result<{ entry: PointEntry; replayed: boolean; balance: number }> {
    const first = this.entries.find((e) => e.idempotencyKey === entry.idempotencyKey);
    const balance = this.balances.get(entry.personId) ?? 0;
    if (first) return ok({ entry: first, replayed: true, balance: this.balances.get(first.personId) ?? 0 });
    if (balance + entry.amount < 0) return fail("POINTS.INSUFFICIENT", { balance, needed: -entry.amount });
    this.entries.push(entry);
    this.balances.set(entry.personId, balance + entry.amount);
    return ok({ entry, replayed: false, balance: balance + entry.amount });
  }

  async record(entry: PointEntry) {
    return this.recordNow(entry);
  }

  async balanceOf(personId: string) {
    return this.balances.get(personId) ?? 0;
  }

  async recentEntries(personId: string, limit: number) {
    return this.entries
      .filter((e) => e.personId === personId)
      .reverse()
      .slice(0, limit);
  }

  async findByKey(key: string) {
    return this.entries.find((e) => e.idempotencyKey === key) ?? null;
  }

  async leaderboard(q: {
    communityId: string;
    from: Date;
    to: Date;
    kinds: readonly EntryKind[];
    limit: number;
  }) {
    const sums = new Map<string, number>();
    for (const e of this.entries) {
      if (e.communityId !== q.communityId || !q.kinds.includes(e.kind)) continue;
      if (e.createdAt < q.from || e.createdAt >= q.to) continue;
      sums.set(e.personId, (sums.get(e.personId) ?? 0) + e.amount);
    }
    const rows: LeaderboardRow[] = [...sums].map(([personId, points]) => ({ personId, points }));
    return rows.sort((a, b) => b.points - a.points || a.personId.localeCompare(b.personId)).slice(0, q.limit);
  }
}

export class InMemoryActivities implements ActivityRepository {
  readonly activities = new Map<string, VolunteerActivity>();
  readonly signups = new Map<string, ActivitySignup>();

  async create(activity: VolunteerActivity) {
    this.activities.set(activity.id, activity);
  }

  async findById(id: string) {
    return this.activities.get(id) ?? null;
  }

  async listUpcoming(communityId: string, after: Date, limit: number) {
    return [...this.activities.values()]
      .filter((a) => a.communityId === communityId && a.state === "open" && a.endsAt > after)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .slice(0, limit);
  }

  async signUp(signup: ActivitySignup) {
    const first = await this.findSignup(signup.activityId, signup.personId);
    if (first) return ok({ signup: first, already: true });
    const activity = this.activities.get(signup.activityId);
    if (!activity) return fail("POINTS.ACTIVITY_NOT_FOUND");
    if (activity.signedUp >= activity.capacity) return fail("POINTS.ACTIVITY_FULL");
    this.activities.set(activity.id, { ...activity, signedUp: activity.signedUp + 1 });
    this.signups.set(signup.id, signup);
    return ok({ signup, already: false });
  }

  async findSignup(activityId: string, personId: string) {
    for (const s of this.signups.values())
      if (s.activityId === activityId && s.personId === personId) return s;
    return null;
  }

  async signupsOf(personId: string, endingAfter: Date) {
    return [...this.signups.values()]
      .filter((s) => s.personId === personId)
      .map((signup) => ({ signup, activity: this.activities.get(signup.activityId)! }))
      .filter((m) => m.activity.endsAt > endingAfter && m.activity.state === "open")
      .sort((a, b) => a.activity.startsAt.getTime() - b.activity.startsAt.getTime());
  }

  private setOnce(id: string, field: "checkedInAt" | "checkedOutAt", at: Date): boolean {
    const signup = this.signups.get(id);
    if (!signup || signup[field] !== null) return false;
    this.signups.set(id, { ...signup, [field]: at });
    return true;
  }

  async markCheckedIn(id: string, at: Date) {
    return this.setOnce(id, "checkedInAt", at);
  }

  async markCheckedOut(id: string, at: Date) {
    return this.setOnce(id, "checkedOutAt", at);
  }

  async markGranted(id: string, points: number, at: Date) {
    const signup = this.signups.get(id);
    if (!signup || signup.pointsGranted !== null) return false;
    this.signups.set(id, { ...signup, pointsGranted: points, grantedAt: at });
    return true;
  }
}

export class InMemoryRewards implements RewardCatalogue {
  readonly rewards = new Map<string, Reward>();
  readonly orders: RewardOrder[] = [];

  constructor(private readonly ledger: InMemoryPointsLedger) {}

  add(reward: Partial<Reward> & Pick<Reward, "id" | "communityId" | "name" | "cost" | "stock">): Reward {
    const full: Reward = {
      nameEn: null,
      description: "",
      active: true,
      sortOrder: this.rewards.size,
      createdAt: new Date(0),
      ...reward,
    };
    this.rewards.set(full.id, full);
    return full;
  }

  async listForCommunity(communityId: string) {
    return [...this.rewards.values()]
      .filter((r) => r.communityId === communityId)
      .sort((a, b) => a.sortOrder - b.sortOrder);
  }

  async findById(id: string) {
    return this.rewards.get(id) ?? null;
  }

  async redeem(input: { orderId: string; rewardId: string; debit: PointEntry; pickupCodes: () => string }) {
    const reward = this.rewards.get(input.rewardId);
    if (!reward?.active) return fail("POINTS.REWARD_NOT_FOUND");
    // No await from here on: the check, the debit and the stock move happen as one step.
    const first = this.ledger.entries.find((e) => e.idempotencyKey === input.debit.idempotencyKey);
    if (first) {
      const order = this.orders.find((o) => o.entryId === first.id)!;
      const balance = this.ledger.balances.get(first.personId) ?? 0;
      return ok<Redemption>({ order, reward, balance, replayed: true });
    }
    if (reward.stock <= 0) return fail("POINTS.OUT_OF_STOCK");
    const debited = this.ledger.recordNow({ ...input.debit, amount: -reward.cost });
    if (!debited.ok) return debited;
    let pickupCode = input.pickupCodes();
    while (this.orders.some((o) => o.pickupCode === pickupCode)) pickupCode = input.pickupCodes();
    const after = { ...reward, stock: reward.stock - 1 };
    this.rewards.set(reward.id, after);
    const order: RewardOrder = {
      id: input.orderId,
      rewardId: reward.id,
      personId: input.debit.personId,
      communityId: reward.communityId,
      cost: reward.cost,
      pickupCode,
      state: "placed",
      entryId: input.debit.id,
      createdAt: input.debit.createdAt,
      collectedAt: null,
    };
    this.orders.push(order);
    return ok<Redemption>({ order, reward: after, balance: debited.value.balance, replayed: false });
  }

  async ordersOf(personId: string, limit: number) {
    return this.orders
      .filter((o) => o.personId === personId)
      .reverse()
      .slice(0, limit);
  }
}
