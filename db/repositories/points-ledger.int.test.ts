import { execFile } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PointEntry } from "../../core/points/points-ledger";
import { pointsDepsOn } from "../testing/points-deps-on";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaPointsLedger } from "./prisma-points-ledger";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const AT = new Date("2026-11-30T02:00:00Z");
let n = 0;
function entry(personId: string, amount: number, key = `k${++n}`): PointEntry {
  return {
    id: `e-${key}-${++n}`,
    personId,
    amount,
    kind: amount > 0 ? "award" : "redeem",
    reason: "test",
    reference: null,
    actorId: null,
    communityId: "c-chunhui",
    idempotencyKey: key,
    createdAt: AT,
  };
}

async function database() {
  const temp = await tempDatabase({ seed: false });
  cleanups.push(temp.cleanup);
  return { temp, prisma: temp.db.prisma, ledger: new PrismaPointsLedger(temp.db.prisma) };
}

/** Other processes writing to the same file at the same time: real contention for SQLite's lock. */
function inAnotherProcess(url: string, prefix: string, writes: [string, number][]): Promise<string[]> {
  const script = path.join(import.meta.dirname, "..", "testing", "points-ledger-process.ts");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, url, prefix, JSON.stringify(writes)],
      { timeout: 60_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

async function sumsAndBalances(prisma: Awaited<ReturnType<typeof database>>["prisma"]) {
  const rows = await prisma.$queryRaw<
    { personId: string; balance: bigint; total: bigint; entries: bigint }[]
  >`
    SELECT a."personId", a."balance", COALESCE(SUM(e."amount"), 0) AS total, COUNT(e."id") AS entries
    FROM "PointAccount" a LEFT JOIN "PointEntry" e ON e."personId" = a."personId"
    GROUP BY a."personId", a."balance" ORDER BY a."personId"`;
  return rows.map((r) => ({
    personId: r.personId,
    balance: Number(r.balance),
    total: Number(r.total),
    entries: Number(r.entries),
  }));
}

describe(`the points ledger on ${TEST_DATABASE}`, () => {
  it("the same idempotency key records once and returns the first entry", async () => {
    const { ledger, prisma } = await database();
    const first = await ledger.record(entry("p1", 30, "award:m1"));
    const replays = await Promise.all(
      [1, 2, 3].map(() => ledger.record({ ...entry("p1", 99), idempotencyKey: "award:m1" })),
    );
    expect(first).toMatchObject({ ok: true, value: { replayed: false, balance: 30 } });
    for (const replay of replays)
      expect(replay).toMatchObject({
        ok: true,
        value: { replayed: true, balance: 30, entry: { amount: 30 } },
      });
    expect(await prisma.pointEntry.count()).toBe(1);
    expect(await ledger.findByKey("award:m1")).toMatchObject({ amount: 30 });
  });

  it("50 concurrent spends against a balance that covers 10: exactly 10 succeed, balance = sum", async () => {
    const { ledger, prisma } = await database();
    await ledger.record(entry("p1", 100));
    const results = await Promise.all(Array.from({ length: 50 }, () => ledger.record(entry("p1", -10))));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.code === "POINTS.INSUFFICIENT")).toHaveLength(40);
    expect(await ledger.balanceOf("p1")).toBe(0);
    expect(await sumsAndBalances(prisma)).toEqual([{ personId: "p1", balance: 0, total: 0, entries: 11 }]);
  });

  it("the same between processes: 3 × 20 concurrent spends of 10 against 100 → exactly 10", async () => {
    const { ledger, prisma, temp } = await database();
    await ledger.record(entry("p1", 100));
    const spends: [string, number][] = Array.from({ length: 20 }, () => ["p1", -10]);
    const outcomes = (
      await Promise.all(["a", "b", "c"].map((name) => inAnotherProcess(temp.url, `spend-${name}`, spends)))
    ).flat();
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "POINTS.INSUFFICIENT")).toHaveLength(50);
    expect(await sumsAndBalances(prisma)).toEqual([{ personId: "p1", balance: 0, total: 0, entries: 11 }]);
  }, 120_000);

  it("a storm of earning and spending by several people in 3 processes and this one: balance = sum, never < 0", async () => {
    const { ledger, prisma, temp } = await database();
    const people = ["a", "b", "c", "d"];
    let seed = 42;
    const random = (max: number) => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return (seed >>> 16) % max;
    };
    const storm = (): [string, number][] =>
      Array.from({ length: 80 }, () => [
        people[random(people.length)]!,
        random(3) === 0 ? 1 + random(20) : -(1 + random(15)),
      ]);
    const here = storm();
    const [local, ...remote] = await Promise.all([
      Promise.all(here.map(([personId, amount]) => ledger.record(entry(personId, amount)))),
      ...["x", "y", "z"].map((name) => inAnotherProcess(temp.url, `storm-${name}`, storm())),
    ]);
    const outcomes = [...local.map((r) => (r.ok ? "ok" : r.code)), ...remote.flat()];
    expect(outcomes).toContain("POINTS.INSUFFICIENT"); // some spends were refused…
    expect(await prisma.pointEntry.count()).toBe(outcomes.filter((o) => o === "ok").length);
    const rows = await sumsAndBalances(prisma);
    expect(rows).toHaveLength(people.length);
    for (const row of rows) {
      expect(row.balance).toBe(row.total); // …and what was accepted adds up
      expect(row.balance).toBeGreaterThanOrEqual(0);
    }
    // Every balance this process saw after its own writes was ≥ 0 (the CHECK would have thrown otherwise).
    for (const r of local) if (r.ok) expect(r.value.balance).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it("entries cannot be edited or deleted, and a balance cannot be set below zero, even by hand", async () => {
    const { ledger, prisma } = await database();
    const recorded = await ledger.record(entry("p1", 5));
    const id = recorded.ok ? recorded.value.entry.id : "";
    await expect(prisma.pointEntry.update({ where: { id }, data: { amount: 500 } })).rejects.toThrow();
    await expect(prisma.pointEntry.delete({ where: { id } })).rejects.toThrow();
    await expect(
      prisma.$executeRaw`UPDATE "PointAccount" SET "balance" = -1 WHERE "personId" = 'p1'`,
    ).rejects.toThrow();
    expect(await prisma.pointEntry.findUnique({ where: { id } })).toMatchObject({ amount: 5 });
  });

  it("the leaderboard sums the month's earnings per person in a community", async () => {
    const { ledger } = await database();
    await ledger.record(entry("a", 10));
    await ledger.record(entry("b", 30));
    await ledger.record({ ...entry("a", 25), kind: "activity" });
    await ledger.record({ ...entry("b", -20), kind: "redeem" }); // spending does not count
    await ledger.record({ ...entry("c", 99), communityId: "c-other" });
    await ledger.record({ ...entry("d", 50), createdAt: new Date("2026-10-31T15:59:00Z") });
    const rows = await ledger.leaderboard({
      communityId: "c-chunhui",
      from: new Date("2026-10-31T16:00:00Z"),
      to: new Date("2026-11-30T16:00:00Z"),
      kinds: ["activity", "report", "award", "deduct"],
      limit: 10,
    });
    expect(rows).toEqual([
      { personId: "a", points: 35 },
      { personId: "b", points: 30 },
    ]);
    expect((await ledger.recentEntries("b", 5)).map((e) => e.amount)).toEqual([-20, 30]);
  });

  it("the demo seed opens balances as ledger entries", async () => {
    const temp = await tempDatabase();
    cleanups.push(temp.cleanup);
    const deps = pointsDepsOn(temp.db);
    expect(await deps.ledger.balanceOf("p-res-wang")).toBe(120);
    expect((await deps.rewards.listForCommunity("c-chunhui")).length).toBeGreaterThanOrEqual(3);
    for (const row of await sumsAndBalances(temp.db.prisma)) expect(row.balance).toBe(row.total);
  });
});
