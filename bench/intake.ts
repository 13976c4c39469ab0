import Database from "better-sqlite3";
import { type AppUnderTest, buildApp } from "./app-under-test";
import type { BenchMessage } from "./generate-messages";
import { percentile } from "./stats";

/** Outcomes (InboxMessage.outcome) that went the whole way: a ticket row and its events were written. */
export const TICKETED = ["ticket_dispatched", "ticket_triage", "ticket_merged"] as const;
/** The bot asked something back instead of filing (category buttons, more detail, which building). */
export const QUESTIONS = [
  "offered_categories",
  "asked_detail",
  "asked_building",
  "asked_description",
] as const;

/**
 * One message into the pipeline as a playground group message at `at` (the simulated clock);
 * the time from the call until its reply is in the outbox.
 */
export async function receiveTimed(
  app: AppUnderTest,
  m: BenchMessage,
  at: Date,
): Promise<{ inboxId: string; ms: number }> {
  app.clock.set(at);
  const t0 = performance.now();
  const outcome = await app.runtime.conversation.receive({
    channel: "playground",
    chatType: "group",
    chatId: m.chatId,
    userId: m.userId,
    userName: m.userName,
    messageId: m.messageId,
    text: m.text,
  });
  const ms = performance.now() - t0;
  if (!outcome.inboxId) throw new Error(`message ${m.messageId} was not taken: ${JSON.stringify(outcome)}`);
  return { inboxId: outcome.inboxId, ms };
}

export interface IntakeRun {
  /** Messages timed (after the warm-up). */
  readonly messages: number;
  readonly warmup: number;
  readonly elapsedMs: number;
  /** Timed messages that became a ticket (dispatched or triage) or were merged into one. */
  readonly ticketed: number;
  readonly dispatched: number;
  readonly triage: number;
  readonly merged: number;
  readonly questions: number;
  readonly notFiled: number;
  readonly outcomes: Record<string, number>;
  /** Ticketed messages per second of the whole timed run (questions and the rest cost time, count 0). */
  readonly msgsPerS: number;
  /** Every timed message per second, whatever the outcome. */
  readonly allMsgsPerS: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p50AllMs: number;
  readonly p99AllMs: number;
  readonly peakRssMb: number;
  /** Resident memory before the app was built (node, tsx, the bench) and once it was ready, before any message. */
  readonly rssBeforeAppMb: number;
  readonly rssAppReadyMb: number;
  /** process.memoryUsage() at the end of the run, in MB. */
  readonly memoryAtEndMb: Record<string, number>;
  /** Process CPU time (user + system) per timed message: wall time above it means the machine was busy. */
  readonly cpuMsPerMsg: number;
  /** Mean latency of each tenth of the timed messages, in order: does it slow down as tables grow? */
  readonly tenthsMs: number[];
  /** Rows checked after the run: every timed message processed, with a reply in the outbox. */
  readonly verified: { processed: number; withReply: number; ticketRows: number };
}

/**
 * Feed the messages one after another into `runtime.conversation.receive`, as a channel does,
 * with the simulated clock moving `intervalMs` per message. Each latency runs from the call to
 * the return of receive(), by which time the reply is in the outbox (Conversation.process
 * enqueues before it returns).
 */
export async function runIntake(options: {
  dbFile: string;
  modelFile: string;
  start: Date;
  messages: readonly BenchMessage[];
  warmup: number;
  intervalMs: number;
}): Promise<{ run: IntakeRun; timedInboxIds: Set<string> }> {
  const rssBeforeApp = process.memoryUsage.rss();
  const app = await buildApp({ dbFile: options.dbFile, modelFile: options.modelFile, start: options.start });
  const rssAppReady = process.memoryUsage.rss();
  const latencies = new Map<string, number>();
  const series: number[] = [];
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  sampler.unref();
  let started = 0;
  let cpu = process.cpuUsage();
  try {
    for (let i = 0; i < options.messages.length; i++) {
      if (i === options.warmup) {
        started = performance.now();
        cpu = process.cpuUsage();
      }
      const { inboxId, ms } = await receiveTimed(
        app,
        options.messages[i]!,
        new Date(options.start.getTime() + i * options.intervalMs),
      );
      if (i >= options.warmup) {
        latencies.set(inboxId, ms);
        series.push(ms);
      }
      // The loop rarely yields to timers (better-sqlite3 is synchronous), so sample here too.
      if (i % 25 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }
  } finally {
    clearInterval(sampler);
  }
  const elapsedMs = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const memoryAtEnd = process.memoryUsage();
  await app.close();
  const run = summariseRun(options.dbFile, latencies, elapsedMs, options.warmup, peakRss);
  const cpuMsPerMsg = (cpuUsed.user + cpuUsed.system) / 1000 / Math.max(1, latencies.size);
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  const memoryAtEndMb = Object.fromEntries(Object.entries(memoryAtEnd).map(([k, v]) => [k, mb(v)]));
  return {
    run: {
      ...run,
      cpuMsPerMsg,
      tenthsMs: tenths(series),
      rssBeforeAppMb: mb(rssBeforeApp),
      rssAppReadyMb: mb(rssAppReady),
      memoryAtEndMb,
    },
    timedInboxIds: new Set(latencies.keys()),
  };
}

function summariseRun(
  dbFile: string,
  latencies: Map<string, number>,
  elapsedMs: number,
  warmup: number,
  peakRss: number,
): Omit<IntakeRun, "tenthsMs" | "cpuMsPerMsg" | "rssBeforeAppMb" | "rssAppReadyMb" | "memoryAtEndMb"> {
  const db = new Database(dbFile, { readonly: true });
  const rows = db
    .prepare(
      `SELECT i.id, i.outcome, i.processedAt IS NOT NULL AS processed,
              (SELECT COUNT(*) FROM OutboxMessage o WHERE o.causedBy = i.id) AS replies,
              (SELECT COUNT(*) FROM Ticket t WHERE t.sourceKey = 'inbox:' || i.id) AS tickets
       FROM InboxMessage i`,
    )
    .all() as { id: string; outcome: string | null; processed: number; replies: number; tickets: number }[];
  db.close();
  const outcomes: Record<string, number> = {};
  const ticketedMs: number[] = [];
  const allMs: number[] = [];
  const verified = { processed: 0, withReply: 0, ticketRows: 0 };
  for (const row of rows) {
    const ms = latencies.get(row.id);
    if (ms === undefined) continue;
    const outcome = row.outcome ?? "unprocessed";
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    allMs.push(ms);
    verified.processed += row.processed;
    if (row.replies > 0) verified.withReply++;
    verified.ticketRows += row.tickets;
    // Fully handled: ticket row written, processed, and a reply waiting in the outbox.
    if (
      (TICKETED as readonly string[]).includes(outcome) &&
      row.tickets === 1 &&
      row.processed &&
      row.replies > 0
    )
      ticketedMs.push(ms);
  }
  const count = (names: readonly string[]) => names.reduce((sum, name) => sum + (outcomes[name] ?? 0), 0);
  const seconds = elapsedMs / 1000;
  return {
    messages: allMs.length,
    warmup,
    elapsedMs,
    ticketed: ticketedMs.length,
    dispatched: outcomes.ticket_dispatched ?? 0,
    triage: outcomes.ticket_triage ?? 0,
    merged: outcomes.ticket_merged ?? 0,
    questions: count(QUESTIONS),
    notFiled: allMs.length - count(TICKETED) - count(QUESTIONS),
    outcomes,
    msgsPerS: ticketedMs.length / seconds,
    allMsgsPerS: allMs.length / seconds,
    p50Ms: percentile(ticketedMs, 0.5),
    p99Ms: percentile(ticketedMs, 0.99),
    p50AllMs: percentile(allMs, 0.5),
    p99AllMs: percentile(allMs, 0.99),
    peakRssMb: peakRss / (1024 * 1024),
    verified,
  };
}

function tenths(series: readonly number[]): number[] {
  const size = Math.max(1, Math.ceil(series.length / 10));
  const means: number[] = [];
  for (let i = 0; i < series.length; i += size) {
    const block = series.slice(i, i + size);
    means.push(Math.round((100 * block.reduce((a, b) => a + b, 0)) / block.length) / 100);
  }
  return means;
}
