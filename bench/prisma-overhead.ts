// npx tsx bench/prisma-overhead.ts
// What one query costs through each layer, on the app's database settings: a Prisma model query,
// the same SQL through Prisma's $queryRawUnsafe, a one-statement Prisma $transaction, and plain
// better-sqlite3 prepared statements. Evidence for bench/PROFILE.md; not part of `npm run bench`.
import Database from "better-sqlite3";
import { openDatabase } from "../db/database";
import { seedDemoDistrict } from "../db/seed/seed-database";
import { benchDir } from "./bench-database";
import { median } from "./stats";

const ROUNDS = 5;
const N = 2000;

async function time(label: string, n: number, fn: () => unknown): Promise<[string, number]> {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let i = 0; i < n; i++) await fn();
    rounds.push(((performance.now() - started) * 1000) / n);
  }
  return [label, median(rounds)];
}

const dir = benchDir();
try {
  const db = await openDatabase(`file:${dir.file("overhead.db")}`);
  await seedDemoDistrict(db.prisma);
  const raw = new Database(dir.file("overhead.db"));
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  const byId = raw.prepare("SELECT * FROM Place WHERE id = ?");
  const touch = raw.prepare("UPDATE ChatIdentity SET lastSeenAt = ? WHERE channel = ? AND externalId = ?");
  const touchTx = raw.transaction((at: string) => touch.run(at, "playground", "p-res-wang"));
  const results = [
    await time("prisma place.findUnique", N, () =>
      db.prisma.place.findUnique({ where: { id: "b-chunhui-3" } }),
    ),
    await time("prisma $queryRawUnsafe (same SQL)", N, () =>
      db.prisma.$queryRawUnsafe("SELECT * FROM Place WHERE id = ?", "b-chunhui-3"),
    ),
    await time("prisma $transaction(updateMany)", N / 4, () =>
      db.prisma.$transaction((tx) =>
        tx.chatIdentity.updateMany({
          where: { channel: "playground", externalId: "p-res-wang" },
          data: { lastSeenAt: new Date() },
        }),
      ),
    ),
    await time("better-sqlite3 prepared get", N, () => byId.get("b-chunhui-3")),
    await time("better-sqlite3 prepare + get (as the adapter does)", N, () =>
      raw.prepare("SELECT * FROM Place WHERE id = ?").get("b-chunhui-3"),
    ),
    await time("better-sqlite3 transaction(update)", N / 4, () => touchTx(new Date().toISOString())),
  ];
  for (const [label, us] of results) console.log(`${us.toFixed(1).padStart(8)} µs  ${label}`);
  raw.close();
  await db.close();
} finally {
  dir.remove();
}
