import { z } from "zod";
import { fail, type Result } from "../shared/result";
import type { PointsDeps } from "./points-deps";
import { randomCode } from "./random-codes";
import type { Redemption, Reward } from "./rewards";

/** The rewards a community offers now: active ones, in the catalogue's order. */
export async function rewardsOf(deps: PointsDeps, communityId: string): Promise<Reward[]> {
  return (await deps.rewards.listForCommunity(communityId)).filter((r) => r.active);
}

/** A fresh token for a confirmation button: pressing it twice redeems once. */
export function confirmationToken(deps: PointsDeps): string {
  return randomCode(deps.random, 8);
}

const redeemSchema = z.object({
  personId: z.string().min(1).max(64),
  rewardId: z.string().min(1).max(64),
  token: z.string().regex(/^[A-Z0-9]{4,16}$/),
});

/**
 * Spend points on a reward: an order with a pickup code, the points debited and the stock
 * lowered in one transaction. The same token again answers with the first order.
 */
export async function redeemReward(
  deps: PointsDeps,
  input: z.input<typeof redeemSchema>,
): Promise<Result<Redemption>> {
  const parsed = redeemSchema.safeParse(input);
  if (!parsed.success) return fail("POINTS.INVALID_INPUT");
  const { personId, rewardId, token } = parsed.data;
  const reward = await deps.rewards.findById(rewardId);
  if (!reward?.active) return fail("POINTS.REWARD_NOT_FOUND");
  const orderId = deps.ids.next();
  return deps.rewards.redeem({
    orderId,
    rewardId,
    debit: {
      id: deps.ids.next(),
      personId,
      amount: -reward.cost,
      kind: "redeem",
      reason: reward.name,
      reference: orderId,
      actorId: personId,
      communityId: reward.communityId,
      idempotencyKey: `redeem:${personId}:${token}`,
      createdAt: deps.clock.now(),
    },
    pickupCodes: () => randomCode(deps.random),
  });
}
