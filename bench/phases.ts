import { seededRandom } from "../prompts/offline-model/seeded-random";
import { copyDatabase, removeDatabase } from "./bench-database";
import { runClassify } from "./classify";
import { type FigurePrinter, progress } from "./figures";
import type { BenchMessage } from "./generate-messages";
import type { IntakeRun } from "./intake";
import { type IntakeJobResult, runJobInChild } from "./intake-child";
import type { BenchOptions } from "./options";
import { median, round } from "./stats";
import { runSummary } from "./summary";
import { runSweep } from "./sweep";
import { planFromSweep, runRawSweep, type SweepPlan } from "./sweep-raw";
import { generateTicketCorpus } from "./ticket-corpus";
import { traceIntake } from "./trace-intake";

export interface Context {
  readonly options: BenchOptions;
  readonly printer: FigurePrinter;
  readonly template: string;
  readonly file: (name: string) => string;
  readonly dir: string;
  readonly start: Date;
}

const r1 = (n: number) => round(n, 1);
const r2 = (n: number) => round(n, 2);

/**
 * Intake runs, each in a process of its own on a fresh copy of the template with its own slice
 * of messages, and right after each one (same process) the raw-rows ceiling writing the same rows
 * on another fresh copy.
 */
export async function intakePhase(ctx: Context, slices: readonly (readonly BenchMessage[])[]) {
  const { options, printer } = ctx;
  const intakes: IntakeRun[] = [];
  const raws: IntakeJobResult[] = [];
  for (const [index, slice] of slices.entries()) {
    progress(
      `intake run ${index + 1}/${slices.length} (own process): ${slice.length - options.warmup} timed messages (+${options.warmup} warm-up)`,
    );
    const result = runJobInChild({
      template: ctx.template,
      dir: ctx.dir,
      index,
      modelFile: options.modelFile,
      start: ctx.start.toISOString(),
      intervalMs: options.intervalSeconds * 1000,
      warmup: options.warmup,
      messages: slice,
      // The what-ifs once: the same rows with one commit a message, and with one per 100 messages.
      extraModes: index === 0 ? ["one-commit", "batch-100"] : [],
    });
    const { run, raw } = result;
    progress(
      `  ${r1(run.msgsPerS)} ticketed msgs/s (${r1(run.allMsgsPerS)} all), p50 ${r1(run.p50Ms)} ms, p99 ${r1(run.p99Ms)} ms, peak RSS ${r1(run.peakRssMb)} MB`,
    );
    progress(`  raw rows: ${r1(raw.msgsPerS)} msgs/s (${raw.rows} rows, ${raw.transactions} commits)`);
    if (!result.sameRows) progress("  raw rows: the ceiling's row counts differ from the app's!");
    intakes.push(run);
    raws.push(result);
  }
  const per = <T>(f: (run: IntakeRun) => T) => intakes.map(f);
  const mix = (run: IntakeRun) => ({
    timed: run.messages,
    ticketed: run.ticketed,
    dispatched: run.dispatched,
    triage: run.triage,
    merged: run.merged,
    questions: run.questions,
    not_filed: run.notFiled,
    outcomes: run.outcomes,
  });
  printer.figure(
    "intake_msgs_per_s",
    median(per((r) => r.msgsPerS)),
    "msgs/s",
    {
      counts: "messages that became a ticket or were merged into one, per second of the whole timed run",
      runs: per((r) => r1(r.msgsPerS)),
      all_msgs_per_s: per((r) => r1(r.allMsgsPerS)),
      cpu_ms_per_msg: per((r) => r2(r.cpuMsPerMsg)),
      wall_ms_per_msg: per((r) => r2(r.elapsedMs / r.messages)),
      mix: per(mix),
      latency_tenths_ms: per((r) => r.tenthsMs),
      messages_per_run: intakes[0]?.messages,
      messages_total: intakes.reduce((sum, r) => sum + r.messages, 0),
      warmup_per_run: options.warmup,
      simulated_seconds_between_messages: options.intervalSeconds,
      residents: options.residents,
    },
    1,
  );
  const perRaw = <T>(f: (run: IntakeJobResult["raw"]) => T) => raws.map((r) => f(r.raw));
  const whatIf = raws[0]?.modes ?? {};
  printer.figure(
    "raw_rows_per_s",
    median(perRaw((r) => r.msgsPerS)),
    "msgs/s",
    {
      counts:
        "messages whose rows were written per second (the same rows and commits as the app's, per message)",
      runs: perRaw((r) => r1(r.msgsPerS)),
      rows_per_msg: perRaw((r) => r2(r.rows / r.messages)),
      commits_per_msg: perRaw((r) => r2(r.transactions / r.messages)),
      rows_per_s: perRaw((r) => Math.round(r.rows / (r.elapsedMs / 1000))),
      same_rows_as_app: raws.map((r) => r.sameRows),
      what_if_run_1_msgs_per_s: {
        one_commit_per_msg: whatIf["one-commit"] && r1(whatIf["one-commit"]),
        one_commit_per_100_msgs: whatIf["batch-100"] && r1(whatIf["batch-100"]),
      },
    },
    1,
  );
  const ratios = intakes.map((run, i) => run.msgsPerS / raws[i]!.raw.msgsPerS);
  printer.figure(
    "intake_ratio",
    median(ratios),
    "ratio",
    {
      runs: ratios.map((r) => round(r, 4)),
      how: "median over runs of (intake / raw) from the same run",
    },
    4,
  );
  printer.figure("intake_p50_ms", median(per((r) => r.p50Ms)), "ms", {
    runs: per((r) => r2(r.p50Ms)),
    all_outcomes_runs: per((r) => r2(r.p50AllMs)),
    of: "ticketed messages, receive() call to return (reply in the outbox)",
  });
  printer.figure("intake_p99_ms", median(per((r) => r.p99Ms)), "ms", {
    runs: per((r) => r2(r.p99Ms)),
    all_outcomes_runs: per((r) => r2(r.p99AllMs)),
  });
  printer.figure(
    "rss_mb",
    median(per((r) => r.peakRssMb)),
    "MB",
    {
      runs: per((r) => r1(r.peakRssMb)),
      max: r1(Math.max(...per((r) => r.peakRssMb))),
      of: "peak of each intake run's own process (node + tsx + the app + the bench's messages), sampled during the run",
      before_app_runs: per((r) => r.rssBeforeAppMb),
      app_ready_runs: per((r) => r.rssAppReadyMb),
      memory_at_end_runs: per((r) => r.memoryAtEndMb),
    },
    1,
  );
}

/** One more intake with every SQL statement recorded: statements, reads, writes and commits per message. */
export async function tracePhase(ctx: Context, messages: readonly BenchMessage[]) {
  const file = ctx.file("trace.db");
  copyDatabase(ctx.template, file);
  progress(`tracing SQL for ${messages.length} messages`);
  const outcomes = await traceIntake({
    dbFile: file,
    modelFile: ctx.options.modelFile,
    start: ctx.start,
    messages,
    intervalMs: ctx.options.intervalSeconds * 1000,
    printOutcome: process.env.BENCH_TRACE_SQL,
  });
  removeDatabase(file);
  const filed = outcomes.find((o) => o.outcome === "ticket_dispatched");
  ctx.printer.figure("intake_sql_per_msg", filed?.statements ?? Number.NaN, "statements", {
    of: "a report filed and dispatched; every outcome below (means per message, traced run: times include tracing)",
    commits: filed?.transactions,
    outcomes,
  });
}

export async function classifyPhase(ctx: Context, texts: readonly string[]) {
  const runs = [];
  for (let i = 0; i < ctx.options.runs; i++) runs.push(await runClassify(ctx.options.modelFile, texts, 1000));
  ctx.printer.figure(
    "classify_us",
    median(runs.map((r) => r.usPerMessage)),
    "µs",
    {
      runs: runs.map((r) => r1(r.usPerMessage)),
      messages: texts.length,
      of: "OfflineUnderstanding.understandNow with the active categories, after 1,000 warm-up texts",
    },
    1,
  );
  ctx.printer.figure(
    "model_load_ms",
    median(runs.map((r) => r.loadMs)),
    "ms",
    {
      runs: runs.map((r) => r1(r.loadMs)),
      file: ctx.options.modelFile,
    },
    1,
  );
}

export async function sweepPhase(ctx: Context) {
  const { options, printer } = ctx;
  const at = new Date(ctx.start.getTime() + 26 * 3600_000);
  progress(`generating ${options.tickets} tickets (${options.open} open, ${options.due} due)`);
  const corpus = await generateTicketCorpus(
    ctx.file("tickets.db"),
    { total: options.tickets, open: options.open, due: options.due },
    at,
    seededRandom(options.seed + 2),
  );
  progress(
    `  generated in ${Math.round(corpus.generateMs / 1000)} s, ${Math.round(corpus.fileMb)} MB, ${corpus.events} events`,
  );
  // Each app sweep followed by the floor: the same reads and row changes in plain statements,
  // replaying what the app wrote (alternated, so both see the machine in the same state).
  const sweeps = [];
  const raws = [];
  let plan: SweepPlan | null = null;
  for (let i = 0; i < options.runs; i++) {
    sweeps.push(await runSweep(corpus));
    plan ??= planFromSweep(corpus);
    raws.push(await runRawSweep(corpus, plan));
    progress(`  sweep ${i + 1}: ${r1(sweeps.at(-1)!.ms)} ms, raw ${r1(raws.at(-1)!.ms)} ms`);
  }
  printer.figure(
    "sweep_ms",
    median(sweeps.map((s) => s.ms)),
    "ms",
    {
      runs: sweeps.map((s) => r1(s.ms)),
      acted: sweeps[0] && { ...sweeps[0], ms: undefined },
      tickets: options.tickets,
      open: options.open,
      due: options.due,
      generate_s: r1(corpus.generateMs / 1000),
      db_mb: Math.round(corpus.fileMb),
    },
    1,
  );
  printer.figure(
    "sweep_raw_ms",
    median(raws.map((r) => r.ms)),
    "ms",
    {
      runs: raws.map((r) => r1(r.ms)),
      of: "the app's sweep's reads and row changes in plain prepared statements, same commits and settings",
      same_rows_as_app: raws.every((r) => r.sameRowsAsApp),
      changes: raws[0]?.changes,
      commits: raws[0]?.commits,
    },
    1,
  );
  const summaries = [];
  for (let i = 0; i < options.runs; i++) {
    summaries.push(await runSummary(corpus));
    progress(`  summary ${i + 1}: ${r1(summaries.at(-1)!.ms)} ms`);
  }
  printer.figure(
    "summary_ms",
    median(summaries.map((s) => s.ms)),
    "ms",
    {
      runs: summaries.map((s) => r1(s.ms)),
      of: "summarise(): street s-east, the local day before the sweep's instant",
      figures: summaries[0] && { ...summaries[0], ms: undefined },
    },
    1,
  );
  removeDatabase(corpus.file);
}
