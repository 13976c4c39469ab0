import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import type { CallbackQuery, Message, Update } from "grammy/types";
import type { InboundMessage, OutboundMessage } from "../../core/conversation/inbound-message";
import type { Channel, FetchedMedia, ReadMedia, SendResult } from "./channel";
import { downloadMedia } from "./download-media";

export interface TelegramChannelOptions {
  readonly token: string;
  /** A self-hosted Bot API server, or a fake one in tests. */
  readonly apiRoot?: string;
  /** When set, Telegram pushes updates to this URL (several instances behind a balancer); else long polling. */
  readonly webhookUrl?: string;
  readonly webhookSecret?: string;
  /** The bytes of outbound media (voice notes, chart images), by their stored ref. */
  readonly readMedia?: ReadMedia;
  /** Downloads larger than this are refused (Telegram's own Bot API stops at 20 MB). */
  readonly maxDownloadBytes?: number;
  readonly logger: {
    info(o: object, m: string): void;
    warn(o: object, m: string): void;
    error(o: object, m: string): void;
  };
}

/** Where the HTTP server should route pushed updates in webhook mode. */
export interface WebhookEndpoint {
  readonly path: string;
  readonly secret: string | null;
  handle(update: unknown): Promise<void>;
}

function messageToInbound(message: Message): InboundMessage | null {
  if (!message.from || message.from.is_bot) return null;
  const photo = message.photo?.at(-1); // the largest size
  const voice = message.voice ?? message.audio;
  const text = message.text ?? message.caption;
  const inbound: InboundMessage = {
    channel: "telegram",
    chatId: String(message.chat.id),
    chatType: message.chat.type === "private" ? "private" : "group",
    userId: String(message.from.id),
    userName: [message.from.first_name, message.from.last_name].filter(Boolean).join(" "),
    messageId: `${message.chat.id}:${message.message_id}`,
    ...(text ? { text } : {}),
    ...(photo ? { photo: { ref: `telegram:file:${photo.file_id}`, sizeBytes: photo.file_size } } : {}),
    ...(voice
      ? {
          voice: {
            ref: `telegram:file:${voice.file_id}`,
            mime: voice.mime_type,
            sizeBytes: voice.file_size,
            durationSeconds: voice.duration,
          },
        }
      : {}),
    ...(message.location
      ? { location: { latitude: message.location.latitude, longitude: message.location.longitude } }
      : {}),
    ...(message.reply_to_message ? { replyToMessageId: String(message.reply_to_message.message_id) } : {}),
    ...(message.from.language_code ? { languageHint: message.from.language_code } : {}),
  };
  return text || photo || voice || message.location ? inbound : null;
}

function callbackToInbound(query: CallbackQuery): InboundMessage | null {
  if (!query.data || !query.message) return null;
  return {
    channel: "telegram",
    chatId: String(query.message.chat.id),
    chatType: query.message.chat.type === "private" ? "private" : "group",
    userId: String(query.from.id),
    userName: query.from.first_name,
    messageId: `callback:${query.id}`,
    button: query.data,
    replyToMessageId: String(query.message.message_id),
    ...(query.from.language_code ? { languageHint: query.from.language_code } : {}),
  };
}

/** Telegram through grammY: long polling by default, webhook mode when a URL is configured. */
export class TelegramChannel implements Channel {
  readonly name = "telegram";
  readonly supportsPrivateChats = true;
  private readonly bot: Bot;
  private polling: Promise<void> | null = null;

  constructor(private readonly options: TelegramChannelOptions) {
    this.bot = new Bot(options.token, options.apiRoot ? { client: { apiRoot: options.apiRoot } } : {});
  }

  /** The webhook route to mount on the HTTP server (webhook mode only). */
  webhook(receive: (message: InboundMessage) => Promise<void>): WebhookEndpoint | null {
    if (!this.options.webhookUrl) return null;
    return {
      path: new URL(this.options.webhookUrl).pathname,
      secret: this.options.webhookSecret ?? null,
      handle: async (update) => {
        await this.dispatch(update as Update, receive);
      },
    };
  }

  async start(receive: (message: InboundMessage) => Promise<void>): Promise<void> {
    await this.bot.init(); // getMe: a wrong token fails here, with one clear log line from the caller
    if (this.options.webhookUrl) {
      await this.bot.api.setWebhook(this.options.webhookUrl, {
        ...(this.options.webhookSecret ? { secret_token: this.options.webhookSecret } : {}),
        allowed_updates: ["message", "callback_query"],
      });
      return;
    }
    this.bot.on(["message", "callback_query:data"], async (ctx) => {
      await this.dispatch(ctx.update, receive);
    });
    this.bot.catch((error) => this.options.logger.error({ err: error.error }, "telegram update failed"));
    this.polling = this.bot.start({
      allowed_updates: ["message", "callback_query"],
      drop_pending_updates: false,
    });
    this.polling.catch((error) => this.options.logger.error({ err: error }, "telegram polling stopped"));
  }

  private async dispatch(update: Update, receive: (message: InboundMessage) => Promise<void>): Promise<void> {
    if (update.callback_query) {
      // Answer at once so the button stops spinning; the work happens through the inbox.
      await this.bot.api.answerCallbackQuery(update.callback_query.id).catch(() => undefined);
      const inbound = callbackToInbound(update.callback_query);
      if (inbound) await receive(inbound);
      return;
    }
    const inbound = update.message ? messageToInbound(update.message) : null;
    if (inbound) await receive(inbound);
  }

  async stop(): Promise<void> {
    if (this.polling) {
      await this.bot.stop();
      await this.polling.catch(() => undefined);
      this.polling = null;
    }
  }

  privateChatIdFor(userId: string): string {
    return userId; // a private chat's id is the user's id
  }

  /** "telegram:file:<file_id>" → getFile → the download URL under the same API root. */
  async fetchMedia(ref: string): Promise<FetchedMedia> {
    const fileId = /^telegram:file:(.+)$/.exec(ref)?.[1];
    if (!fileId) throw new Error(`telegram: not a file reference: ${ref}`);
    const file = await this.bot.api.getFile(fileId);
    if (!file.file_path) throw new Error("telegram: the file is no longer available");
    const root = this.options.apiRoot ?? "https://api.telegram.org";
    const url = `${root}/file/bot${this.options.token}/${file.file_path}`;
    return downloadMedia(url, {}, this.options.maxDownloadBytes ?? 20 * 1024 * 1024);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const keyboard = message.buttons?.length
      ? InlineKeyboard.from(
          message.buttons.map((row) => row.map((b) => InlineKeyboard.text(b.label, b.data))),
        )
      : undefined;
    const replyTo =
      message.replyToMessageId && /^\d+$/.test(message.replyToMessageId)
        ? Number(message.replyToMessageId)
        : null;
    const options = {
      ...(keyboard ? { reply_markup: keyboard } : {}),
      ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    };
    try {
      if (message.image) return await this.sendImage(message, options);
      if (message.audio) return await this.sendAudio(message, options);
      const sent = await this.bot.api.sendMessage(message.chatId, message.text, options);
      return { ok: true, messageId: String(sent.message_id) };
    } catch (error) {
      if (error instanceof GrammyError) {
        if (error.error_code === 429) {
          return {
            ok: false,
            permanent: false,
            retryAfterMs: (error.parameters.retry_after ?? 1) * 1000,
            error: error.description,
          };
        }
        return {
          ok: false,
          permanent: error.error_code >= 400 && error.error_code < 500,
          error: `${error.error_code} ${error.description}`,
        };
      }
      if (error instanceof HttpError) return { ok: false, permanent: false, error: error.message };
      throw error;
    }
  }

  /**
   * A picture (a summary's chart) as a photo. The text rides as its caption with the buttons when
   * it fits Telegram's 1024 characters; otherwise the photo gets its short caption and the text
   * follows as its own message with the buttons.
   */
  private async sendImage(
    message: OutboundMessage,
    options: { reply_markup?: InlineKeyboard },
  ): Promise<SendResult> {
    const image = message.image!;
    const bytes = await this.options.readMedia?.(image.ref);
    if (!bytes) return { ok: false, permanent: true, error: `image ${image.ref} is not stored` };
    const file = new InputFile(bytes, `chart.${image.ref.split(".").at(-1) ?? "png"}`);
    if (message.text.length <= 1024) {
      const sent = await this.bot.api.sendPhoto(message.chatId, file, { ...options, caption: message.text });
      return { ok: true, messageId: String(sent.message_id) };
    }
    await this.bot.api.sendPhoto(message.chatId, file, { caption: image.caption.slice(0, 1024) });
    const sent = await this.bot.api.sendMessage(message.chatId, message.text, options);
    return { ok: true, messageId: String(sent.message_id) };
  }

  /**
   * A voice note with the message as its caption and the buttons under it, in one call: Telegram
   * plays OGG/Opus as a voice message; other formats go as a document the worker can open.
   */
  private async sendAudio(
    message: OutboundMessage,
    options: { reply_markup?: InlineKeyboard },
  ): Promise<SendResult> {
    const audio = message.audio!;
    const bytes = await this.options.readMedia?.(audio.ref);
    if (!bytes) return { ok: false, permanent: true, error: `audio ${audio.ref} is not stored` };
    const extension = audio.ref.split(".").at(-1) ?? "bin";
    const file = new InputFile(bytes, `voice.${extension}`);
    const caption = message.text.slice(0, 1024);
    const sent =
      audio.mime === "audio/ogg"
        ? await this.bot.api.sendVoice(message.chatId, file, {
            ...options,
            caption,
            duration: audio.durationSeconds,
          })
        : await this.bot.api.sendDocument(message.chatId, file, { ...options, caption });
    return { ok: true, messageId: String(sent.message_id) };
  }
}
