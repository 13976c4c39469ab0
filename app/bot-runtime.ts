import type { Channel } from "../bot/channels/channel";
import { PlaygroundChannel } from "../bot/channels/playground-channel";
import { lazySummaryChartRenderer } from "../bot/charts/chart-setup";
import { bookingReminders } from "../bot/conversation/booking-reminders";
import type { BotDeps } from "../bot/conversation/bot-deps";
import { queueBroadcasts } from "../bot/conversation/broadcast-delivery";
import { Conversation } from "../bot/conversation/conversation";
import { type DailySummaryReport, sendDailySummaries } from "../bot/conversation/daily-summaries";
import { renderNotices } from "../bot/conversation/notice-renderer";
import { OutboxDispatcher } from "../bot/conversation/outbox-dispatcher";
import { creditVerifiedReports } from "../bot/conversation/points-notices";
import { warningNotices } from "../bot/conversation/warning-notices";
import { checkInPrompts, missedCheckInNotices } from "../bot/conversation/welfare-notices";
import type { Clock } from "../core/shared/clock";
import type { TicketNotice } from "../core/tickets/ticket-notice";
import type { ConfidenceThresholds, Understanding } from "../core/understanding/understanding";
import { detectWarnings } from "../core/warnings/detect-warnings";
import { PrismaBroadcasts } from "../db/repositories/prisma-broadcasts";
import { conversationStoresFor } from "../db/repositories/repositories-for";
import type { Egrid } from "./egrid-app";
import type { Logger } from "./logger";

/** How often a broadcast's next messages go into the outbox. */
export const BROADCAST_TICK_SECONDS = 5;

export interface BotRuntime {
  readonly deps: BotDeps;
  readonly conversation: Conversation;
  readonly dispatcher: OutboxDispatcher;
  readonly playground: PlaygroundChannel;
  readonly channels: Map<string, Channel>;
  /** Turn core's notices (from the scheduler, the CLI, the API) into outbox messages. */
  deliverNotices(notices: readonly TicketNotice[]): Promise<void>;
  /** Queue the reminders of bookings starting soon (run with the deadline sweep). */
  sendBookingReminders(): Promise<number>;
  /** Welfare checks: today's prompts whose time has come, and the missed ones' cases. */
  runWelfareChecks(at: Date): Promise<{ prompted: number; missed: number }>;
  /** Run the warning rules as of `at` and tell the people each new (or grown) warning names. */
  runWarnings(at: Date): Promise<{ raised: number; grown: number; messages: number }>;
  /** One paced tick of every unfinished broadcast; returns how many messages were queued. */
  queueBroadcasts(at: Date): Promise<number>;
  /** Queue each admin's summary of `date` (idempotent: a summary already sent is not sent again). */
  sendDailySummaries(date: string, at: Date): Promise<DailySummaryReport>;
  stop(): Promise<void>;
}

/** Wire the conversation: repositories, understanding, channels, the outbox and its dispatcher. */
export function createBotRuntime(
  egrid: Egrid,
  logger: Logger,
  clock: Clock,
  understanding: Understanding,
  thresholds: ConfidenceThresholds,
  extraChannels: readonly Channel[] = [],
): BotRuntime {
  const prisma = egrid.db.prisma;
  const playground = new PlaygroundChannel();
  const channels = new Map<string, Channel>([[playground.name, playground]]);
  for (const channel of extraChannels) channels.set(channel.name, channel);
  const stores = conversationStoresFor(egrid.db, egrid.people, egrid.referenceCache);
  const outbox = egrid.metrics.outbox(stores.outbox);
  const chats = stores.chats;
  const deps: BotDeps = {
    tickets: egrid.tickets,
    inbox: egrid.metrics.inbox(stores.inbox),
    outbox,
    chats,
    states: stores.states,
    understanding: egrid.metrics.understanding(understanding),
    thresholds,
    voice: egrid.voice,
    bookings: { ...egrid.bookings, clock },
    points: { ...egrid.points, clock },
    registry: { ...egrid.registry, clock },
    warnings: { ...egrid.warnings, clock },
    welfare: { ...egrid.welfare, clock },
    board: { ...egrid.board, clock, points: { ...egrid.points, clock } },
    broadcasts: {
      ...egrid.registry,
      clock,
      broadcasts: new PrismaBroadcasts(prisma),
      privateChatsOf: async (personIds) => {
        const found = new Map<string, { channel: string; chatId: string }>();
        for (const [personId, address] of await chats.privateAddressesOf(personIds)) {
          const chatId = channels.get(address.channel)?.privateChatIdFor(address.externalId) ?? null;
          if (chatId) found.set(personId, { channel: address.channel, chatId });
        }
        return found;
      },
    },
    summaries: {
      ...egrid.summaries,
      chart: lazySummaryChartRenderer(
        { file: egrid.config.CHART_FONT_FILE, family: egrid.config.CHART_FONT_FAMILY },
        { width: egrid.config.CHART_WIDTH, height: egrid.config.CHART_HEIGHT },
      ),
    },
    channels: {
      privateChatIdFor: (name, userId) => channels.get(name)?.privateChatIdFor(userId) ?? null,
      fetchMedia: async (name, ref) => {
        const channel = channels.get(name);
        if (!channel) throw new Error(`no channel "${name}" to fetch ${ref} from`);
        return channel.fetchMedia(ref);
      },
    },
    clock,
    logger,
    settings: { timeZone: egrid.config.EGRID_TIME_ZONE, messagesPerMinute: egrid.config.MESSAGES_PER_MINUTE },
  };
  const conversation = new Conversation(deps);
  const dispatcher = new OutboxDispatcher(outbox, channels, clock, logger);
  return {
    deps,
    conversation,
    dispatcher,
    playground,
    channels,
    async deliverNotices(notices) {
      const messages = await renderNotices(deps, notices);
      // Cases the sweep closed without objection were verified: their reporters earn points.
      messages.push(...(await creditVerifiedReports(deps, notices)));
      await outbox.enqueue(messages, null, clock.now());
    },
    async sendBookingReminders() {
      const messages = await bookingReminders(deps);
      await outbox.enqueue(messages, null, clock.now());
      return messages.length;
    },
    sendDailySummaries: (date, at) => sendDailySummaries(deps, date, at),
    async runWelfareChecks(at) {
      const prompts = await checkInPrompts(deps, at);
      await outbox.enqueue(prompts, null, at);
      const missed = await missedCheckInNotices(deps, at);
      await outbox.enqueue(missed, null, at);
      return { prompted: prompts.length, missed: missed.length };
    },
    async runWarnings(at) {
      const raised = await detectWarnings(deps.warnings, at);
      const messages = await warningNotices(deps, raised, at);
      await outbox.enqueue(messages, null, at);
      const grown = raised.filter((r) => r.grown).length;
      return { raised: raised.length - grown, grown, messages: messages.length };
    },
    queueBroadcasts(at) {
      // Per tick: the channel's pace per minute, spread over the ticks of a minute.
      const pace = egrid.config.BROADCAST_PER_MINUTE;
      const perTick = (channel: string) =>
        Math.max(
          1,
          Math.floor(((pace.get(channel) ?? pace.get("default") ?? 60) * BROADCAST_TICK_SECONDS) / 60),
        );
      return queueBroadcasts(deps, perTick, at);
    },
    async stop() {
      await dispatcher.stop();
      for (const channel of channels.values()) await channel.stop();
    },
  };
}
