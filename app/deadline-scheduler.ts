import type { Clock } from "../core/shared/clock";
import { sweepDeadlines } from "../core/tickets/sweep-deadlines";
import type { TicketDeps } from "../core/tickets/ticket-deps";
import type { TicketNotice } from "../core/tickets/ticket-notice";
import type { Logger } from "./logger";

/**
 * Runs the deadline sweep (and, through `deliver`, the booking reminders) every `intervalSeconds` in this process. Each run is idempotent
 * (the sweep commits against the versions it read), so an overlapping or repeated run acts once.
 */
export function startDeadlineSweeps(
  deps: TicketDeps,
  clock: Clock,
  intervalSeconds: number,
  logger: Logger,
  deliver: (notices: readonly TicketNotice[]) => Promise<void>,
): { stop(): Promise<void> } {
  if (intervalSeconds === 0) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return; // still busy with the last one
    running = (async () => {
      const started = Date.now();
      const result = await sweepDeadlines(deps, clock.now());
      if (!result.ok) return logger.error({ code: result.code }, "deadline sweep failed");
      const { notices, ...counts } = result.value;
      if (notices.length > 0) logger.info({ ...counts, ms: Date.now() - started }, "deadline sweep");
      await deliver(notices);
    })()
      .catch((error) => logger.error({ err: error }, "deadline sweep crashed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
