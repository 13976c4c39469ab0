import type { GroupChatBinding } from "../../core/conversation/conversation-ports";
import type { InboundMessage, OutboundMessage, ReplyButton } from "../../core/conversation/inbound-message";
import type { Locale, Person } from "../../core/people/person";
import type { ErrorCode } from "../../core/shared/error-codes";
import type { VoiceNote } from "../../core/voice/voice-note";
import { catalogue } from "../messages/format";
import type { MessageCatalogue } from "../messages/message-catalogue";
import type { BotDeps } from "./bot-deps";

/** Everything a handler needs about one message, and where its replies collect. */
export interface BotContext {
  readonly deps: BotDeps;
  readonly message: InboundMessage;
  readonly inboxId: string;
  readonly now: Date;
  person: Person | null;
  locale: Locale;
  binding: GroupChatBinding | null;
  readonly out: OutboundMessage[];
  /** Outcome for the inbox row ("ticket_opened", "asked_building", …). */
  outcome: string;
  /** A voice note that came with the message: kept (its record) or refused (why). */
  voice?: VoiceIntake;
  /** Whether a form was waiting for this person when the message came (false: nothing to clear). */
  formWasOpen?: boolean;
  /** The kept voice note a report started from: the ticket is linked to it when filed. */
  voiceNoteId?: string;
}

export type VoiceIntake =
  | { readonly kind: "kept"; readonly note: VoiceNote }
  | { readonly kind: "refused"; readonly code: ErrorCode };

export function words(ctx: BotContext): MessageCatalogue {
  return catalogue(ctx.locale);
}

export function stateKey(ctx: BotContext): string {
  return `${ctx.message.channel}:${ctx.message.chatId}:${ctx.message.userId}`;
}

type Buttons = readonly (readonly ReplyButton[])[];

export function reply(ctx: BotContext, text: string, buttons?: Buttons, ticketId?: string): void {
  ctx.out.push({ channel: ctx.message.channel, chatId: ctx.message.chatId, text, buttons, ticketId });
}

/** Details for this person only: in a group, to their private chat (with a short note in the group). */
export function replyPrivately(ctx: BotContext, text: string, buttons?: Buttons): void {
  const privateChat =
    ctx.message.chatType === "group"
      ? ctx.deps.channels.privateChatIdFor(ctx.message.channel, ctx.message.userId)
      : null;
  if (!privateChat) {
    reply(ctx, text, buttons);
    return;
  }
  ctx.out.push({ channel: ctx.message.channel, chatId: privateChat, text, buttons });
  reply(ctx, words(ctx).sentPrivately());
}

/** A whole message (an image with its caption, say) for this person only; in a group, to their private chat. */
export function replyPrivatelyWith(
  ctx: BotContext,
  message: Omit<OutboundMessage, "channel" | "chatId">,
): void {
  const privateChat =
    ctx.message.chatType === "group"
      ? ctx.deps.channels.privateChatIdFor(ctx.message.channel, ctx.message.userId)
      : null;
  ctx.out.push({ ...message, channel: ctx.message.channel, chatId: privateChat ?? ctx.message.chatId });
  if (privateChat) reply(ctx, words(ctx).sentPrivately());
}

export function hasRole(person: Person | null, ...roles: string[]): boolean {
  return person?.grants.some((grant) => roles.includes(grant.role)) ?? false;
}

export const STAFF_ROLES = [
  "grid_worker",
  "community_admin",
  "street_admin",
  "department_handler",
  "district_admin",
];
export const ADMIN_ROLES = ["community_admin", "street_admin", "district_admin"];
