import { afterEach, describe, expect, it } from "vitest";
import { confirmationToken, redeemReward } from "../../core/points/redeem-reward";
import { publishActivity, signUpForActivity } from "../../core/points/volunteer-activities";
import { fixedClock } from "../../core/shared/clock";
import { pointsDepsOn } from "../testing/points-deps-on";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const T0 = new Date("2026-11-30T02:00:00Z");

async function setup() {
  const temp = await tempDatabase();
  cleanups.push(temp.cleanup);
  const deps = pointsDepsOn(temp.db, fixedClock(T0));
  const prisma = temp.db.prisma;
  await prisma.reward.create({
    data: {
      id: "rw-last",
      communityId: "c-chunhui",
      name: "最后一个夏令营名额",
      cost: 50,
      stock: 1,
      createdAt: T0,
    },
  });
  return { temp, deps, prisma };
}

async function give(deps: ReturnType<typeof pointsDepsOn>, personId: string, amount: number) {
  const recorded = await deps.ledger.record({
    id: `give-${personId}`,
    personId,
    amount,
    kind: "award",
    reason: "test",
    reference: null,
    actorId: null,
    communityId: "c-chunhui",
    idempotencyKey: `give:${personId}`,
    createdAt: T0,
  });
  if (!recorded.ok) throw new Error(recorded.code);
}

describe(`redeeming rewards on ${TEST_DATABASE}`, () => {
  it("100 concurrent redemptions of the last item: one order, one debit, stock 0, everyone else keeps their points", async () => {
    const { deps, prisma } = await setup();
    const people = Array.from({ length: 100 }, (_, i) => `p-buyer-${i}`);
    for (const id of people) await give(deps, id, 80);
    const results = await Promise.all(
      people.map((personId) =>
        redeemReward(deps, { personId, rewardId: "rw-last", token: confirmationToken(deps) }),
      ),
    );
    const won = results.flatMap((r) => (r.ok ? [r.value] : []));
    expect(won).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "POINTS.OUT_OF_STOCK")).toHaveLength(99);
    expect(await prisma.rewardOrder.count()).toBe(1);
    expect(await prisma.pointEntry.count({ where: { kind: "redeem" } })).toBe(1);
    expect((await prisma.reward.findUniqueOrThrow({ where: { id: "rw-last" } })).stock).toBe(0);
    const winner = won[0]!.order.personId;
    expect(won[0]).toMatchObject({ balance: 30, order: { cost: 50, state: "placed" } });
    const accounts = await prisma.pointAccount.findMany({ where: { personId: { in: people } } });
    expect(accounts.filter((a) => a.balance === 80)).toHaveLength(99);
    expect(accounts.find((a) => a.personId === winner)?.balance).toBe(30);
  });

  it("the same confirmation pressed 10 times at once makes one order; pickup codes are unique", async () => {
    const { deps, prisma } = await setup();
    await give(deps, "p-res-wang-2", 1000);
    await prisma.reward.update({ where: { id: "rw-last" }, data: { stock: 20 } });
    const token = confirmationToken(deps);
    const presses = await Promise.all(
      Array.from({ length: 10 }, () =>
        redeemReward(deps, { personId: "p-res-wang-2", rewardId: "rw-last", token }),
      ),
    );
    const orders = new Set(presses.map((p) => (p.ok ? p.value.order.id : p.code)));
    expect(orders.size).toBe(1);
    expect(presses.filter((p) => p.ok && !p.value.replayed)).toHaveLength(1);
    // Different confirmations: different orders, each with its own code.
    for (let i = 0; i < 9; i++)
      await redeemReward(deps, {
        personId: "p-res-wang-2",
        rewardId: "rw-last",
        token: confirmationToken(deps),
      });
    const codes = (await prisma.rewardOrder.findMany()).map((o) => o.pickupCode);
    expect(new Set(codes).size).toBe(10);
    expect(await deps.ledger.balanceOf("p-res-wang-2")).toBe(1000 - 10 * 50);
    expect((await prisma.reward.findUniqueOrThrow({ where: { id: "rw-last" } })).stock).toBe(10);
  });

  it("not enough points: no order, stock untouched", async () => {
    const { deps, prisma } = await setup();
    await give(deps, "p-poor", 49);
    const result = await redeemReward(deps, {
      personId: "p-poor",
      rewardId: "rw-last",
      token: confirmationToken(deps),
    });
    expect(result).toMatchObject({ ok: false, code: "POINTS.INSUFFICIENT" });
    expect((await prisma.reward.findUniqueOrThrow({ where: { id: "rw-last" } })).stock).toBe(1);
    expect(await prisma.rewardOrder.count()).toBe(0);
    expect(await deps.ledger.balanceOf("p-poor")).toBe(49);
  });
});

describe(`volunteer sign-ups on ${TEST_DATABASE}`, () => {
  it("30 concurrent sign-ups for 10 places: exactly 10; one person pressing 5 times takes one place", async () => {
    const { deps, prisma } = await setup();
    const admin = (await deps.people.getPerson("p-chunhui-admin"))!;
    const published = await publishActivity(deps, {
      actor: admin,
      placeId: "g-chunhui-1",
      title: "扫雪",
      startsAt: new Date("2026-12-01T01:00:00Z"),
      endsAt: new Date("2026-12-01T03:00:00Z"),
      capacity: 10,
      pointsPerHour: 10,
      checkinCode: "扫雪1",
    });
    if (!published.ok) throw new Error(published.code);
    const activityId = published.value.id;
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => signUpForActivity(deps, { personId: `p-v-${i}`, activityId })),
      ...Array.from({ length: 5 }, () => signUpForActivity(deps, { personId: "p-res-wang", activityId })),
    ]);
    const taken = results.filter((r) => r.ok && !r.value.already);
    expect(taken).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.code === "POINTS.ACTIVITY_FULL").length).toBeGreaterThanOrEqual(
      21,
    );
    expect(await prisma.activitySignup.count({ where: { activityId } })).toBe(10);
    expect(
      await prisma.activitySignup.count({ where: { activityId, personId: "p-res-wang" } }),
    ).toBeLessThanOrEqual(1);
    expect((await prisma.volunteerActivity.findUniqueOrThrow({ where: { id: activityId } })).signedUp).toBe(
      10,
    );
  });
});
