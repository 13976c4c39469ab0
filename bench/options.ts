import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

export const PHASES = ["intake", "trace", "classify", "sweep", "postgres"] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  readonly quick: boolean;
  /** Distinct timed messages in all, shared out over the intake runs (each run gets its own slice). */
  readonly messages: number;
  readonly runs: number;
  /** Untimed messages before each run's timed ones (distinct too). */
  readonly warmup: number;
  /** Simulated time between two messages: sets how many reports of a building fall in one duplicate window. */
  readonly intervalSeconds: number;
  readonly residents: number;
  readonly traceMessages: number;
  readonly tickets: number;
  readonly open: number;
  readonly due: number;
  readonly seed: number;
  readonly modelFile: string;
  readonly phases: ReadonlySet<Phase>;
  /** Timed messages of the PostgreSQL intake (one run), and the server it runs on. */
  readonly pgMessages: number;
  readonly pgUrl: string;
}

const USAGE = `npm run bench -- [--quick] [--messages N] [--runs N] [--warmup N] [--interval-seconds N]
  [--residents N] [--trace-messages N] [--tickets N] [--open N] [--due N] [--seed N] [--model-file FILE]
  [--pg-messages N] [--pg-url postgresql://…] [--only intake,trace,classify,sweep,postgres]

Defaults: 20,000 distinct timed messages over 3 intake runs (+100 warm-up each), one message every
300 simulated seconds from 5,000 residents; a 1,000,000-ticket database with 100,000 open and
1,000 due for the sweep and the summary; 2,000 messages through the same intake on PostgreSQL
(127.0.0.1:5432, database test, a schema of its own), skipped when it cannot be reached.
--quick: 600 messages over 2 runs, 50,000 tickets, 200 messages on PostgreSQL.
BENCH_TRACE_SQL=<outcome> (e.g. ticket_dispatched) with --only trace: each statement a message with
that outcome ran, and how often.`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: "boolean", default: false },
      messages: { type: "string" },
      runs: { type: "string" },
      warmup: { type: "string" },
      "interval-seconds": { type: "string" },
      residents: { type: "string" },
      "trace-messages": { type: "string" },
      tickets: { type: "string" },
      open: { type: "string" },
      due: { type: "string" },
      seed: { type: "string" },
      "model-file": { type: "string" },
      only: { type: "string" },
      "pg-messages": { type: "string" },
      "pg-url": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const int = (name: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined) return fallback;
    const value = Number(raw.replaceAll("_", "").replaceAll(",", ""));
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}, got "${raw}"`);
    return value;
  };
  const tickets = int("tickets", values.tickets, quick ? 50_000 : 1_000_000, 1000);
  const open = int("open", values.open, Math.round(tickets / 10), 10);
  const phases = values.only ? values.only.split(",").map((p) => p.trim()) : [...PHASES];
  for (const phase of phases)
    if (!(PHASES as readonly string[]).includes(phase))
      throw new Error(`--only: unknown phase "${phase}" (${PHASES.join(", ")})`);
  const options: BenchOptions = {
    quick,
    messages: int("messages", values.messages, quick ? 600 : 20_000, 10),
    runs: int("runs", values.runs, quick ? 2 : 3, 1),
    warmup: int("warmup", values.warmup, quick ? 50 : 100, 0),
    intervalSeconds: int("interval-seconds", values["interval-seconds"], 300, 1),
    residents: int("residents", values.residents, quick ? 1000 : 5000, 10),
    traceMessages: int("trace-messages", values["trace-messages"], quick ? 100 : 200, 0),
    tickets,
    open,
    due: int("due", values.due, quick ? 100 : 1000, 1),
    seed: int("seed", values.seed, 20_261_129, 0),
    modelFile: path.resolve(values["model-file"] ?? path.join("data", "model", "offline-model.json")),
    phases: new Set(phases as Phase[]),
    pgMessages: int("pg-messages", values["pg-messages"], quick ? 200 : 2000, 10),
    pgUrl: values["pg-url"] ?? `postgresql://${userInfo().username}@127.0.0.1:5432/test`,
  };
  if (options.open > options.tickets || options.due > options.open)
    throw new Error("need due ≤ open ≤ tickets");
  return options;
}
