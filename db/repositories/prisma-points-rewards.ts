import type { PointEntry } from "../../core/points/points-ledger";
import type { Redemption, Reward, RewardCatalogue, RewardOrder } from "../../core/points/rewards";
import { fail, ok, type Result } from "../../core/shared/result";
import type { PrismaClient, RewardOrder as RewardOrderRow } from "../generated/client";
import { appendEntry, lockAccount, Refused } from "./prisma-points-ledger";

function toOrder(row: RewardOrderRow): RewardOrder {
  return { ...row, state: row.state === "collected" ? "collected" : "placed" };
}

/** The rewards catalogue on SQLite. */
export class PrismaRewards implements RewardCatalogue {
  constructor(private readonly prisma: PrismaClient) {}

  async listForCommunity(communityId: string): Promise<Reward[]> {
    return this.prisma.reward.findMany({
      where: { communityId },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    });
  }

  async findById(id: string): Promise<Reward | null> {
    return this.prisma.reward.findUnique({ where: { id } });
  }

  /**
   * One transaction: lock the account, replay a used key, take one from stock (WHERE stock > 0),
   * debit the points (WHERE balance stays ≥ 0), write the entry and the order. Any refusal
   * rolls back all of it, so nobody pays without an order and no order exists without payment.
   */
  async redeem(input: {
    orderId: string;
    rewardId: string;
    debit: PointEntry;
    pickupCodes: () => string;
  }): Promise<Result<Redemption>> {
    const { debit } = input;
    try {
      return ok(
        await this.prisma.$transaction(async (tx) => {
          await lockAccount(tx, debit.personId, debit.createdAt);
          const first = await tx.pointEntry.findUnique({ where: { idempotencyKey: debit.idempotencyKey } });
          if (first) {
            const order = await tx.rewardOrder.findUniqueOrThrow({ where: { entryId: first.id } });
            const reward = await tx.reward.findUniqueOrThrow({ where: { id: order.rewardId } });
            const account = await tx.pointAccount.findUniqueOrThrow({ where: { personId: debit.personId } });
            return { order: toOrder(order), reward, balance: account.balance, replayed: true };
          }
          const took = await tx.$executeRaw`UPDATE "Reward" SET "stock" = "stock" - 1
            WHERE "id" = ${input.rewardId} AND "active" = ${true} AND "stock" > 0`;
          const reward = await tx.reward.findUnique({ where: { id: input.rewardId } });
          if (!reward?.active) throw new Refused("POINTS.REWARD_NOT_FOUND");
          if (took !== 1) throw new Refused("POINTS.OUT_OF_STOCK");
          // The price as it stands inside the transaction, not as it was read before.
          const paid = await appendEntry(tx, { ...debit, amount: -reward.cost });
          let pickupCode = input.pickupCodes();
          while (await tx.rewardOrder.findUnique({ where: { pickupCode }, select: { id: true } }))
            pickupCode = input.pickupCodes();
          const order = await tx.rewardOrder.create({
            data: {
              id: input.orderId,
              rewardId: reward.id,
              personId: debit.personId,
              communityId: reward.communityId,
              cost: reward.cost,
              pickupCode,
              state: "placed",
              entryId: paid.entry.id,
              createdAt: debit.createdAt,
              collectedAt: null,
            },
          });
          return { order: toOrder(order), reward, balance: paid.balance, replayed: false };
        }),
      );
    } catch (error) {
      if (error instanceof Refused) return fail(error.code, error.detail);
      throw error;
    }
  }

  async ordersOf(personId: string, limit: number) {
    const rows = await this.prisma.rewardOrder.findMany({
      where: { personId },
      orderBy: { createdAt: "desc" },
      take: limit,
    });
    return rows.map(toOrder);
  }
}
