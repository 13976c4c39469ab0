// Sending to WeChat: which kind of conversation an id names, and what a puppet's error means for
// the outbox. Puppets report no HTTP status, only error text (and gRPC codes through the service
// puppet), so the mapping reads both.
import type { SendResult } from "./channel";

/** The outbox waits this long after a "too frequent" answer; puppets give no Retry-After. */
export const WECHAT_RATE_LIMIT_RETRY_MS = 5000;

export type WechatConversationKind = "room" | "contact";

/**
 * Whether an id looks like a room's. Puppets spell room ids differently: "…@chatroom" (pad and
 * service puppets, the mock), "@@…" (web protocol), "R:…" (WeCom). Anything else is tried as a
 * contact first.
 */
export function looksLikeRoomId(id: string): boolean {
  return id.endsWith("@chatroom") || id.startsWith("@@") || id.startsWith("R:");
}

/** The order to look an id up in, from what the channel saw of the chat, else from its spelling. */
export function lookupOrder(id: string, seen: WechatConversationKind | undefined): WechatConversationKind[] {
  if (seen === "room") return ["room", "contact"];
  if (seen === "contact") return ["contact", "room"];
  return looksLikeRoomId(id) ? ["room", "contact"] : ["contact", "room"];
}

/** gRPC status NOT_FOUND, as the service puppet's GError carries it. */
const GRPC_NOT_FOUND = 5;

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error)?.slice(0, 500) ?? String(error);
  } catch {
    return String(error);
  }
}

/** A lookup failed because the room or contact does not exist for this account (not a hiccup). */
export function isNotFoundError(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === GRPC_NOT_FOUND) return true;
  return /no payload|not found|not exist|does not exist|NOT_FOUND/i.test(errorText(error));
}

/** "rate limit", "too frequent", 操作频繁, 限流 …: WeChat is throttling this account. */
export function isRateLimitError(error: unknown): boolean {
  return /\brate\b|rate[\s_-]?limit|too frequent|too many requests|频繁|限流/i.test(errorText(error));
}

/** A failed send as the outbox wants it: throttling waits 5 s; other puppet errors are retried. */
export function wechatSendFailure(error: unknown): SendResult {
  const text = errorText(error);
  if (isRateLimitError(error)) {
    return {
      ok: false,
      permanent: false,
      retryAfterMs: WECHAT_RATE_LIMIT_RETRY_MS,
      error: `wechat: ${text}`,
    };
  }
  return { ok: false, permanent: false, error: `wechat: ${text}` };
}
