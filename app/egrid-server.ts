import type { Channel } from "../bot/channels/channel";
import type { WebhookEndpoint } from "../bot/channels/telegram-channel";
import { chartFontProblem } from "../bot/charts/chart-setup";
import type { InboundMessage } from "../core/conversation/inbound-message";
import type { Clock } from "../core/shared/clock";
import type { Understanding } from "../core/understanding/understanding";
import { type BotRuntime, BROADCAST_TICK_SECONDS, createBotRuntime } from "./bot-runtime";
import type { Config } from "./config";
import { createEgrid, type Egrid } from "./egrid-app";
import { createHttpServer } from "./http-server";
import {
  broadcastQueueJob,
  dailySummaryJob,
  deadlineSweepJob,
  inboxRecoveryJob,
  outboxDueJob,
  type ScheduledJob,
  startJobRunner,
  warningJob,
  welfareCheckJob,
} from "./job-runner";
import type { Logger } from "./logger";
import { startQueuedJobRunner } from "./redis-queues";

export interface RunningEgrid {
  readonly egrid: Egrid;
  readonly runtime: BotRuntime;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Everything `egrid start` runs: database, conversation, channels, outbox delivery, the scheduler
 * (deadline sweeps, the daily summary) and the HTTP server. Tests start the same thing on port 0.
 */
export async function startEgrid(
  config: Config,
  logger: Logger,
  clock: Clock,
  understanding: Understanding | ((egrid: Egrid) => Promise<Understanding>),
  channels: readonly Channel[] = [],
): Promise<RunningEgrid> {
  const egrid = await createEgrid(config, logger, clock);
  const runtime = createBotRuntime(
    egrid,
    logger,
    clock,
    typeof understanding === "function" ? await understanding(egrid) : understanding,
    { act: config.UNDERSTANDING_ACT_THRESHOLD, offer: config.UNDERSTANDING_OFFER_THRESHOLD },
    channels,
  );
  // Set once the job runner is up: with Redis, delivery after a message is a queued job.
  let deliverAfterReceive = (channel: string) => runtime.dispatcher.deliverDue(channel).then(() => {});
  const receive = async (message: InboundMessage) => {
    await runtime.conversation.receive(message);
    await deliverAfterReceive(message.channel);
  };
  const webhooks: WebhookEndpoint[] = [];
  const channelStates: Record<string, "connected" | "failed"> = {};
  for (const channel of runtime.channels.values()) {
    try {
      await channel.start(receive);
      const webhook = hasWebhook(channel) ? channel.webhook(receive) : null;
      if (webhook) webhooks.push(webhook);
      logger.info({ channel: channel.name }, "channel started");
      channelStates[channel.name] = "connected";
    } catch (error) {
      // One platform being down or misconfigured must not stop the others.
      logger.error({ channel: channel.name, err: error }, "channel failed to start");
      runtime.channels.delete(channel.name);
      channelStates[channel.name] = "failed";
    }
  }
  await runtime.conversation.recoverUnprocessed();
  const problem = chartFontProblem({ file: config.CHART_FONT_FILE, family: config.CHART_FONT_FAMILY });
  if (problem) logger.error({ setting: "CHART_FONT_FILE" }, `${problem} Summaries go out as text only.`);
  const jobs: ScheduledJob[] = [inboxRecoveryJob(() => runtime.conversation.recoverUnprocessed())];
  if (config.SWEEP_INTERVAL_SECONDS > 0) {
    jobs.push(
      deadlineSweepJob(egrid.tickets, config.SWEEP_INTERVAL_SECONDS, async (notices) => {
        await runtime.deliverNotices(notices);
        await runtime.sendBookingReminders();
      }),
    );
  }
  if (config.SWEEP_INTERVAL_SECONDS > 0) {
    jobs.push(
      welfareCheckJob((at) => runtime.runWelfareChecks(at)),
      broadcastQueueJob((at) => runtime.queueBroadcasts(at), BROADCAST_TICK_SECONDS),
    );
  }
  if (config.WARNING_INTERVAL_SECONDS > 0 && config.SWEEP_INTERVAL_SECONDS > 0) {
    jobs.push(warningJob((at) => runtime.runWarnings(at), config.WARNING_INTERVAL_SECONDS));
  }
  if (config.SUMMARY_TIME !== null) {
    jobs.push(
      dailySummaryJob(config.SUMMARY_TIME, config.EGRID_TIME_ZONE, async (date, at) => ({
        ...(await runtime.sendDailySummaries(date, at)),
      })),
    );
  }
  let scheduler: { stop(): Promise<void> };
  if (config.REDIS_URL) {
    const queued = await startQueuedJobRunner(
      { url: config.REDIS_URL, prefix: config.REDIS_PREFIX },
      [...jobs, outboxDueJob(() => runtime.dispatcher.deliverAll(), 1)],
      { deliver: async ({ channel }) => void (channel && (await runtime.dispatcher.deliverDue(channel))) },
      clock,
      logger,
      (job, ms) => egrid.metrics.jobRan(job, ms),
    );
    deliverAfterReceive = (channel) => queued.trigger("deliver", { channel });
    scheduler = queued;
  } else {
    runtime.dispatcher.start(1000);
    scheduler = startJobRunner(jobs, clock, logger, (job, ms) => egrid.metrics.jobRan(job, ms));
  }
  const server = createHttpServer(egrid, logger, runtime, clock, webhooks, () => channelStates);
  const url = await server.listen({ host: config.HOST, port: config.PORT });
  logger.info(
    { address: url, database: egrid.db.location, jobs: config.REDIS_URL ? "redis" : "in-process" },
    "egrid is running",
  );
  return {
    egrid,
    runtime,
    url,
    async stop() {
      await scheduler.stop();
      await server.close();
      await runtime.stop();
      await egrid.close();
    },
  };
}

/** A channel that can be pushed to over HTTP (Telegram in webhook mode); its SDK is loaded lazily. */
function hasWebhook(channel: Channel): channel is Channel & {
  webhook(receive: (message: InboundMessage) => Promise<void>): WebhookEndpoint | null;
} {
  return typeof (channel as { webhook?: unknown }).webhook === "function";
}
