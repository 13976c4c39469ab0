import type { ReplyButton } from "../../core/conversation/inbound-message";

/**
 * Button data for points: "p:rw:<reward>" (asks to confirm), "p:ok:<reward>:<token>" (redeems;
 * the token makes a second press answer with the same order), "p:no", "p:su:<activity>".
 * Ids are at most 36 characters, so the data stays under Telegram's 64 bytes.
 */
export type PointsButton =
  | { readonly kind: "reward"; readonly rewardId: string }
  | { readonly kind: "redeem"; readonly rewardId: string; readonly token: string }
  | { readonly kind: "cancel" }
  | { readonly kind: "signup"; readonly activityId: string };

export const pointsButtons = {
  reward: (label: string, rewardId: string): ReplyButton => ({ label, data: `p:rw:${rewardId}` }),
  redeem: (label: string, rewardId: string, token: string): ReplyButton => ({
    label,
    data: `p:ok:${rewardId}:${token}`,
  }),
  cancel: (label: string): ReplyButton => ({ label, data: "p:no" }),
  signup: (label: string, activityId: string): ReplyButton => ({ label, data: `p:su:${activityId}` }),
};

export function parsePointsButton(data: string): PointsButton | null {
  const match = /^p:(rw|ok|no|su)(?::([^:]{1,40}))?(?::([A-Z0-9]{4,16}))?$/.exec(data);
  if (!match) return null;
  const [, kind, id, token] = match;
  if (kind === "no") return { kind: "cancel" };
  if (!id) return null;
  if (kind === "rw") return { kind: "reward", rewardId: id };
  if (kind === "su") return { kind: "signup", activityId: id };
  return token ? { kind: "redeem", rewardId: id, token } : null;
}
