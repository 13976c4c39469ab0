// A Wechaty message → an InboundMessage. Rooms are group chats (chatId: the room id); a message
// straight to the bot is a private chat (chatId: the talker's contact id). Text that is only a
// number answering options the bot offered in that chat becomes a `button` (wechat-numbered-replies).
import { type Message, type Room, types } from "wechaty";
import type { InboundMessage } from "../../core/conversation/inbound-message";
import type { NumberedOptionsMemory } from "./wechat-numbered-replies";

const MEDIA_REF_PREFIX = "wechat:";
const MAX_TEXT = 4000;
const MAX_USER_NAME = 100;

/** The reference a photo or voice note carries: "wechat:<messageId>", fetched later by the channel. */
export function wechatMediaRef(messageId: string): string {
  return `${MEDIA_REF_PREFIX}${messageId}`;
}

/** The message id in a "wechat:<messageId>" reference, or null when it is not one. */
export function wechatMessageIdOfRef(ref: string): string | null {
  if (!ref.startsWith(MEDIA_REF_PREFIX)) return null;
  const id = ref.slice(MEDIA_REF_PREFIX.length);
  return id.length > 0 ? id : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The text without "@<bot>" when the message mentions the bot, so "@网格助手 2" reads as "2".
 * WeChat ends a mention with U+2005 (a four-per-em space); some clients type a plain space.
 */
async function withoutSelfMention(message: Message, room: Room, text: string): Promise<string> {
  if (!text.includes("@")) return text;
  try {
    if (!(await message.mentionSelf())) return text;
    const self = message.wechaty.currentUser;
    const names = [await room.alias(self), self.name()].filter(
      (name): name is string => typeof name === "string" && name.length > 0,
    );
    let stripped = text;
    for (const name of names) {
      stripped = stripped.replace(new RegExp(`@${escapeRegExp(name)}(\u2005|\u0020|$)`, "g"), "");
    }
    return stripped.trim().length > 0 ? stripped.trim() : text;
  } catch {
    return text; // a failed member lookup costs us only the tidying
  }
}

async function displayName(message: Message, room: Room | undefined): Promise<string | undefined> {
  const talker = message.talker();
  let name: string | undefined;
  if (room) {
    try {
      name = await room.alias(talker); // the group nickname ("3栋 张阿姨") says more than the WeChat name
    } catch {
      name = undefined;
    }
  }
  name = name || talker.name();
  return name ? name.slice(0, MAX_USER_NAME) : undefined;
}

export type WechatInboundResult =
  | { readonly kind: "message"; readonly message: InboundMessage }
  | { readonly kind: "ignored"; readonly reason: string };

const ignored = (reason: string): WechatInboundResult => ({ kind: "ignored", reason });

/**
 * Maps one Wechaty message. Ignored: the bot's own messages (message.self(), also when sent from
 * the phone), and kinds the conversation has no use for (stickers, links, transfers, …).
 */
export async function wechatMessageToInbound(
  message: Message,
  numberedOptions: NumberedOptionsMemory,
): Promise<WechatInboundResult> {
  if (message.self()) return ignored("self");
  const room = message.room();
  const talker = message.talker();
  const chatId = room ? room.id : talker.id;
  const userName = await displayName(message, room);
  const base = {
    channel: "wechat",
    chatId,
    chatType: room ? ("group" as const) : ("private" as const),
    userId: talker.id,
    ...(userName ? { userName } : {}),
    messageId: message.id,
  };

  switch (message.type()) {
    case types.Message.Text: {
      let text = message.text();
      if (room) text = await withoutSelfMention(message, room, text);
      const button = numberedOptions.pick(chatId, text);
      if (button !== null) return { kind: "message", message: { ...base, button } };
      if (text.trim().length === 0) return ignored("empty text");
      return { kind: "message", message: { ...base, text: text.slice(0, MAX_TEXT) } };
    }
    case types.Message.Image:
      return { kind: "message", message: { ...base, photo: { ref: wechatMediaRef(message.id) } } };
    case types.Message.Audio:
      return { kind: "message", message: { ...base, voice: { ref: wechatMediaRef(message.id) } } };
    case types.Message.Location: {
      const location = await message.toLocation();
      return {
        kind: "message",
        message: { ...base, location: { latitude: location.latitude(), longitude: location.longitude() } },
      };
    }
    default:
      return ignored(`message type ${types.Message[message.type()] ?? message.type()}`);
  }
}
