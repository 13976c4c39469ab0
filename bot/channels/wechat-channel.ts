// The WeChat channel, through Wechaty. A puppet does the talking to WeChat: chosen by name from
// configuration ("wechaty-puppet-service" with a token, for a hosted or self-run gateway), or passed
// in (tests use wechaty-puppet-mock). Messages become InboundMessages (wechat-inbound.ts); replies are
// sent as text, with buttons rendered as numbered lines whose numbers come back as the buttons' data
// (wechat-numbered-replies.ts). Nothing here retries: a failed send is reported to the outbox.
//
// Private messages: the bot can write only to contacts it is friends with. A room member who is not
// a contact cannot be messaged privately; `send` to such a user, or to an id the account does not
// know, fails permanently.
import { randomUUID } from "node:crypto";
import { FileBox } from "file-box";
import {
  type OfficialPuppetNpmName,
  qrcodeValueToImageUrl,
  type Wechaty,
  WechatyBuilder,
  type WechatyOptions,
} from "wechaty";
import {
  type InboundMessage,
  inboundMessageSchema,
  type OutboundMessage,
} from "../../core/conversation/inbound-message";
import type { Channel, ReadMedia, SendResult } from "./channel";
import { wechatMessageIdOfRef, wechatMessageToInbound } from "./wechat-inbound";
import { NumberedOptionsMemory, numberedButtons, renderNumberedOptions } from "./wechat-numbered-replies";
import {
  errorText,
  isNotFoundError,
  lookupOrder,
  type WechatConversationKind,
  wechatSendFailure,
} from "./wechat-outbound";

/** pino's shape, so app/ can pass its logger as it is. */
export interface WechatChannelLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A puppet instance (what `new PuppetMock({ mocker })` gives), as Wechaty accepts it. */
export type WechatPuppet = Exclude<NonNullable<WechatyOptions["puppet"]>, string>;

export interface WechatChannelOptions {
  /** The puppet's npm name: "wechaty-puppet-service", "wechaty-puppet-mock", … */
  readonly puppet: string;
  /** The puppet's token (puppet-service: the gateway token). */
  readonly puppetToken?: string;
  /**
   * More puppet options, e.g. `{ endpoint: "10.0.0.5:8788", tls: { disable: true } }` for a
   * self-run puppet-service gateway. An endpoint skips the wechaty:// token discovery, which is
   * broken with the installed @grpc/grpc-js 1.14 (wechaty-token 1.1 calls a resolver listener API
   * grpc-js no longer has: "this.listener.onError is not a function", an uncaught crash).
   */
  readonly puppetOptions?: Readonly<Record<string, unknown>>;
  /** Wechaty's name; Wechaty keeps the login session in "<name>.memory-card.json" in the working directory. */
  readonly name?: string;
  readonly logger?: WechatChannelLogger;
  /** A Wechaty instance or a puppet instance to use instead of building one from `puppet` (tests). */
  readonly wechaty?: Wechaty | WechatPuppet;
  /** How long numbered options stay answerable; 30 minutes by default. */
  readonly numberedOptionsTtlMs?: number;
  /** The clock for that memory (ms since the epoch); Date.now by default. */
  readonly now?: () => number;
  /** The bytes of outbound media (voice notes, chart images), by their stored ref. */
  readonly readMedia?: ReadMedia;
}

/** A photo or voice note's bytes, fetched from the puppet by its "wechat:<messageId>" ref. */
export interface WechatMedia {
  readonly bytes: Buffer;
  readonly name: string;
  readonly mime?: string;
}

export interface WechatChannel extends Channel {
  readonly name: "wechat";
  /** The bytes behind a photo or voice ref; the puppet must still hold the message. */
  fetchMedia(ref: string): Promise<WechatMedia>;
  /** The logged-in account's contact id; null before login. */
  selfId(): string | null;
}

/** How many chats' kinds (room or contact) to remember from inbound messages. */
const KIND_MEMORY = 5000;
/** "wechaty-puppet-service", "@juzi/wechaty-puppet-service", … (what Wechaty can import by name). */
const PUPPET_NAME = /^(@[a-z0-9][\w.-]*\/)?wechaty-puppet-[\w.-]+$/;

const quietLogger: WechatChannelLogger = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

function buildWechaty(options: WechatChannelOptions): Wechaty {
  const named = options.name ? { name: options.name } : {};
  const injected = options.wechaty;
  if (injected !== undefined) {
    return WechatyBuilder.valid(injected) ? injected : WechatyBuilder.build({ ...named, puppet: injected });
  }
  if (!PUPPET_NAME.test(options.puppet)) {
    throw new Error(`wechat: "${options.puppet}" is not a Wechaty puppet package name (wechaty-puppet-…)`);
  }
  return WechatyBuilder.build({
    ...named,
    // Wechaty imports any wechaty-puppet-* package by name; its type lists only the official ones.
    puppet: options.puppet as OfficialPuppetNpmName,
    puppetOptions: {
      ...options.puppetOptions,
      ...(options.puppetToken ? { token: options.puppetToken } : {}),
    },
  });
}

type Lookup =
  | { readonly found: WechatConversationKind }
  | { readonly refused: string }
  | { readonly missing: true };

export function createWechatChannel(options: WechatChannelOptions): WechatChannel {
  const logger = options.logger ?? quietLogger;
  const wechaty = buildWechaty(options);
  const numbered = new NumberedOptionsMemory({
    ...(options.numberedOptionsTtlMs !== undefined ? { ttlMs: options.numberedOptionsTtlMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  /** chat id → room or contact, as inbound messages showed it (bounded, oldest forgotten first). */
  const kinds = new Map<string, WechatConversationKind>();
  let receive: ((message: InboundMessage) => Promise<void>) | null = null;
  let running = false;

  function rememberKind(chatId: string, kind: WechatConversationKind): void {
    kinds.delete(chatId);
    kinds.set(chatId, kind);
    if (kinds.size > KIND_MEMORY) {
      const oldest = kinds.keys().next().value;
      if (oldest !== undefined) kinds.delete(oldest);
    }
  }

  async function onMessage(message: Parameters<typeof wechatMessageToInbound>[0]): Promise<void> {
    const handler = receive;
    const context = { channel: "wechat", messageId: message.id };
    if (handler === null) return;
    let mapped: Awaited<ReturnType<typeof wechatMessageToInbound>>;
    try {
      mapped = await wechatMessageToInbound(message, numbered);
    } catch (error) {
      logger.warn({ ...context, err: errorText(error) }, "wechat message could not be read; dropped");
      return;
    }
    if (mapped.kind === "ignored") return;
    const inbound = mapped.message;
    rememberKind(inbound.chatId, inbound.chatType === "group" ? "room" : "contact");
    const checked = inboundMessageSchema.safeParse(inbound);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      logger.warn({ ...context, chatId: inbound.chatId, issues }, "wechat message dropped");
      return;
    }
    try {
      await handler(checked.data);
    } catch (error) {
      // The puppet does not redeliver: say loudly that this message is lost.
      logger.error(
        { ...context, chatId: inbound.chatId, err: errorText(error) },
        "wechat message not stored",
      );
    }
  }

  function onError(error: unknown): void {
    logger.warn({ channel: "wechat", err: errorText(error) }, "wechat: puppet error");
  }

  function onScan(qrcode: string, status: number): void {
    // Logging in means scanning this QR code with the bot account's phone.
    logger.info(
      { channel: "wechat", status, qrcodeUrl: qrcodeValueToImageUrl(qrcode) },
      "wechat: scan to log in",
    );
  }

  function onLogin(user: { readonly id: string }): void {
    logger.info({ channel: "wechat", userId: user.id }, "wechat: logged in");
  }

  function onLogout(user: { readonly id: string }): void {
    logger.warn({ channel: "wechat", userId: user.id }, "wechat: logged out");
  }

  function listen(on: boolean): void {
    if (on) {
      wechaty.on("message", onMessage);
      wechaty.on("error", onError);
      wechaty.on("scan", onScan);
      wechaty.on("login", onLogin);
      wechaty.on("logout", onLogout);
    } else {
      wechaty.off("message", onMessage);
      wechaty.off("error", onError);
      wechaty.off("scan", onScan);
      wechaty.off("login", onLogin);
      wechaty.off("logout", onLogout);
    }
  }

  /**
   * Whether the account knows the id as a room or as a contact it may write to. Wechaty's
   * Room.find / Contact.find turn every failure into "undefined" (and an "error" event), so a lost
   * connection would look like an unknown chat; the puppet's payload calls tell the two apart.
   */
  async function lookUp(chatId: string): Promise<Lookup> {
    const puppet = wechaty.puppet;
    for (const kind of lookupOrder(chatId, kinds.get(chatId))) {
      try {
        if (kind === "room") {
          await puppet.roomPayload(chatId);
        } else {
          const contact = await puppet.contactPayload(chatId);
          if (contact.friend === false) {
            return {
              refused: `${chatId} is not a contact of the bot account; it cannot be messaged privately`,
            };
          }
        }
        return { found: kind };
      } catch (error) {
        if (!isNotFoundError(error)) throw error;
      }
    }
    return { missing: true };
  }

  /** A voice note for a grid worker: sent as a file before the words (WeChat bots cannot send voice). */
  async function sendAudio(
    chatId: string,
    audio: NonNullable<OutboundMessage["audio"]>,
  ): Promise<string | null> {
    const bytes = await options.readMedia?.(audio.ref);
    if (!bytes) return `audio ${audio.ref} is not stored`;
    const name = `${audio.caption.replace(/[\\/:*?"<>|\s]+/g, "_")}.${audio.ref.split(".").at(-1) ?? "bin"}`;
    // Base64, not a Buffer FileBox: puppets pass small files on as JSON (FileBox.toJSON), which
    // throws for Buffer boxes (puppet-service under 20 KB, the mock puppet always).
    const file = FileBox.fromBase64(Buffer.from(bytes).toString("base64"), name);
    await wechaty.puppet.messageSendFile(chatId, file);
    return null;
  }

  /** A picture (a summary's chart) before the words; an image file shows inline in WeChat. */
  async function sendImage(
    chatId: string,
    image: NonNullable<OutboundMessage["image"]>,
  ): Promise<string | null> {
    const bytes = await options.readMedia?.(image.ref);
    if (!bytes) return `image ${image.ref} is not stored`;
    const name = `${image.caption.replace(/[\\/:*?"<>|\s]+/g, "_")}.${image.ref.split(".").at(-1) ?? "png"}`;
    // Base64 for the same reason as voice notes: Buffer FileBoxes cannot be serialised by puppets.
    await wechaty.puppet.messageSendFile(
      chatId,
      FileBox.fromBase64(Buffer.from(bytes).toString("base64"), name),
    );
    return null;
  }

  async function send(message: OutboundMessage): Promise<SendResult> {
    if (!running) return { ok: false, permanent: false, error: "wechat: the channel is not started" };
    const text = renderNumberedOptions(message.text, message.buttons);
    if (text.trim().length === 0) return { ok: false, permanent: true, error: "wechat: empty message" };
    const context = { channel: "wechat", chatId: message.chatId, ticketId: message.ticketId };
    try {
      const lookup = await lookUp(message.chatId);
      if ("missing" in lookup) {
        return { ok: false, permanent: true, error: `wechat: no room or contact ${message.chatId}` };
      }
      if ("refused" in lookup) return { ok: false, permanent: true, error: `wechat: ${lookup.refused}` };
      if (message.audio) {
        const missing = await sendAudio(message.chatId, message.audio);
        if (missing) return { ok: false, permanent: true, error: `wechat: ${missing}` };
      }
      if (message.image) {
        const missing = await sendImage(message.chatId, message.image);
        if (missing) return { ok: false, permanent: true, error: `wechat: ${missing}` };
      }
      const sentId = await wechaty.puppet.messageSendText(message.chatId, text);
      numbered.offered(message.chatId, numberedButtons(message.buttons));
      const messageId =
        typeof sentId === "string" && sentId.length > 0 ? sentId : `wechat-sent:${randomUUID()}`;
      return { ok: true, messageId };
    } catch (error) {
      const failure = wechatSendFailure(error);
      logger.warn({ ...context, err: errorText(error) }, "wechat send failed");
      return failure;
    }
  }

  return {
    name: "wechat",
    supportsPrivateChats: true,

    privateChatIdFor: (userId: string) => userId,

    selfId: () => (running && wechaty.isLoggedIn ? wechaty.currentUser.id : null),

    async start(receiveMessage) {
      if (running) throw new Error("wechat channel is already started");
      receive = receiveMessage;
      listen(true);
      try {
        await wechaty.start();
      } catch (error) {
        listen(false);
        receive = null;
        throw error;
      }
      running = true;
      logger.info(
        { channel: "wechat", puppet: options.wechaty ? "injected" : options.puppet },
        "wechat channel started",
      );
    },

    async stop() {
      if (!running) return;
      running = false;
      try {
        await wechaty.stop();
      } finally {
        listen(false);
        receive = null;
      }
      logger.info({ channel: "wechat" }, "wechat channel stopped");
    },

    send,

    async fetchMedia(ref: string): Promise<WechatMedia> {
      const messageId = wechatMessageIdOfRef(ref);
      if (messageId === null) throw new Error(`wechat: "${ref}" is not a wechat media ref`);
      const file = await wechaty.puppet.messageFile(messageId);
      const bytes = await file.toBuffer();
      return { bytes, name: file.name, ...(file.mediaType ? { mime: file.mediaType } : {}) };
    },
  };
}
