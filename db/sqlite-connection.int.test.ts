import { afterEach, describe, expect, it } from "vitest";
import { TEST_DATABASE, tempDatabase } from "./testing/temp-database";

/*
 * The rules of the shared SQLite connection (SqliteConnection): a batch commits once at its end
 * or not at all, each unit in it stays atomic, and everyone else — units, Prisma's queries and
 * transactions — waits for it instead of landing inside it.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup() {
  const temp = await tempDatabase({ seed: false });
  cleanups.push(temp.cleanup);
  const sqlite = temp.db.sqlite!;
  const count = () =>
    sqlite.run((sql) => (sql.prepare(`SELECT COUNT(*) AS n FROM "TicketCounter"`).get() as { n: number }).n);
  const insert = (year: number) =>
    sqlite.transaction((sql) => {
      sql.prepare(`INSERT INTO "TicketCounter" ("year", "last") VALUES (?, 1)`).run(year);
    });
  return { ...temp, sqlite, count, insert };
}

describe.skipIf(TEST_DATABASE !== "SQLite")("the shared SQLite connection", () => {
  it("a batch's units commit together at its end; if it throws, none of them is kept", async () => {
    const { sqlite, count, insert } = await setup();
    await sqlite.batch(async () => {
      await insert(2001);
      await insert(2002);
      // Inside the batch its own writes are visible…
      expect(await count()).toBe(2);
    });
    expect(await count()).toBe(2);
    await expect(
      sqlite.batch(async () => {
        await insert(2003);
        throw new Error("the sweep failed half-way");
      }),
    ).rejects.toThrow("half-way");
    expect(await count()).toBe(2);
  });

  it("a unit that fails inside a batch is undone alone", async () => {
    const { sqlite, insert } = await setup();
    await sqlite.batch(async () => {
      await insert(2001);
      await expect(
        sqlite.transaction((sql) => {
          sql.prepare(`INSERT INTO "TicketCounter" ("year", "last") VALUES (2002, 1)`).run();
          sql.prepare(`INSERT INTO "TicketCounter" ("year", "last") VALUES (2001, 1)`).run(); // duplicate key
        }),
      ).rejects.toThrow(/UNIQUE/);
      await insert(2003);
    });
    const years = await sqlite.run((sql) =>
      (sql.prepare(`SELECT "year" FROM "TicketCounter" ORDER BY "year"`).all() as { year: number }[]).map(
        (r) => r.year,
      ),
    );
    expect(years).toEqual([2001, 2003]);
  });

  it("a unit without a savepoint: its declared early failure keeps the batch; a failure after writing undoes all", async () => {
    const { sqlite, count, insert } = await setup();
    class Stale extends Error {}
    const noSavepoint = { failsBeforeWriting: (error: unknown) => error instanceof Stale };
    await sqlite.batch(async () => {
      await insert(2001);
      await expect(
        sqlite.transaction(() => {
          throw new Stale("version moved on");
        }, noSavepoint),
      ).rejects.toThrow(Stale);
      await insert(2002);
    });
    expect(await count()).toBe(2);
    await expect(
      sqlite.batch(async () => {
        await insert(2003);
        await sqlite
          .transaction((sql) => {
            sql.prepare(`INSERT INTO "TicketCounter" ("year", "last") VALUES (2004, 1)`).run();
            sql.prepare(`INSERT INTO "TicketCounter" ("year", "last") VALUES (2001, 1)`).run(); // duplicate key
          }, noSavepoint)
          .catch(() => "caught, and the work goes on");
        await insert(2005);
      }),
    ).rejects.toThrow(/UNIQUE/);
    // Half of the failed unit was written, so nothing of the batch is kept.
    expect(await count()).toBe(2);
  });

  it("others wait for an open batch: units, Prisma's queries and transactions see it committed", async () => {
    const { db, sqlite, count, insert } = await setup();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const batch = sqlite.batch(async () => {
      await insert(2001);
      entered();
      await held; // e.g. the sweep's next ticket
      await insert(2002);
    });
    await inside;
    const seen: string[] = [];
    const outsideUnit = count().then((n) => seen.push(`unit saw ${n}`));
    const outsideQuery = db.prisma.ticketCounter.count().then((n) => seen.push(`prisma saw ${n}`));
    const outsideTransaction = db.prisma
      .$transaction(async (tx) => {
        const n = await tx.ticketCounter.count();
        await tx.ticketCounter.create({ data: { year: 2010, last: 1 } });
        return n;
      })
      .then((n) => seen.push(`transaction saw ${n}`));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual([]); // nobody ran inside the open batch
    release();
    await Promise.all([batch, outsideUnit, outsideQuery, outsideTransaction]);
    expect(seen.sort()).toEqual(["prisma saw 2", "transaction saw 2", "unit saw 2"]);
    expect(await count()).toBe(3);
  });

  it("a batch waits for an open Prisma transaction; a Prisma transaction inside a batch is refused", async () => {
    const { db, sqlite, count, insert } = await setup();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let began = () => {};
    const open = new Promise<void>((resolve) => (began = resolve));
    const prismaTransaction = db.prisma.$transaction(async (tx) => {
      await tx.ticketCounter.create({ data: { year: 1999, last: 1 } });
      began();
      await held;
    });
    await open;
    const batch = sqlite.batch(async () => {
      const seenAtStart = await count();
      await insert(2001);
      await expect(db.prisma.$transaction(async (tx) => tx.ticketCounter.count())).rejects.toThrow(
        /inside a batch/,
      );
      return seenAtStart;
    });
    setTimeout(release, 30);
    await prismaTransaction;
    expect(await batch).toBe(1); // it began after the Prisma transaction committed
    expect(await count()).toBe(2);
  });
});
