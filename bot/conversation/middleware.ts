import type { BotContext } from "./bot-context";

export type Next = () => Promise<void>;
export type Middleware = (ctx: BotContext, next: Next) => Promise<void>;

/** Koa/grammY-style composition: each middleware may act before and after the rest. */
export function compose(middlewares: readonly Middleware[]): (ctx: BotContext) => Promise<void> {
  return async (ctx) => {
    const run = async (index: number): Promise<void> => {
      const middleware = middlewares[index];
      if (middleware) await middleware(ctx, () => run(index + 1));
    };
    await run(0);
  };
}

/** A failure inside the pipeline, with the message that caused it (grammY's BotError). */
export class BotError extends Error {
  constructor(
    readonly cause: unknown,
    readonly inboxId: string,
    readonly channel: string,
    readonly messageId: string,
  ) {
    super(
      `handling ${channel}:${messageId} (inbox ${inboxId}) failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
