import path from "node:path";
import type { Channel, ReadMedia } from "../bot/channels/channel";
import { FileAudioStore } from "../db/files/file-audio-store";
import type { Config } from "./config";
import type { Logger } from "./logger";

/**
 * The platforms whose settings are present. The playground is always on. Each platform's SDK is
 * imported only when it is configured: together they weigh over 100 MB of memory.
 */
export async function channelsFromConfig(config: Config, logger: Logger): Promise<Channel[]> {
  const channels: Channel[] = [];
  // Outbound voice notes (to the grid worker who types them) are read from the same store.
  const audio = new FileAudioStore(path.resolve(config.AUDIO_DIR));
  const readMedia: ReadMedia = (ref) => audio.get(ref);
  if (config.TELEGRAM_BOT_TOKEN) {
    const { TelegramChannel } = await import("../bot/channels/telegram-channel");
    channels.push(
      new TelegramChannel({
        token: config.TELEGRAM_BOT_TOKEN,
        ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
        ...(config.TELEGRAM_WEBHOOK_URL ? { webhookUrl: config.TELEGRAM_WEBHOOK_URL } : {}),
        ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
        readMedia,
        maxDownloadBytes: config.VOICE_MAX_BYTES,
        logger: logger.child({ channel: "telegram" }),
      }),
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    if (!config.SLACK_SIGNING_SECRET && !config.SLACK_SOCKET_MODE) {
      logger.error(
        { channel: "slack" },
        "SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not: Slack stays off",
      );
    } else {
      const { createSlackChannel } = await import("../bot/channels/slack-channel");
      channels.push(
        createSlackChannel({
          botToken: config.SLACK_BOT_TOKEN,
          signingSecret: config.SLACK_SIGNING_SECRET ?? "",
          ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
          socketMode: config.SLACK_SOCKET_MODE,
          port: config.SLACK_PORT,
          host: config.HOST,
          ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
          readMedia,
          maxDownloadBytes: config.VOICE_MAX_BYTES,
          logger: logger.child({ channel: "slack" }),
        }),
      );
    }
  }
  if (config.WECHAT_PUPPET) {
    // wechaty also takes seconds to import.
    const { createWechatChannel } = await import("../bot/channels/wechat-channel");
    channels.push(
      createWechatChannel({
        puppet: config.WECHAT_PUPPET,
        ...(config.WECHAT_PUPPET_TOKEN ? { puppetToken: config.WECHAT_PUPPET_TOKEN } : {}),
        ...(config.WECHAT_PUPPET_ENDPOINT
          ? { puppetOptions: { endpoint: config.WECHAT_PUPPET_ENDPOINT, tls: { disable: true } } }
          : {}),
        name: "egrid",
        readMedia,
        logger: logger.child({ channel: "wechat" }),
      }),
    );
  }
  return channels;
}
