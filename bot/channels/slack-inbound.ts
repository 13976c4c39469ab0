// Slack's Events API and interactivity payloads → InboundMessage. Pure functions over the raw
// payloads (parsed with zod, so a field Slack leaves out never becomes a crash), used by
// slack-channel.ts and testable without a server.
import { z } from "zod";
import type { InboundMessage, MediaAttachment } from "../../core/conversation/inbound-message";

const TEXT_LIMIT = 4000;
const USER_NAME_LIMIT = 100;

/** Message subtypes that carry something a person wrote; edits, deletes, joins, bot posts … are not. */
const ACCEPTED_SUBTYPES: ReadonlySet<string> = new Set(["file_share", "thread_broadcast", "me_message"]);

const slackFileSchema = z.object({
  id: z.string().optional(),
  mimetype: z.string().optional(),
  subtype: z.string().optional(),
  url_private: z.string().optional(),
  size: z.number().int().min(0).optional(),
  duration_ms: z.number().min(0).optional(),
});

const messageEventSchema = z.object({
  type: z.literal("message"),
  subtype: z.string().optional(),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().min(1).optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  files: z.array(z.unknown()).optional(),
});

const blockActionSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional() }),
  trigger_id: z.string().optional(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  message: z.object({ ts: z.string().optional() }).optional(),
});

const buttonActionSchema = z.object({
  type: z.string(),
  value: z.string().optional(),
  action_ts: z.string().optional(),
});

/** A Slack message ts ("1700000000.000100"). */
export function isSlackTs(value: string): boolean {
  return /^\d{1,12}\.\d{1,9}$/.test(value);
}

/** Slack DMs ("D…") are private; channels, private channels and group DMs are groups. */
function chatTypeOf(channelType: string | undefined, channelId: string): "group" | "private" {
  if (channelType !== undefined) return channelType === "im" ? "private" : "group";
  return channelId.startsWith("D") ? "private" : "group";
}

/**
 * Slack's message text as a person would read it: entities decoded, `<url|label>` as its label,
 * mentions as `@id`/`#id`, and a mention of the bot itself (how people address it in a
 * channel) dropped.
 */
export function plainSlackText(text: string, botUserId?: string): string {
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf("|");
    const target = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
    if (target.startsWith("@")) {
      if (botUserId !== undefined && target.slice(1) === botUserId) return "";
      return label !== undefined ? `@${label.replace(/^@/, "")}` : target;
    }
    if (target.startsWith("#")) return label !== undefined ? `#${label.replace(/^#/, "")}` : target;
    if (target.startsWith("!")) {
      if (label !== undefined) return label;
      const command = target.slice(1).split("^")[0] ?? "";
      return `@${command}`;
    }
    return label ?? target.replace(/^mailto:/, "");
  });
  return withoutMarkup
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

function attachmentsOf(files: readonly unknown[] | undefined): {
  photo?: MediaAttachment;
  voice?: MediaAttachment;
} {
  let photo: MediaAttachment | undefined;
  let voice: MediaAttachment | undefined;
  for (const raw of files ?? []) {
    const parsed = slackFileSchema.safeParse(raw);
    if (!parsed.success) continue;
    const file = parsed.data;
    const ref = file.url_private;
    if (ref === undefined || ref.length === 0 || ref.length > 2000) continue;
    const mime = file.mimetype?.slice(0, 100);
    const isAudio = file.subtype === "slack_audio" || (mime?.startsWith("audio/") ?? false);
    const attachment: MediaAttachment = {
      ref,
      ...(mime ? { mime } : {}),
      ...(file.size !== undefined ? { sizeBytes: file.size } : {}),
    };
    if (isAudio && voice === undefined) {
      voice = {
        ...attachment,
        ...(file.duration_ms !== undefined ? { durationSeconds: file.duration_ms / 1000 } : {}),
      };
    } else if (!isAudio && mime?.startsWith("image/") && photo === undefined) {
      photo = attachment;
    }
  }
  return { ...(photo ? { photo } : {}), ...(voice ? { voice } : {}) };
}

/** The id of a Slack message, as InboundMessage.messageId: stable across Slack's redeliveries. */
export function slackMessageId(channelId: string, ts: string): string {
  return `${channelId}:${ts}`;
}

/**
 * A `message` event → InboundMessage, or null when it is not something a person said to the bot
 * (a bot's post, an edit, a delete, a join, or a message with nothing in it).
 */
export function slackMessageToInbound(event: unknown, botUserId?: string): InboundMessage | null {
  const parsed = messageEventSchema.safeParse(event);
  if (!parsed.success) return null;
  const message = parsed.data;
  if (message.subtype !== undefined && !ACCEPTED_SUBTYPES.has(message.subtype)) return null;
  if (message.bot_id !== undefined || message.user === undefined) return null;
  if (botUserId !== undefined && message.user === botUserId) return null;

  const text = plainSlackText(message.text ?? "", botUserId).slice(0, TEXT_LIMIT);
  const media = attachmentsOf(message.files);
  if (text.length === 0 && !media.photo && !media.voice) return null;

  const threaded = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  const chatType = chatTypeOf(message.channel_type, message.channel);
  return {
    channel: "slack",
    // A DM is addressed by the user's id, as privateChatIdFor gives it, so replies tie back to what was sent.
    chatId: chatType === "private" ? message.user : message.channel,
    chatType,
    userId: message.user,
    messageId: slackMessageId(message.channel, message.ts),
    ...(text.length > 0 ? { text } : {}),
    ...media,
    ...(threaded ? { replyToMessageId: message.thread_ts } : {}),
  };
}

/**
 * One pressed Block Kit button of a `block_actions` payload → InboundMessage with `button`, or
 * null for anything that is not a button with a value (selects, overflow menus, …).
 */
export function slackActionToInbound(body: unknown, action: unknown): InboundMessage | null {
  const parsedBody = blockActionSchema.safeParse(body);
  const parsedAction = buttonActionSchema.safeParse(action);
  if (!parsedBody.success || !parsedAction.success) return null;
  const payload = parsedBody.data;
  const button = parsedAction.data;
  if (button.type !== "button" || button.value === undefined) return null;
  if (button.value.length === 0 || button.value.length > 200) return null;

  const chatId = payload.container?.channel_id ?? payload.channel?.id;
  if (chatId === undefined) return null;
  const pressId = button.action_ts ?? payload.trigger_id;
  if (pressId === undefined) return null;
  const onMessage = payload.container?.message_ts ?? payload.message?.ts;
  const userName = (payload.user.name ?? payload.user.username)?.slice(0, USER_NAME_LIMIT);

  const chatType = chatTypeOf(undefined, chatId);
  return {
    channel: "slack",
    chatId: chatType === "private" ? payload.user.id : chatId,
    chatType,
    userId: payload.user.id,
    ...(userName ? { userName } : {}),
    messageId: `action:${pressId}`,
    button: button.value,
    // The message the button sits on: the ts `send` returned for it, so the press ties back to it.
    ...(onMessage !== undefined ? { replyToMessageId: onMessage } : {}),
  };
}
