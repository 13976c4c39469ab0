import type { InboundMessage, OutboundMessage } from "../../core/conversation/inbound-message";

export type SendResult =
  | { readonly ok: true; readonly messageId: string }
  /** retryAfterMs: the platform said how long to wait (429); permanent: retrying will not help. */
  | {
      readonly ok: false;
      readonly permanent: boolean;
      readonly retryAfterMs?: number;
      readonly error: string;
    };

/**
 * A chat platform. It turns updates into InboundMessages for `receive` (which stores them in the
 * inbox before anything else), and sends OutboundMessages, reporting rate limits so the outbox
 * can retry with backoff.
 */
export interface Channel {
  readonly name: string;
  start(receive: (message: InboundMessage) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
  send(message: OutboundMessage): Promise<SendResult>;
  /** The chat id for a private conversation with a user (Telegram: the user id; Slack: the user id, opened as a DM). */
  privateChatIdFor(userId: string): string;
  /** Whether the platform lets the bot write to a user privately (WeChat rooms may not). */
  readonly supportsPrivateChats: boolean;
  /** The bytes behind a photo or voice reference this channel put in an inbound message. */
  fetchMedia(ref: string): Promise<FetchedMedia>;
}

export interface FetchedMedia {
  readonly bytes: Uint8Array;
  readonly mime?: string;
}

/** Reads stored media (a voice note, a chart: "audio:<sha256>.<ext>") for sending; null when it is not there. */
export type ReadMedia = (ref: string) => Promise<Uint8Array | null>;
