import {
  type InboundMessage,
  inboundMessageSchema,
  type OutboundMessage,
} from "../../core/conversation/inbound-message";
import { routeMessage } from "../handlers/message-router";
import { catalogue, detectLocale } from "../messages/format";
import { type BotContext, reply, words } from "./bot-context";
import type { BotDeps } from "./bot-deps";
import { BotError, compose, type Middleware } from "./middleware";
import { RateLimiter } from "./rate-limiter";
import { keepVoiceNotes } from "./voice-intake";

export interface ReceiveOutcome {
  /** False when the message failed validation (nothing stored). */
  readonly accepted: boolean;
  /** A redelivery of a message already stored: nothing was done again. */
  readonly duplicate: boolean;
  readonly inboxId: string | null;
  /** Everything this message caused to be sent, private messages included. */
  readonly replies: readonly OutboundMessage[];
  readonly error?: string;
}

/**
 * One pipeline for every channel: store in the inbox first (idempotent), then error boundary →
 * keep any voice note's audio → identify person and place → rate limit → route (buttons, forms, commands, understanding).
 * Replies go to the outbox; channels deliver them.
 */
export class Conversation {
  private readonly pipeline: (ctx: BotContext) => Promise<void>;
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: BotDeps) {
    this.limiter = new RateLimiter(deps.settings.messagesPerMinute);
    this.pipeline = compose([
      this.errorBoundary,
      keepVoiceNotes(deps),
      this.identify,
      this.rateLimit,
      routeMessage,
    ]);
  }

  async receive(raw: unknown): Promise<ReceiveOutcome> {
    const parsed = inboundMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const error = parsed.error.issues
        .map((i) => `${i.path.join(".") || "message"}: ${i.message}`)
        .join("; ");
      this.deps.logger.warn({ error }, "inbound message refused");
      return { accepted: false, duplicate: false, inboxId: null, replies: [], error };
    }
    const now = this.deps.clock.now();
    const stored = await this.deps.inbox.store(parsed.data, now);
    if (stored.duplicate) {
      this.deps.logger.info(
        { channel: parsed.data.channel, messageId: parsed.data.messageId },
        "duplicate delivery ignored",
      );
      return { accepted: true, duplicate: true, inboxId: null, replies: [] };
    }
    const replies = await this.process(stored.id, parsed.data, now);
    return { accepted: true, duplicate: false, inboxId: stored.id, replies };
  }

  /**
   * Messages stored but never processed (the instance died in between) whose claim ran out: run
   * them now. At start and then every minute, so another instance repairs a crashed one's work.
   */
  async recoverUnprocessed(): Promise<number> {
    const pending = await this.deps.inbox.claimUnprocessed(this.deps.clock.now(), 500);
    for (const row of pending) await this.process(row.id, row.message, this.deps.clock.now());
    if (pending.length > 0) this.deps.logger.info({ count: pending.length }, "reprocessed inbox messages");
    return pending.length;
  }

  private async process(inboxId: string, message: InboundMessage, now: Date): Promise<OutboundMessage[]> {
    const ctx: BotContext = {
      deps: this.deps,
      message,
      inboxId,
      now,
      person: null,
      locale: detectLocale(message.text, "zh-CN"),
      binding: null,
      out: [],
      outcome: "answered",
    };
    await this.pipeline(ctx);
    const queued = await this.deps.outbox.enqueue(ctx.out, inboxId, this.deps.clock.now());
    if (ctx.outcome !== "failed")
      await this.deps.inbox.markProcessed(inboxId, ctx.outcome, this.deps.clock.now());
    return queued.map((q) => q.message);
  }

  private readonly errorBoundary: Middleware = async (ctx, next) => {
    try {
      await next();
    } catch (cause) {
      const error = new BotError(cause, ctx.inboxId, ctx.message.channel, ctx.message.messageId);
      this.deps.logger.error(
        { err: cause, inboxId: ctx.inboxId, messageId: ctx.message.messageId },
        error.message,
      );
      ctx.out.length = 0;
      reply(ctx, catalogue(ctx.locale).apology());
      ctx.outcome = "failed";
      // The message stays in the inbox, marked with the error, for a person to pick up.
      await this.deps.inbox.markFailed(ctx.inboxId, error.message.slice(0, 1000), this.deps.clock.now());
    }
  };

  private readonly identify: Middleware = async (ctx, next) => {
    const { channel, userId, chatId, chatType } = ctx.message;
    let person = await this.deps.chats.findPersonByIdentity(channel, userId);
    if (!person) {
      person = await this.deps.chats.registerResident(channel, userId, ctx.message.userName ?? "", ctx.now);
      if (ctx.message.languageHint?.startsWith("en") || detectLocale(ctx.message.text, "zh-CN") === "en") {
        await this.deps.chats.setLocale(person.id, "en");
        person = { ...person, locale: "en" };
      }
      this.deps.logger.info({ personId: person.id, channel }, "new resident registered from chat");
    } else {
      await this.deps.chats.touchIdentity(channel, userId, ctx.now);
    }
    ctx.person = person;
    ctx.locale = detectLocale(ctx.message.text, person.locale);
    ctx.binding = chatType === "group" ? await this.deps.chats.groupChat(channel, chatId) : null;
    await next();
  };

  private readonly rateLimit: Middleware = async (ctx, next) => {
    if (this.limiter.allow(`${ctx.message.channel}:${ctx.message.userId}`, ctx.now)) return next();
    ctx.outcome = "rate_limited";
    reply(ctx, words(ctx).tooFast());
  };
}
