import type { BotContext } from "../conversation/bot-context";
import { parsePointsButton } from "./points-buttons";
import {
  adjustByCommand,
  handleRewardButton,
  showLeaderboard,
  showPointsBalance,
  showRewards,
} from "./points-handler";
import {
  attendedByCommand,
  checkInByText,
  publishByCommand,
  showActivities,
  signUpByButton,
} from "./volunteer-handler";

const LEADERBOARD_WORDS = /排行|排名|榜|最美志愿者|leader\s*board|ranking|top volunteers/i;

/** Intents points_balance, points_redeem and checkin (the router's switch sends them here). */
export async function handlePointsIntent(
  ctx: BotContext,
  intent: "points_balance" | "points_redeem" | "checkin",
  text: string,
): Promise<void> {
  if (LEADERBOARD_WORDS.test(text)) return showLeaderboard(ctx);
  if (intent === "points_redeem") return showRewards(ctx);
  if (intent === "checkin") return checkInByText(ctx, text);
  return showPointsBalance(ctx);
}

/** Points buttons ("p:…"); false when the data is not ours. */
export async function handlePointsButton(ctx: BotContext, data: string): Promise<boolean> {
  const button = parsePointsButton(data);
  if (!button) return false;
  if (button.kind === "signup") await signUpByButton(ctx, button.activityId);
  else await handleRewardButton(ctx, button);
  return true;
}

/** Points commands; false when the command is not ours. */
export async function handlePointsCommand(
  ctx: BotContext,
  command: string,
  args: string[],
): Promise<boolean> {
  switch (command) {
    case "points":
    case "balance":
      await showPointsBalance(ctx);
      return true;
    case "rewards":
    case "redeem":
      await showRewards(ctx);
      return true;
    case "leaderboard":
    case "rank":
      await showLeaderboard(ctx);
      return true;
    case "activities":
      await showActivities(ctx);
      return true;
    case "checkin":
    case "checkout":
      await checkInByText(ctx, args.join(" "), command === "checkin" ? "in" : "out");
      return true;
    case "award":
    case "deduct":
      await adjustByCommand(ctx, command, args);
      return true;
    case "publish":
      await publishByCommand(ctx, args);
      return true;
    case "attended":
      await attendedByCommand(ctx, args);
      return true;
    default:
      return false;
  }
}
