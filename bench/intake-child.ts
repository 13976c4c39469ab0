// One intake run and its raw-rows ceiling, in a process of its own (started by phases.ts), so
// each run's memory and JIT start from nothing and no run inherits another's garbage.
// Usage: node <the parent's execArgv> bench/intake-child.ts JOB.json  → one JSON line on stdout.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyDatabase, removeDatabase } from "./bench-database";
import type { BenchMessage } from "./generate-messages";
import { type IntakeRun, runIntake } from "./intake";
import { planFromIntake, type RawMode, runRawRows, tableCounts } from "./raw-rows";

export interface IntakeJob {
  readonly template: string;
  readonly dir: string;
  readonly index: number;
  readonly modelFile: string;
  readonly start: string;
  readonly intervalMs: number;
  readonly warmup: number;
  readonly messages: readonly BenchMessage[];
  /** Besides "app": the what-ifs to measure on the same rows. */
  readonly extraModes: readonly RawMode[];
}

export interface IntakeJobResult {
  readonly run: IntakeRun;
  readonly raw: { msgsPerS: number; rows: number; messages: number; transactions: number; elapsedMs: number };
  readonly sameRows: boolean;
  readonly modes: Partial<Record<RawMode, number>>;
}

async function runJob(job: IntakeJob): Promise<IntakeJobResult> {
  const runFile = path.join(job.dir, `intake-${job.index}.db`);
  const rawFile = path.join(job.dir, `raw-${job.index}.db`);
  copyDatabase(job.template, runFile);
  const { run, timedInboxIds } = await runIntake({
    dbFile: runFile,
    modelFile: job.modelFile,
    start: new Date(job.start),
    messages: job.messages,
    warmup: job.warmup,
    intervalMs: job.intervalMs,
  });
  // The ceiling right after, in the same process, on the rows this run wrote.
  const plan = planFromIntake(runFile, timedInboxIds);
  const ceiling = async (mode: RawMode) => {
    copyDatabase(job.template, rawFile);
    const result = await runRawRows(rawFile, plan, mode);
    const [appCounts, rawCounts] = [
      JSON.stringify(tableCounts(runFile)),
      JSON.stringify(tableCounts(rawFile)),
    ];
    const same = mode !== "app" || appCounts === rawCounts;
    if (!same) process.stderr.write(`raw rows differ: app ${appCounts}, ceiling ${rawCounts}\n`);
    removeDatabase(rawFile);
    return { result, same };
  };
  const app = await ceiling("app");
  const modes: Partial<Record<RawMode, number>> = {};
  for (const mode of job.extraModes) modes[mode] = (await ceiling(mode)).result.msgsPerS;
  removeDatabase(runFile);
  return { run, raw: app.result, sameRows: app.same, modes };
}

/** Run a job in a child process with the same Node flags (the tsx loader, --cpu-prof …) as this one. */
export function runJobInChild(job: IntakeJob): IntakeJobResult {
  const jobFile = path.join(job.dir, `job-${job.index}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const child = path.join(import.meta.dirname, "intake-child.ts");
  const out = execFileSync(process.execPath, [...process.execArgv, child, jobFile], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = out.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as IntakeJobResult;
}

if (process.argv[1] && path.basename(process.argv[1]) === "intake-child.ts") {
  const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as IntakeJob;
  runJob(job)
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
