// A separate process writing to the points ledger, for tests of concurrency between connections
// (better-sqlite3 blocks its thread while waiting for a lock, so the racing writers must be
// processes, not clients in one process). Usage:
//   node --import tsx db/testing/points-ledger-process.ts <DATABASE_URL> <key prefix> '<[[personId, amount], …]>'
// Prints one JSON line: the outcome of each write ("ok" or the failure code), in order.
import { openDatabase } from "../database";
import { PrismaPointsLedger } from "../repositories/prisma-points-ledger";

const [url, prefix, writesJson] = process.argv.slice(2);
if (!url || !prefix || !writesJson) throw new Error("usage: <DATABASE_URL> <key prefix> <writes json>");
const writes = JSON.parse(writesJson) as [string, number][];
const db = await openDatabase(url);
const ledger = new PrismaPointsLedger(db.prisma);
const at = new Date("2026-11-30T02:00:00Z");
const outcomes = await Promise.all(
  writes.map(async ([personId, amount], i) => {
    const result = await ledger.record({
      id: `${prefix}-${i}`,
      personId,
      amount,
      kind: amount > 0 ? "award" : "redeem",
      reason: "concurrency test",
      reference: null,
      actorId: null,
      communityId: "c-chunhui",
      idempotencyKey: `${prefix}:${i}`,
      createdAt: at,
    });
    return result.ok ? "ok" : result.code;
  }),
);
await db.close();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
