import { randomUUID } from "node:crypto";
import type { InboundMessage, OutboundMessage, ReplyButton } from "../../core/conversation/inbound-message";
import type { Channel, FetchedMedia, SendResult } from "./channel";

export interface PlaygroundEntry {
  readonly seq: number;
  readonly id: string;
  readonly chatId: string;
  /** "bot", or the user id of the person who wrote it. */
  readonly from: string;
  readonly text: string;
  readonly buttons?: readonly (readonly ReplyButton[])[];
  /** A voice note to play: the page fetches it from /api/playground/media/<ref>. */
  readonly audio?: { readonly ref: string; readonly mime: string; readonly durationSeconds: number };
  /** A picture to show: the page loads it from /api/playground/media/<ref>. */
  readonly image?: { readonly ref: string; readonly mime: string; readonly caption: string };
  readonly at: string;
}

const PRIVATE_PREFIX = "dm-";

/**
 * The local web chat: group chats by their bound ids (grid-chunhui-1) and a private chat per
 * person ("dm-<person id>"). Delivery appends to an in-memory log the page polls.
 */
export class PlaygroundChannel implements Channel {
  readonly name = "playground";
  readonly supportsPrivateChats = true;
  private readonly log: PlaygroundEntry[] = [];
  private seq = 0;

  constructor(private readonly maxEntries = 5000) {}

  /** The playground's messages arrive through its HTTP API, not a platform connection. */
  async start(_receive: (message: InboundMessage) => Promise<void>) {}

  async stop() {}

  privateChatIdFor(userId: string): string {
    return `${PRIVATE_PREFIX}${userId}`;
  }

  static chatTypeOf(chatId: string): "group" | "private" {
    return chatId.startsWith(PRIVATE_PREFIX) ? "private" : "group";
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const audio = message.audio
      ? { ref: message.audio.ref, mime: message.audio.mime, durationSeconds: message.audio.durationSeconds }
      : undefined;
    const image = message.image
      ? { ref: message.image.ref, mime: message.image.mime, caption: message.image.caption }
      : undefined;
    const entry = this.append(
      message.chatId,
      "bot",
      message.text,
      message.buttons,
      randomUUID(),
      audio,
      image,
    );
    return { ok: true, messageId: entry.id };
  }

  /** Uploads are stored before the message is received ("audio:…" refs): nothing to fetch here. */
  async fetchMedia(ref: string): Promise<FetchedMedia> {
    throw new Error(`playground: media is stored at upload; "${ref}" is not a stored ref`);
  }

  /** What a person typed (or recorded), shown in the chat log like any chat client would. */
  recordUserMessage(
    chatId: string,
    userId: string,
    text: string,
    messageId: string,
    audio?: PlaygroundEntry["audio"],
  ): void {
    this.append(chatId, userId, text, undefined, messageId, audio);
  }

  entries(chatId: string, afterSeq = 0): PlaygroundEntry[] {
    return this.log.filter((entry) => entry.chatId === chatId && entry.seq > afterSeq);
  }

  private append(
    chatId: string,
    from: string,
    text: string,
    buttons?: readonly (readonly ReplyButton[])[],
    id: string = randomUUID(),
    audio?: PlaygroundEntry["audio"],
    image?: PlaygroundEntry["image"],
  ): PlaygroundEntry {
    const entry: PlaygroundEntry = {
      seq: ++this.seq,
      id,
      chatId,
      from,
      text,
      buttons,
      ...(audio ? { audio } : {}),
      ...(image ? { image } : {}),
      at: new Date().toISOString(),
    };
    this.log.push(entry);
    if (this.log.length > this.maxEntries) this.log.splice(0, this.log.length - this.maxEntries);
    return entry;
  }
}
