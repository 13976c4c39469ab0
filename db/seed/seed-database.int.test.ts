// Seeding the demo district when instances start together on a new database.
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../database";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { seedDemoDistrict } from "./seed-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe(`the demo seed on ${TEST_DATABASE}`, () => {
  // Several instances share a database on PostgreSQL. SQLite serves one process, and three
  // connections racing in one process would wait on each other's lock with the event loop blocked.
  it.skipIf(TEST_DATABASE === "SQLite")(
    "three instances seeding one new database at once: seeded once, none fails",
    async () => {
      const temp = await tempDatabase({ seed: false });
      cleanups.push(temp.cleanup);
      const others = await Promise.all([openDatabase(temp.url), openDatabase(temp.url)]);
      cleanups.push(async () => void (await Promise.all(others.map((db) => db.close()))));
      const reports = await Promise.all([temp.db, ...others].map((db) => seedDemoDistrict(db.prisma)));
      expect(reports.filter((r) => r.seeded)).toHaveLength(1);
      expect(await temp.db.prisma.place.count()).toBe(reports.find((r) => r.seeded)!.places);
    },
  );
});
