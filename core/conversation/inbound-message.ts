import { z } from "zod";

/** A photo, voice note or file as the channel gave it: a reference the channel can fetch, never the bytes. */
export const mediaAttachmentSchema = z.object({
  ref: z.string().min(1).max(2000),
  mime: z.string().max(100).optional(),
  sizeBytes: z.number().int().min(0).optional(),
  durationSeconds: z.number().min(0).optional(),
});

/**
 * What every channel turns its update into. A pressed button is a message too (`button` holds
 * its data), so the whole conversation goes through one pipeline.
 */
export const inboundMessageSchema = z
  .object({
    channel: z.string().min(1).max(32),
    chatId: z.string().min(1).max(128),
    chatType: z.enum(["group", "private"]),
    userId: z.string().min(1).max(128),
    userName: z.string().max(100).optional(),
    /** Unique per channel; redelivery of the same update carries the same id. */
    messageId: z.string().min(1).max(160),
    text: z.string().max(4000).optional(),
    button: z.string().min(1).max(200).optional(),
    photo: mediaAttachmentSchema.optional(),
    voice: mediaAttachmentSchema.optional(),
    location: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .optional(),
    /** The platform id of the message this one replies to. */
    replyToMessageId: z.string().max(160).optional(),
    /** The platform's idea of the user's language (Telegram language_code). */
    languageHint: z.string().max(16).optional(),
  })
  .refine(
    (m) => m.text || m.button || m.photo || m.voice || m.location,
    "a message needs text, a button, a photo, a voice note or a location",
  );

export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type MediaAttachment = z.infer<typeof mediaAttachmentSchema>;

export interface ReplyButton {
  readonly label: string;
  /** Comes back as `button` when pressed; at most 64 bytes (Telegram's limit). */
  readonly data: string;
}

/** One message to send: plain data, rendered to a platform's format by its channel. */
export interface OutboundMessage {
  readonly channel: string;
  readonly chatId: string;
  readonly text: string;
  readonly buttons?: readonly (readonly ReplyButton[])[];
  readonly replyToMessageId?: string;
  /** The ticket it is about, so a reply to it can be tied back to the case. */
  readonly ticketId?: string;
  /** A voice note to play to the recipient (a grid worker who types what was said). */
  readonly audio?: OutboundAudio;
  /** A picture to show with the text (a summary's chart). */
  readonly image?: OutboundImage;
}

export interface OutboundImage {
  /** A stored media key ("audio:<sha256>.png": the media store keeps any kind), read by the channel when it sends. */
  readonly ref: string;
  readonly mime: string;
  /** A short line for where the platform shows the picture alone. */
  readonly caption: string;
}

export interface OutboundAudio {
  /** "audio:<sha256>.<ext>", read from the media store (AudioStore) by the channel when it sends. */
  readonly ref: string;
  readonly mime: string;
  readonly durationSeconds: number;
  readonly caption: string;
}
