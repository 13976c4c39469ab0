import { z } from "zod";
import { adjustPoints, pointsStatement } from "../../core/points/points-account";
import { monthlyLeaderboard } from "../../core/points/points-leaderboard";
import { confirmationToken, redeemReward, rewardsOf } from "../../core/points/redeem-reward";
import {
  ADMIN_ROLES,
  type BotContext,
  hasRole,
  reply,
  replyPrivately,
  words,
} from "../conversation/bot-context";
import { messagePerson } from "../conversation/points-notices";
import { formatWhen } from "../messages/format";
import { type PointsButton, pointsButtons } from "./points-buttons";
import { communityFor, refuse } from "./points-context";

/** "我有多少积分": the balance and the last five entries, privately (nobody else's business). */
export async function showPointsBalance(ctx: BotContext): Promise<void> {
  const w = words(ctx).points;
  const { balance, recent } = await pointsStatement(ctx.deps.points, ctx.person!.id, 5);
  const lines = recent.map((e) =>
    w.entryLine({
      when: formatWhen(e.createdAt, ctx.locale, ctx.deps.settings.timeZone) ?? "",
      amount: e.amount,
      kind: e.kind,
      reason: e.reason,
    }),
  );
  ctx.outcome = "points_balance";
  replyPrivately(ctx, w.statement({ balance, lines }));
}

/** "有什么可以换": the community's rewards as buttons. */
export async function showRewards(ctx: BotContext): Promise<void> {
  const community = await communityFor(ctx);
  if (!community) return refuse(ctx, "POINTS.NO_COMMUNITY");
  const w = words(ctx).points;
  const rewards = await rewardsOf(ctx.deps.points, community);
  ctx.outcome = "points_rewards";
  if (rewards.length === 0) return reply(ctx, w.noRewards());
  const balance = await ctx.deps.points.ledger.balanceOf(ctx.person!.id);
  const name = (r: (typeof rewards)[number]) => (ctx.locale === "en" && r.nameEn ? r.nameEn : r.name);
  replyPrivately(
    ctx,
    w.rewardsHeader({ balance }),
    rewards.map((r) => [
      pointsButtons.reward(w.rewardButton({ name: name(r), cost: r.cost, stock: r.stock }), r.id),
    ]),
  );
}

/** 最美志愿者: this month's leaderboard of the chat's (or the person's) community. */
export async function showLeaderboard(ctx: BotContext): Promise<void> {
  const community = await communityFor(ctx);
  if (!community) return refuse(ctx, "POINTS.NO_COMMUNITY");
  const w = words(ctx).points;
  const board = await monthlyLeaderboard(ctx.deps.points, community);
  ctx.outcome = "points_leaderboard";
  reply(ctx, board.lines.length ? w.leaderboard(board) : w.leaderboardEmpty(board));
}

/** Reward buttons: pressing one asks to confirm; the confirmation redeems (once per token). */
export async function handleRewardButton(ctx: BotContext, button: PointsButton): Promise<void> {
  const w = words(ctx).points;
  if (button.kind === "cancel") {
    ctx.outcome = "points_redeem_cancelled";
    return reply(ctx, w.cancelled());
  }
  if (button.kind === "reward") {
    const reward = await ctx.deps.points.rewards.findById(button.rewardId);
    if (!reward?.active) return refuse(ctx, "POINTS.REWARD_NOT_FOUND");
    if (reward.stock <= 0) return refuse(ctx, "POINTS.OUT_OF_STOCK");
    const balance = await ctx.deps.points.ledger.balanceOf(ctx.person!.id);
    ctx.outcome = "points_redeem_asked";
    if (balance < reward.cost) return replyPrivately(ctx, w.insufficient({ cost: reward.cost, balance }));
    const name = ctx.locale === "en" && reward.nameEn ? reward.nameEn : reward.name;
    const token = confirmationToken(ctx.deps.points);
    return replyPrivately(ctx, w.confirmRedeem({ name, cost: reward.cost, balance }), [
      [pointsButtons.redeem(w.buttonRedeem(), reward.id, token), pointsButtons.cancel(w.buttonCancel())],
    ]);
  }
  if (button.kind !== "redeem") return;
  const result = await redeemReward(ctx.deps.points, {
    personId: ctx.person!.id,
    rewardId: button.rewardId,
    token: button.token,
  });
  if (!result.ok) {
    if (result.code !== "POINTS.INSUFFICIENT") return refuse(ctx, result.code);
    ctx.outcome = "refused_POINTS.INSUFFICIENT";
    const reward = await ctx.deps.points.rewards.findById(button.rewardId);
    const balance = await ctx.deps.points.ledger.balanceOf(ctx.person!.id);
    return replyPrivately(ctx, w.insufficient({ cost: reward?.cost ?? 0, balance }));
  }
  const { order, reward, balance } = result.value;
  ctx.outcome = result.value.replayed ? "points_redeem_replayed" : "points_redeemed";
  const name = ctx.locale === "en" && reward.nameEn ? reward.nameEn : reward.name;
  replyPrivately(ctx, w.redeemed({ name, pickupCode: order.pickupCode, cost: order.cost, balance }));
}

const adjustArgs = z.tuple([
  z.string().min(1).max(64),
  z.coerce.number().int().positive(),
  z.string().trim().min(1).max(200),
]);

/** `/award <person id> <points> <reason>` and `/deduct …`: community admins and above only. */
export async function adjustByCommand(
  ctx: BotContext,
  direction: "award" | "deduct",
  args: readonly string[],
): Promise<void> {
  const w = words(ctx).points;
  if (!hasRole(ctx.person, ...ADMIN_ROLES)) {
    ctx.outcome = "refused_admin_only";
    return reply(ctx, words(ctx).onlyForAdmins());
  }
  const parsed = adjustArgs.safeParse([args[0], args[1], args.slice(2).join(" ")]);
  if (!parsed.success) return reply(ctx, w.usage(direction));
  const [personId, points, reason] = parsed.data;
  const result = await adjustPoints(ctx.deps.points, {
    actor: ctx.person!,
    direction,
    personId,
    points,
    reason,
    // A redelivered command is the same inbox row: it records once.
    idempotencyKey: `${direction}:${ctx.inboxId}`,
  });
  if (!result.ok) return refuse(ctx, result.code);
  const { person, balance } = result.value;
  ctx.outcome = `points_${direction}ed`;
  replyPrivately(ctx, w.adjusted({ direction, name: person.name, points, balance }));
  const told = await messagePerson(ctx.deps, person.id, (words) =>
    words.points.adjustedForYou({ direction, points, reason, balance }),
  );
  if (told) ctx.out.push(told);
  ctx.deps.logger.info(
    { actorId: ctx.person!.id, personId, direction, points, inboxId: ctx.inboxId },
    "points adjusted by an admin",
  );
}
