import { describe, expect, it } from "vitest";
import { pointsFixture } from "../testing/points-fixture";
import { unwrap } from "../testing/ticket-fixture";
import { adjustPoints, pointsStatement } from "./points-account";
import { monthlyLeaderboard } from "./points-leaderboard";
import { creditClosedTickets, creditVerifiedReport } from "./verified-report-points";

describe("awarding and deducting", () => {
  it("a community admin awards a resident of their community; the same key records once", async () => {
    const f = pointsFixture();
    const award = {
      actor: f.people.ca1,
      direction: "award" as const,
      personId: "r1",
      points: 20,
      reason: "扫雪",
    };
    const first = unwrap(await adjustPoints(f.points, { ...award, idempotencyKey: "award:m1" }));
    const again = unwrap(await adjustPoints(f.points, { ...award, idempotencyKey: "award:m1" }));
    expect(first).toMatchObject({
      replayed: false,
      balance: 20,
      entry: { amount: 20, actorId: "ca1", communityId: "c1" },
    });
    expect(again).toMatchObject({ replayed: true, balance: 20, entry: { id: first.entry.id } });
    expect(f.ledger.entries).toHaveLength(1);
  });

  it("who may: admins over the person's place, not residents, not other communities, not oneself", async () => {
    const f = pointsFixture();
    const tryAward = (actor: keyof typeof f.people, personId: string) =>
      adjustPoints(f.points, {
        actor: f.people[actor],
        direction: "award",
        personId,
        points: 5,
        reason: "x",
        idempotencyKey: `k-${actor}-${personId}`,
      });
    expect((await tryAward("sa1", "r1")).ok).toBe(true); // street admin over c1
    expect((await tryAward("da1", "r3")).ok).toBe(true);
    expect(await tryAward("r2", "r1")).toMatchObject({ ok: false, code: "POINTS.NOT_ALLOWED" });
    expect(await tryAward("w1", "r1")).toMatchObject({ ok: false, code: "POINTS.NOT_ALLOWED" });
    expect(await tryAward("ca2", "r1")).toMatchObject({ ok: false, code: "POINTS.NOT_ALLOWED" });
    expect(await tryAward("ca1", "ca1")).toMatchObject({ ok: false, code: "POINTS.NOT_ALLOWED" });
    expect(await tryAward("ca1", "nobody")).toMatchObject({ ok: false, code: "PERSON.NOT_FOUND" });
  });

  it("a deduction never takes the balance below zero; bad amounts are refused", async () => {
    const f = pointsFixture({ maxAdjustment: 100 });
    f.give("r1", 10);
    const deduct = (points: number, key: string) =>
      adjustPoints(f.points, {
        actor: f.people.ca1,
        direction: "deduct",
        personId: "r1",
        points,
        reason: "误报",
        idempotencyKey: key,
      });
    expect(await deduct(11, "d1")).toMatchObject({ ok: false, code: "POINTS.INSUFFICIENT" });
    expect(unwrap(await deduct(10, "d2")).balance).toBe(0);
    expect(await deduct(0, "d3")).toMatchObject({ ok: false, code: "POINTS.INVALID_INPUT" });
    expect(await deduct(101, "d4")).toMatchObject({ ok: false, code: "POINTS.INVALID_INPUT" });
    expect(await deduct(1.5, "d5")).toMatchObject({ ok: false, code: "POINTS.INVALID_INPUT" });
  });

  it("the statement shows the balance and the newest entries first", async () => {
    const f = pointsFixture();
    for (const n of [1, 2, 3, 4, 5, 6]) f.give("r1", n);
    const statement = await pointsStatement(f.points, "r1");
    expect(statement.balance).toBe(21);
    expect(statement.recent.map((e) => e.amount)).toEqual([6, 5, 4, 3, 2]);
  });
});

describe("a verified report earns points once", () => {
  it("resolved and then closed: the reporter is credited once per ticket, whoever asks", async () => {
    const f = pointsFixture({ pointsPerVerifiedReport: 8 });
    const { ticket } = await f.open();
    const closed = { ...ticket, state: "closed" as const, resolvedAt: f.T0 };
    const first = unwrap(await creditVerifiedReport(f.points, closed));
    expect(first).toMatchObject({
      replayed: false,
      balance: 8,
      entry: { kind: "report", communityId: "c1" },
    });
    expect(first?.entry.idempotencyKey).toBe(`ticket:${ticket.id}`);
    expect(unwrap(await creditVerifiedReport(f.points, closed))?.replayed).toBe(true);
    expect(await f.ledger.balanceOf("r1")).toBe(8);
  });

  it("not closed, or closed without being resolved, earns nothing", async () => {
    const f = pointsFixture();
    const { ticket } = await f.open();
    expect(unwrap(await creditVerifiedReport(f.points, ticket))).toBeNull();
    expect(unwrap(await creditVerifiedReport(f.points, { ...ticket, state: "cancelled" }))).toBeNull();
    expect(f.ledger.entries).toHaveLength(0);
  });

  it("the sweep's closed notices credit each reporter", async () => {
    const f = pointsFixture();
    const { ticket } = await f.open();
    const closed = { ...ticket, state: "closed" as const, resolvedAt: f.T0 };
    const notice = {
      kind: "closed" as const,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      to: [],
      level: "grid" as const,
      deadline: null,
      note: null,
    };
    const credited = await creditClosedTickets(f.points, async () => closed, [
      notice,
      { ...notice, kind: "nudge" },
    ]);
    expect(credited.map((c) => c.ticket.id)).toEqual([ticket.id]);
    expect(await creditClosedTickets(f.points, async () => closed, [notice])).toEqual([]);
  });
});

describe("the monthly leaderboard", () => {
  it("sums earnings in the community this month (Shanghai time); spending does not count", async () => {
    const f = pointsFixture({ leaderboardSize: 2 });
    f.give("r1", 10);
    f.give("r2", 30);
    f.give("r3", 20);
    f.give("r1", 100, "c2"); // another community
    f.ledger.recordNow({
      ...f.ledger.entries[0]!,
      id: "spend",
      amount: -5,
      kind: "redeem",
      idempotencyKey: "spend",
    });
    // Last month, in Shanghai: 2026-10-31 23:30 +08:00.
    f.ledger.recordNow({
      ...f.ledger.entries[0]!,
      id: "old",
      amount: 50,
      idempotencyKey: "old",
      createdAt: new Date("2026-10-31T15:30:00Z"),
    });
    const board = await monthlyLeaderboard(f.points, "c1");
    expect(board.month).toBe("2026-11");
    expect(board.lines).toEqual([
      { rank: 1, personId: "r2", name: "r2", points: 30 },
      { rank: 2, personId: "r3", name: "r3", points: 20 },
    ]);
  });
});
