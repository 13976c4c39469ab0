// The Slack channel: Bolt's HTTP receiver (Events API + interactivity on /slack/events) or Socket
// Mode in, chat.postMessage out. Updates become InboundMessages (slack-inbound.ts); replies are
// rendered as Block Kit (slack-outbound.ts). The Web API client never retries or queues on its
// own: a failed send is reported to the outbox, which owns retries and backoff.
import { App, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver, type webApi } from "@slack/bolt";
import { type InboundMessage, inboundMessageSchema } from "../../core/conversation/inbound-message";
import type { Channel, FetchedMedia, ReadMedia, SendResult } from "./channel";
import { downloadMedia } from "./download-media";
import { slackActionToInbound, slackMessageToInbound } from "./slack-inbound";
import {
  isSlackUserId,
  slackBlocksFor,
  slackFallbackText,
  slackSendFailure,
  slackThreadTs,
} from "./slack-outbound";

/** pino's shape, so app/ can pass its logger as it is. */
export interface SlackChannelLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SlackChannelOptions {
  /** xoxb-… */
  readonly botToken: string;
  /** Verifies that HTTP requests come from Slack (HTTP mode). */
  readonly signingSecret: string;
  /** xapp-…, for Socket Mode. */
  readonly appToken?: string;
  /** Receive over a WebSocket Slack opens (no public URL needed); needs `appToken`. */
  readonly socketMode?: boolean;
  /** HTTP mode: the port to listen on; 0 (the default) picks a free one, see `port()`. */
  readonly port?: number;
  /** HTTP mode: the interface to listen on; all of them when left out. */
  readonly host?: string;
  /** The Web API base URL (a self-hosted proxy, or a fake in tests); https://slack.com/api/ by default. */
  readonly apiUrl?: string;
  /** Abort a Web API call after this long (the outbox retries it); 10 s by default. */
  readonly apiTimeoutMs?: number;
  readonly logger?: SlackChannelLogger;
  /** The bytes of outbound media (voice notes, chart images), by their stored ref. */
  readonly readMedia?: ReadMedia;
  /** Downloads of residents' files larger than this are refused. */
  readonly maxDownloadBytes?: number;
}

export interface SlackChannel extends Channel {
  readonly name: "slack";
  /** The port the HTTP receiver listens on, once started; null before, after stop, and in Socket Mode. */
  port(): number | null;
}

const DEFAULT_API_TIMEOUT_MS = 10_000;
/** How many inbound thread replies to remember, so a reply to one goes into its thread's parent. */
const THREAD_MEMORY = 2000;

const quietLogger: SlackChannelLogger = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

const LEVEL_RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

const KIND_LEVEL = { info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/** Bolt's and the Web API client's own logging, into our structured logger (debug is dropped). */
function boltLoggerFor(logger: SlackChannelLogger): Logger {
  let level: LogLevel = LogLevel.INFO;
  const write = (kind: "info" | "warn" | "error", parts: readonly unknown[]) => {
    if (LEVEL_RANK[KIND_LEVEL[kind]] < LEVEL_RANK[level]) return;
    const [first, ...rest] = parts;
    const details = rest.length > 0 ? { details: rest.map(describeValue) } : {};
    logger[kind]({ component: "slack-bolt", ...details }, describeValue(first));
  };
  return {
    debug: () => {},
    info: (...parts: unknown[]) => write("info", parts),
    warn: (...parts: unknown[]) => write("warn", parts),
    error: (...parts: unknown[]) => write("error", parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  const logger = options.logger ?? quietLogger;
  const boltLogger = boltLoggerFor(logger);
  const socketMode = options.socketMode === true;
  if (socketMode && !options.appToken) {
    throw new Error("slack: socketMode needs an appToken (xapp-…)");
  }
  const slackApiUrl = options.apiUrl ? withTrailingSlash(options.apiUrl) : undefined;
  const clientOptions: webApi.WebClientOptions = {
    // egrid's outbox retries with backoff; the client must neither retry nor wait out a 429 itself.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS,
    ...(slackApiUrl ? { slackApiUrl } : {}),
  };

  const receiver =
    socketMode && options.appToken
      ? new SocketModeReceiver({
          appToken: options.appToken,
          logger: boltLogger,
          // apps.connections.open goes to the same API URL as everything else.
          installerOptions: { clientOptions: slackApiUrl ? { slackApiUrl } : {} },
        })
      : new HTTPReceiver({
          signingSecret: options.signingSecret,
          endpoints: "/slack/events",
          logger: boltLogger,
        });

  const app = new App({
    token: options.botToken,
    receiver,
    logger: boltLogger,
    logLevel: LogLevel.INFO,
    clientOptions,
    // auth.test runs in start(), not here: constructing the channel does no network I/O.
    deferInitialization: true,
  });

  let receive: ((message: InboundMessage) => Promise<void>) | null = null;
  let initialized = false;
  let running = false;
  let boundPort: number | null = null;
  /** user id → DM channel id, from conversations.open (a failed open is forgotten). */
  const dmChannels = new Map<string, Promise<string>>();
  /** "<channel>:<ts>" of an inbound thread reply → its thread's parent ts. */
  const threadParents = new Map<string, string>();

  function rememberThread(message: InboundMessage): void {
    if (message.replyToMessageId === undefined) return;
    threadParents.set(message.messageId, message.replyToMessageId);
    if (threadParents.size > THREAD_MEMORY) {
      const oldest = threadParents.keys().next().value;
      if (oldest !== undefined) threadParents.delete(oldest);
    }
  }

  async function deliver(message: InboundMessage): Promise<void> {
    const context = { channel: "slack", chatId: message.chatId, messageId: message.messageId };
    const checked = inboundMessageSchema.safeParse(message);
    if (!checked.success) {
      logger.warn({ ...context, issues: checked.error.issues.map((i) => i.message) }, "slack update dropped");
      return;
    }
    const handler = receive;
    if (handler === null) {
      logger.warn(context, "slack update arrived while the channel is stopped; dropped");
      return;
    }
    try {
      await handler(checked.data);
    } catch (error) {
      // Slack was already answered (it wants an answer within 3 s): say loudly that this one is lost.
      logger.error({ ...context, err: describeValue(error) }, "slack update acknowledged but not stored");
    }
  }

  app.event("message", async ({ event, context }) => {
    const message = slackMessageToInbound(event, context.botUserId);
    if (message === null) return;
    rememberThread(message);
    await deliver(message);
  });

  app.action({ type: "block_actions" }, async ({ ack, body, action }) => {
    await ack();
    const message = slackActionToInbound(body, action);
    if (message === null) return;
    await deliver(message);
  });

  app.error(async (error) => {
    logger.error({ channel: "slack", err: describeValue(error) }, "slack: error while handling an update");
  });

  function conversationFor(chatId: string): Promise<string> {
    if (!isSlackUserId(chatId)) return Promise.resolve(chatId);
    const known = dmChannels.get(chatId);
    if (known) return known;
    const opening = app.client.conversations.open({ users: chatId }).then((result) => {
      const id = result.channel?.id;
      if (!id) throw new Error("conversations.open returned no channel id");
      return id;
    });
    dmChannels.set(chatId, opening);
    opening.catch(() => dmChannels.delete(chatId));
    return opening;
  }

  return {
    name: "slack",
    supportsPrivateChats: true,

    port: () => boundPort,

    privateChatIdFor: (userId: string) => userId,

    /** A file's url_private, downloaded with the bot token; only from Slack (or the configured API host). */
    async fetchMedia(ref: string): Promise<FetchedMedia> {
      const url = new URL(ref);
      const allowed = new Set([
        "files.slack.com",
        options.apiUrl ? new URL(options.apiUrl).host : "slack.com",
      ]);
      const configured = options.apiUrl ? new URL(options.apiUrl) : null;
      const trusted = url.protocol === "https:" || url.origin === configured?.origin;
      if (!allowed.has(url.host) || !trusted)
        throw new Error(`slack: will not send the bot token to ${url.origin}`);
      const media = await downloadMedia(
        url.href,
        { authorization: `Bearer ${options.botToken}` },
        options.maxDownloadBytes ?? 20 * 1024 * 1024,
      );
      // Without the token's files:read scope Slack answers with its sign-in page, not the file.
      if (media.mime === "text/html")
        throw new Error("slack: got a web page instead of the file (files:read scope?)");
      return media;
    },

    async start(receiveMessage) {
      if (running) throw new Error("slack channel is already started");
      if (!initialized) {
        await app.init(); // auth.test: a wrong token fails here, at start
        initialized = true;
      }
      receive = receiveMessage;
      try {
        if (receiver instanceof HTTPReceiver) {
          const server = await receiver.start({
            port: options.port ?? 0,
            ...(options.host ? { host: options.host } : {}),
          });
          const address = server.address();
          boundPort = address !== null && typeof address === "object" ? address.port : null;
        } else {
          await receiver.start();
        }
      } catch (error) {
        receive = null;
        throw error;
      }
      running = true;
      logger.info(
        { channel: "slack", mode: socketMode ? "socket" : "http", port: boundPort },
        "slack channel started",
      );
    },

    async stop() {
      if (!running) return;
      running = false;
      try {
        await receiver.stop();
      } finally {
        receive = null;
        boundPort = null;
      }
    },

    async send(message): Promise<SendResult> {
      if (message.channel !== "slack") {
        return {
          ok: false,
          permanent: true,
          error: `slack channel cannot send a "${message.channel}" message`,
        };
      }
      try {
        const channelId = await conversationFor(message.chatId);
        const thread = slackThreadTs(message.replyToMessageId, [message.chatId, channelId]);
        const threadTs = thread === null ? null : (threadParents.get(`${channelId}:${thread}`) ?? thread);
        if (message.audio) {
          // The audio first, then the words and buttons: a retry after a failed post may share
          // the file twice, which is better than buttons with nothing to listen to.
          const bytes = await options.readMedia?.(message.audio.ref);
          if (!bytes)
            return { ok: false, permanent: true, error: `audio ${message.audio.ref} is not stored` };
          const upload = {
            channel_id: channelId,
            file: Buffer.from(bytes),
            filename: `voice.${message.audio.ref.split(".").at(-1) ?? "bin"}`,
            title: message.audio.caption,
          };
          await app.client.filesUploadV2(threadTs !== null ? { ...upload, thread_ts: threadTs } : upload);
        }
        if (message.image) {
          // The picture first, then the words: the same order, for the same reason, as audio.
          const bytes = await options.readMedia?.(message.image.ref);
          if (!bytes)
            return { ok: false, permanent: true, error: `image ${message.image.ref} is not stored` };
          const upload = {
            channel_id: channelId,
            file: Buffer.from(bytes),
            filename: `chart.${message.image.ref.split(".").at(-1) ?? "png"}`,
            title: message.image.caption,
          };
          await app.client.filesUploadV2(threadTs !== null ? { ...upload, thread_ts: threadTs } : upload);
        }
        const result = await app.client.chat.postMessage({
          channel: channelId,
          text: slackFallbackText(message.text),
          blocks: slackBlocksFor(message),
          mrkdwn: false,
          unfurl_links: false,
          unfurl_media: false,
          ...(threadTs !== null ? { thread_ts: threadTs } : {}),
        });
        if (!result.ts)
          return { ok: false, permanent: false, error: "slack chat.postMessage answered without a ts" };
        return { ok: true, messageId: result.ts };
      } catch (error) {
        return slackSendFailure(error);
      }
    },
  };
}
