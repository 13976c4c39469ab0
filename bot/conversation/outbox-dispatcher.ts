import type { OutboxRepository } from "../../core/conversation/conversation-ports";
import type { Clock } from "../../core/shared/clock";
import type { Channel } from "../channels/channel";
import type { BotLogger } from "./bot-deps";

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface OutboxDispatcherOptions {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly batchSize: number;
}

const DEFAULTS: OutboxDispatcherOptions = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  batchSize: 50,
};

/**
 * Delivers the outbox through each channel. A 429 waits what the platform asked; other
 * temporary failures back off exponentially; permanent ones, or too many attempts, give up
 * (the row stays, marked failed, for a person to see).
 */
export class OutboxDispatcher {
  private readonly options: OutboxDispatcherOptions;
  private readonly busy = new Map<string, Promise<DeliveryReport>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly channels: ReadonlyMap<string, Channel>,
    private readonly clock: Clock,
    private readonly logger: BotLogger,
    options: Partial<OutboxDispatcherOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Deliver what is due on one channel; concurrent calls for the same channel share one run. */
  deliverDue(channelName: string): Promise<DeliveryReport> {
    const running = this.busy.get(channelName);
    if (running) return running;
    const run = this.run(channelName).finally(() => this.busy.delete(channelName));
    this.busy.set(channelName, run);
    return run;
  }

  async deliverAll(): Promise<DeliveryReport> {
    const total: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    for (const name of this.channels.keys()) {
      const report = await this.deliverDue(name);
      total.sent += report.sent;
      total.retrying += report.retrying;
      total.failed += report.failed;
    }
    return total;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.deliverAll().catch((error) => this.logger.error({ err: error }, "outbox delivery crashed"));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.busy.values());
  }

  private async run(channelName: string): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    const channel = this.channels.get(channelName);
    if (!channel) return report;
    const due = await this.outbox.claimDue(channelName, this.clock.now(), this.options.batchSize);
    for (const item of due) {
      let result: Awaited<ReturnType<Channel["send"]>>;
      try {
        result = await channel.send(item.message);
      } catch (error) {
        result = {
          ok: false,
          permanent: false,
          error: error instanceof Error ? error.message : String(error),
        };
      }
      if (result.ok) {
        await this.outbox.markSent(item.id, result.messageId, this.clock.now());
        report.sent++;
        continue;
      }
      const attempts = item.attempts + 1;
      const giveUp = result.permanent || attempts >= this.options.maxAttempts;
      const delay =
        result.retryAfterMs ??
        Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempts - 1));
      const retryAt = giveUp ? null : new Date(this.clock.now().getTime() + delay);
      await this.outbox.markAttemptFailed(item.id, result.error, retryAt);
      this.logger.warn(
        {
          outboxId: item.id,
          channel: channelName,
          chatId: item.message.chatId,
          attempts,
          error: result.error,
          retryAt,
        },
        giveUp ? "delivery failed, giving up" : "delivery failed, will retry",
      );
      if (giveUp) report.failed++;
      else report.retrying++;
      // The platform asked us to slow down: leave the rest of this batch for later.
      if (result.retryAfterMs !== undefined) break;
    }
    return report;
  }
}
