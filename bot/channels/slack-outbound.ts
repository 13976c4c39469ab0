// OutboundMessage → chat.postMessage arguments (Block Kit), and Slack Web API errors → SendResult.
// Pure functions, used by slack-channel.ts.
import { type types, webApi } from "@slack/bolt";
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import type { SendResult } from "./channel";
import { isSlackTs } from "./slack-inbound";

export type SendFailure = Extract<SendResult, { ok: false }>;

const SECTION_TEXT_LIMIT = 3000;
const FALLBACK_TEXT_LIMIT = 40_000;
const BUTTON_LABEL_LIMIT = 75;
const BUTTONS_PER_ROW_LIMIT = 25;
const BLOCKS_LIMIT = 50;

/** Slack error codes after which trying again later can succeed. */
const TRANSIENT_API_ERRORS: ReadonlySet<string> = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/** The three characters Slack parses as markup in `text`; everything else is sent as it is. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cut text into pieces of at most `limit` characters, at a line break when there is one. */
function chunks(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const breakAt = rest.lastIndexOf("\n", limit);
    const end = breakAt > limit / 2 ? breakAt : limit;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end).replace(/^\n/, "");
  }
  if (rest.trim().length > 0) pieces.push(rest);
  return pieces;
}

/** The action_id of the button at `row`, `column`: unique within the message, as Slack requires. */
export function slackActionId(row: number, column: number): string {
  return `egrid_button_${row}_${column}`;
}

/**
 * Block Kit for a message: its text as plain_text sections (no mrkdwn: residents' words and
 * addresses are shown as written) and one `actions` block of buttons per row of `buttons`.
 */
export function slackBlocksFor(message: Pick<OutboundMessage, "text" | "buttons">): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = chunks(message.text, SECTION_TEXT_LIMIT).map((piece) => ({
    type: "section",
    text: { type: "plain_text", text: piece, emoji: true },
  }));
  (message.buttons ?? []).forEach((row, rowIndex) => {
    const elements: types.Button[] = row.slice(0, BUTTONS_PER_ROW_LIMIT).map((button, column) => ({
      type: "button",
      action_id: slackActionId(rowIndex, column),
      text: { type: "plain_text", text: button.label.slice(0, BUTTON_LABEL_LIMIT) || " ", emoji: true },
      value: button.data,
    }));
    if (elements.length > 0) blocks.push({ type: "actions", elements });
  });
  return blocks.slice(0, BLOCKS_LIMIT);
}

/** The fallback `text` of chat.postMessage (notifications, screen readers, old clients). */
export function slackFallbackText(text: string): string {
  return escapeSlackText(text).slice(0, FALLBACK_TEXT_LIMIT);
}

/**
 * The thread to post into, from `replyToMessageId`: a bare Slack ts, or an InboundMessage id
 * `<channel>:<ts>` of one of `channelIds` (the chat the message goes to). Anything else (an
 * action id, a message of another chat) is no thread.
 */
export function slackThreadTs(
  replyToMessageId: string | undefined,
  channelIds: readonly string[],
): string | null {
  if (replyToMessageId === undefined) return null;
  if (isSlackTs(replyToMessageId)) return replyToMessageId;
  const colon = replyToMessageId.lastIndexOf(":");
  if (colon <= 0) return null;
  const channel = replyToMessageId.slice(0, colon);
  const ts = replyToMessageId.slice(colon + 1);
  return channelIds.includes(channel) && isSlackTs(ts) ? ts : null;
}

/** A Slack user id ("U…", or "W…" on Enterprise Grid) rather than a conversation id. */
export function isSlackUserId(chatId: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(chatId);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What a failed Web API call means for the outbox: rate limits and network trouble are worth
 * retrying (after the Retry-After Slack gave, if any); Slack refusing the call is not.
 */
export function slackSendFailure(error: unknown): SendFailure {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return {
      ok: false,
      permanent: false,
      retryAfterMs: error.retryAfter * 1000,
      error: `slack rate limited: retry after ${error.retryAfter} s`,
    };
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    const retryAfter = error.data.response_metadata?.retryAfter;
    return {
      ok: false,
      permanent: !TRANSIENT_API_ERRORS.has(code),
      ...(typeof retryAfter === "number" ? { retryAfterMs: retryAfter * 1000 } : {}),
      error: `slack api error: ${code}`,
    };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const transient = error.statusCode >= 500 || error.statusCode === 408 || error.statusCode === 429;
    return {
      ok: false,
      permanent: !transient,
      error: `slack http ${error.statusCode}: ${error.statusMessage}`,
    };
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return { ok: false, permanent: false, error: `slack request failed: ${error.original.message}` };
  }
  // A 429 without a usable Retry-After header, or anything unforeseen: let the outbox back off.
  return { ok: false, permanent: false, error: `slack send failed: ${messageOf(error)}` };
}
