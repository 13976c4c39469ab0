import { describe, expect, it } from "vitest";
import { pointsFixture } from "../testing/points-fixture";
import { unwrap } from "../testing/ticket-fixture";
import { UNAMBIGUOUS_ALPHABET } from "./random-codes";
import { confirmationToken, redeemReward, rewardsOf } from "./redeem-reward";

function withRewards() {
  const f = pointsFixture();
  f.rewards.add({ id: "camp", communityId: "c1", name: "夏令营名额", cost: 50, stock: 1 });
  f.rewards.add({ id: "soap", communityId: "c1", name: "洗衣液", cost: 10, stock: 5 });
  f.rewards.add({ id: "old", communityId: "c1", name: "下架", cost: 1, stock: 5, active: false });
  return f;
}

describe("redeeming a reward", () => {
  it("debits, lowers the stock and gives an unambiguous pickup code", async () => {
    const f = withRewards();
    f.give("r1", 60);
    expect((await rewardsOf(f.points, "c1")).map((r) => r.id)).toEqual(["camp", "soap"]);
    const token = confirmationToken(f.points);
    const done = unwrap(await redeemReward(f.points, { personId: "r1", rewardId: "soap", token }));
    expect(done).toMatchObject({
      replayed: false,
      balance: 50,
      reward: { stock: 4 },
      order: { cost: 10, state: "placed" },
    });
    expect(done.order.pickupCode).toMatch(new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{6}$`));
    // The same confirmation pressed again: the first order, nothing taken twice.
    const again = unwrap(await redeemReward(f.points, { personId: "r1", rewardId: "soap", token }));
    expect(again).toMatchObject({ replayed: true, order: { id: done.order.id } });
    expect(await f.ledger.balanceOf("r1")).toBe(50);
    expect(f.rewards.rewards.get("soap")?.stock).toBe(4);
  });

  it("refuses without enough points, out of stock, or an unknown or withdrawn reward — taking nothing", async () => {
    const f = withRewards();
    f.give("r1", 40);
    f.give("r2", 100);
    const redeem = (personId: string, rewardId: string) =>
      redeemReward(f.points, { personId, rewardId, token: confirmationToken(f.points) });
    expect(await redeem("r1", "camp")).toMatchObject({ code: "POINTS.INSUFFICIENT" });
    expect(unwrap(await redeem("r2", "camp")).reward.stock).toBe(0);
    expect(await redeem("r2", "camp")).toMatchObject({ code: "POINTS.OUT_OF_STOCK" });
    expect(await redeem("r2", "old")).toMatchObject({ code: "POINTS.REWARD_NOT_FOUND" });
    expect(await redeem("r2", "nope")).toMatchObject({ code: "POINTS.REWARD_NOT_FOUND" });
    expect(await redeemReward(f.points, { personId: "r2", rewardId: "soap", token: "x" })).toMatchObject({
      code: "POINTS.INVALID_INPUT",
    });
    expect([await f.ledger.balanceOf("r1"), await f.ledger.balanceOf("r2")]).toEqual([40, 50]);
  });

  it("the last item under concurrent redemptions goes to exactly one person", async () => {
    const f = withRewards();
    const people = Array.from({ length: 20 }, (_, i) => `p${i}`);
    for (const id of people) f.give(id, 50);
    const results = await Promise.all(
      people.map((personId) =>
        redeemReward(f.points, { personId, rewardId: "camp", token: confirmationToken(f.points) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "POINTS.OUT_OF_STOCK")).toHaveLength(19);
    expect(f.rewards.orders).toHaveLength(1);
    const paid = people.filter((id) => f.ledger.balances.get(id) === 0);
    expect(paid).toEqual([f.rewards.orders[0]!.personId]);
  });
});
