// npm run bench [-- --quick | --messages 20000 --runs 3 | --only intake,trace,classify,sweep]
// egrid's figures (../shared/benchmarks.md, issue 8): one JSON object per figure on stdout, the
// summary of all of them last; progress on stderr. Temp files live under os.tmpdir() and are
// removed at the end.
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { seededRandom } from "../prompts/offline-model/seeded-random";
import { benchDir, createTemplate } from "./bench-database";
import { ensureModel } from "./classify";
import { FigurePrinter, progress } from "./figures";
import { generateMessages, generateResidents } from "./generate-messages";
import { postgresIntakePhase } from "./intake-postgres";
import { parseOptions } from "./options";
import { type Context, classifyPhase, intakePhase, sweepPhase, tracePhase } from "./phases";
import { round } from "./stats";

function gitDescription(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim().length > 0;
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const began = performance.now();
  const printer = new FigurePrinter(options.quick ? { quick: true } : {});
  const dir = benchDir();
  const removeOnSignal = () => {
    dir.remove();
    process.exit(130);
  };
  process.once("SIGINT", removeOnSignal);
  process.once("SIGTERM", removeOnSignal);
  const loadBefore = loadavg();
  try {
    // 2026-12-01 08:00 in Asia/Shanghai: messages arrive through the day and the days after.
    const start = new Date("2026-12-01T00:00:00Z");
    const residents = generateResidents(options.residents, seededRandom(options.seed));
    const perRun = Math.ceil(options.messages / options.runs);
    const sliceSize = perRun + options.warmup;
    const all = generateMessages(sliceSize * options.runs + options.traceMessages, residents, {
      seed: options.seed + 1,
    });
    const slices = Array.from({ length: options.runs }, (_, i) =>
      all.slice(i * sliceSize, (i + 1) * sliceSize),
    );
    const traced = all.slice(sliceSize * options.runs);
    progress(`${all.length} distinct messages from ${residents.length} residents; temp files in ${dir.dir}`);
    const template = dir.file("template.db");
    await createTemplate(template, residents, start);
    const ctx: Context = { options, printer, template, file: dir.file, dir: dir.dir, start };

    const model = await ensureModel(options.modelFile);
    if (model.trainMs !== null)
      printer.figure("model_train_ms", model.trainMs, "ms", { because: model.trainedBecause }, 0);
    else
      printer.skipped("model_train_ms", "model file present and current: no training needed", {
        file: options.modelFile,
      });

    if (options.phases.has("intake")) await intakePhase(ctx, slices);
    if (options.phases.has("trace") && traced.length > 0) await tracePhase(ctx, traced);
    if (options.phases.has("classify")) {
      progress("classifying");
      await classifyPhase(
        ctx,
        all.map((m) => m.text),
      );
    }
    if (options.phases.has("sweep")) await sweepPhase(ctx);
    if (options.phases.has("postgres")) {
      const pgMessages = generateMessages(options.pgMessages + options.warmup, residents, {
        seed: options.seed + 2,
      });
      await postgresIntakePhase({
        printer,
        serverUrl: options.pgUrl,
        dbFile: dir.file("pg-intake.db"),
        modelFile: options.modelFile,
        residents,
        messages: pgMessages,
        warmup: options.warmup,
        start,
        intervalMs: options.intervalSeconds * 1000,
      });
    }

    printer.summary({
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
      runs: options.runs,
      messages_total: options.phases.has("intake") ? perRun * options.runs : 0,
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? "unknown",
        memory_gb: round(totalmem() / 1024 ** 3, 1),
        node: process.version,
        load_before: loadBefore.map((l) => round(l, 2)),
        load_after: loadavg().map((l) => round(l, 2)),
      },
      code: gitDescription(),
      elapsed_s: Math.round((performance.now() - began) / 1000),
    });
  } finally {
    dir.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
