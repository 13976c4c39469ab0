import type { EntryKind, PointEntry, PointsLedger, Recorded } from "../../core/points/points-ledger";
import { fail, ok, type Result } from "../../core/shared/result";
import type { PointEntry as PointEntryRow, Prisma, PrismaClient } from "../generated/client";
import { sqliteTimestamp } from "../sqlite-timestamp";

export type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction to roll it back; turned into a coded failure outside. */
export class Refused extends Error {
  constructor(
    readonly code: "POINTS.INSUFFICIENT" | "POINTS.OUT_OF_STOCK" | "POINTS.REWARD_NOT_FOUND",
    readonly detail: Record<string, number> = {},
  ) {
    super(code);
  }
}

export function toPointEntry(row: PointEntryRow): PointEntry {
  return { ...row, kind: row.kind as EntryKind };
}

/**
 * Take the person's account row for this transaction. A write first, on purpose: SQLite then
 * holds the write lock from here to the commit, and PostgreSQL the row's lock (DO UPDATE locks an
 * existing row, DO NOTHING would not), so what this transaction reads next (the idempotency key,
 * the balance) cannot change under it — across connections and instances too.
 */
export async function lockAccount(tx: Tx, personId: string, at: Date): Promise<void> {
  await tx.$executeRaw`INSERT INTO "PointAccount" ("personId", "balance", "updatedAt")
    VALUES (${personId}, 0, ${sqliteTimestamp(at)})
    ON CONFLICT ("personId") DO UPDATE SET "balance" = "PointAccount"."balance"`;
}

export async function balanceIn(tx: Tx | PrismaClient, personId: string): Promise<number> {
  const account = await tx.pointAccount.findUnique({ where: { personId }, select: { balance: true } });
  return account?.balance ?? 0;
}

/**
 * Append an entry and move the cached balance by its amount, only if the balance stays ≥ 0
 * (the UPDATE's WHERE decides, so no read-then-write race). The caller's transaction must have
 * called lockAccount first. A key already used returns its first entry and writes nothing.
 */
export async function appendEntry(tx: Tx, entry: PointEntry): Promise<Recorded> {
  const first = await tx.pointEntry.findUnique({ where: { idempotencyKey: entry.idempotencyKey } });
  if (first)
    return { entry: toPointEntry(first), replayed: true, balance: await balanceIn(tx, first.personId) };
  const moved = await tx.$queryRaw<{ balance: number | bigint }[]>`UPDATE "PointAccount"
    SET "balance" = "balance" + ${entry.amount}, "updatedAt" = ${sqliteTimestamp(entry.createdAt)}
    WHERE "personId" = ${entry.personId} AND "balance" + ${entry.amount} >= 0
    RETURNING "balance"`;
  const balance = moved[0]?.balance;
  if (balance === undefined)
    throw new Refused("POINTS.INSUFFICIENT", {
      balance: await balanceIn(tx, entry.personId),
      needed: -entry.amount,
    });
  await tx.pointEntry.create({ data: entry });
  return { entry, replayed: false, balance: Number(balance) };
}

/** The ledger on SQLite: every write in its own transaction (see conversation-store.int.test.ts). */
export class PrismaPointsLedger implements PointsLedger {
  constructor(private readonly prisma: PrismaClient) {}

  async record(entry: PointEntry): Promise<Result<Recorded>> {
    try {
      return ok(
        await this.prisma.$transaction(async (tx) => {
          await lockAccount(tx, entry.personId, entry.createdAt);
          return appendEntry(tx, entry);
        }),
      );
    } catch (error) {
      if (error instanceof Refused) return fail(error.code, error.detail);
      throw error;
    }
  }

  async balanceOf(personId: string) {
    return balanceIn(this.prisma, personId);
  }

  async recentEntries(personId: string, limit: number) {
    const rows = await this.prisma.pointEntry.findMany({
      where: { personId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    });
    return rows.map(toPointEntry);
  }

  async findByKey(idempotencyKey: string) {
    const row = await this.prisma.pointEntry.findUnique({ where: { idempotencyKey } });
    return row ? toPointEntry(row) : null;
  }

  async leaderboard(query: {
    communityId: string;
    from: Date;
    to: Date;
    kinds: readonly EntryKind[];
    limit: number;
  }) {
    const rows = await this.prisma.pointEntry.groupBy({
      by: ["personId"],
      where: {
        communityId: query.communityId,
        createdAt: { gte: query.from, lt: query.to },
        kind: { in: [...query.kinds] },
      },
      _sum: { amount: true },
      orderBy: [{ _sum: { amount: "desc" } }, { personId: "asc" }],
      take: query.limit,
    });
    return rows.map((row) => ({ personId: row.personId, points: row._sum.amount ?? 0 }));
  }
}
