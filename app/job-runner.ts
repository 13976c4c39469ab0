import type { DeliveryReport } from "../bot/conversation/outbox-dispatcher";
import type { Clock } from "../core/shared/clock";
import { dailySummaryDue } from "../core/summaries/summary-period";
import { sweepDeadlines } from "../core/tickets/sweep-deadlines";
import type { TicketDeps } from "../core/tickets/ticket-deps";
import type { TicketNotice } from "../core/tickets/ticket-notice";
import type { Logger } from "./logger";

/**
 * A job the scheduler runs in this process every `everySeconds`, at the injected clock's time.
 * Each job is a core or bot use case the command line can run too, and is idempotent (a repeated
 * or overlapping run, here or on another instance, acts once), so the runner stays simple.
 */
export interface ScheduledJob {
  readonly name: string;
  readonly everySeconds: number;
  /** What it did, for the log line; null when there was nothing to do. */
  run(at: Date): Promise<Record<string, unknown> | null>;
}

/** Run the jobs on their intervals; a job still busy from its last tick is not started again. */
export function startJobRunner(
  jobs: readonly ScheduledJob[],
  clock: Clock,
  logger: Logger,
  onRan: (job: string, ms: number) => void = () => {},
): { stop(): Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  for (const job of jobs) {
    const tick = () => {
      if (running.has(job.name)) return;
      const started = Date.now();
      const run = job
        .run(clock.now())
        .then((report) => {
          onRan(job.name, Date.now() - started);
          if (report) logger.info({ job: job.name, ...report, ms: Date.now() - started }, "job ran");
        })
        .catch((error) => logger.error({ job: job.name, err: error }, "job crashed"))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    };
    const timer = setInterval(tick, job.everySeconds * 1000);
    timer.unref();
    timers.push(timer);
    tick();
  }
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}

/**
 * The deadline sweep (escalate, nudge, auto-close) and what goes with it (`deliver`: the notices,
 * booking reminders). The sweep commits against the versions it read, so two sweeps act once.
 */
export function deadlineSweepJob(
  deps: TicketDeps,
  everySeconds: number,
  deliver: (notices: readonly TicketNotice[]) => Promise<void>,
): ScheduledJob {
  return {
    name: "deadline-sweep",
    everySeconds,
    async run(at) {
      const result = await sweepDeadlines(deps, at);
      if (!result.ok) throw new Error(`deadline sweep failed: ${result.code}`);
      const { notices, ...counts } = result.value;
      await deliver(notices);
      return notices.length > 0 ? { ...counts, at: at.toISOString() } : null;
    },
  };
}

/**
 * Yesterday's summary for every admin, once the local time reaches SUMMARY_TIME. Checked every
 * minute; `send` records each delivery on a unique key, so a restart (or a second instance) after
 * the summary went out sends nothing again. Remembering the day here only saves the lookups; an
 * admin who could not be reached today is not retried every minute (`egrid summary --send` can).
 */
export function dailySummaryJob(
  summaryMinute: number,
  timeZone: string,
  send: (date: string, at: Date) => Promise<Record<string, unknown>>,
): ScheduledJob {
  let finished: string | null = null;
  return {
    name: "daily-summary",
    everySeconds: 60,
    async run(at) {
      const date = dailySummaryDue(at, summaryMinute, timeZone);
      if (!date || date === finished) return null;
      const report = await send(date, at);
      finished = date;
      return report;
    },
  };
}

/**
 * Messages stored but never processed whose claim ran out (an instance died between the two):
 * processed here. Also run once at start.
 */
export function inboxRecoveryJob(recover: () => Promise<number>): ScheduledJob {
  return {
    name: "inbox-recovery",
    everySeconds: 60,
    async run() {
      const count = await recover();
      return count > 0 ? { recovered: count } : null;
    },
  };
}

/** Replies due for (another) attempt, on every channel: retries, and anything a crash left. */
export function outboxDueJob(deliverAll: () => Promise<DeliveryReport>, everySeconds: number): ScheduledJob {
  return {
    name: "outbox-due",
    everySeconds,
    async run() {
      const report = await deliverAll();
      return report.sent + report.retrying + report.failed > 0 ? { ...report } : null;
    },
  };
}

/** Welfare checks (报平安): today's prompts whose time has come, then the missed ones' cases. */
export function welfareCheckJob(
  run: (at: Date) => Promise<{ prompted: number; missed: number }>,
): ScheduledJob {
  return {
    name: "welfare-checks",
    everySeconds: 60,
    async run(at) {
      const report = await run(at);
      return report.prompted + report.missed > 0 ? report : null;
    },
  };
}

/**
 * Broadcasts' next messages into the outbox, paced per channel; an unfinished broadcast (after a
 * crash or a restart) simply continues on the next tick.
 */
export function broadcastQueueJob(queue: (at: Date) => Promise<number>, everySeconds: number): ScheduledJob {
  return {
    name: "broadcast-queue",
    everySeconds,
    async run(at) {
      const queued = await queue(at);
      return queued > 0 ? { queued } : null;
    },
  };
}

/** The early-warning rules over the case stream; keys make a repeated or concurrent run raise nothing twice. */
export function warningJob(
  run: (at: Date) => Promise<{ raised: number; grown: number; messages: number }>,
  everySeconds: number,
): ScheduledJob {
  return {
    name: "early-warnings",
    everySeconds,
    async run(at) {
      const report = await run(at);
      return report.raised + report.grown > 0 ? report : null;
    },
  };
}
