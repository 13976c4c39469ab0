// npm run eval -- --data FILE [--mode offline|llm|auto] [--model FILE]
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Understood } from "../core/understanding/understanding";
import { createUnderstanding, type UnderstandingMode } from "./create-understanding";
import { parseEvalFile } from "./evaluation/eval-data";
import { evaluatePredictions } from "./evaluation/evaluate-predictions";
import { formatReport } from "./evaluation/format-report";
import type { LlmUnderstandingOptions } from "./llm-understanding";

const MODES: readonly UnderstandingMode[] = ["offline", "llm", "auto"];
export const DEFAULT_MODEL_FILE = path.join("data", "model", "offline-model.json");
const USAGE = "usage: npm run eval -- --data FILE [--mode offline|llm|auto] [--model FILE]";

export interface EvalArguments {
  readonly data: string;
  readonly mode: UnderstandingMode;
  readonly model: string;
  /** --model was given: that file is evaluated as it is (trained only when missing). */
  readonly modelChosen: boolean;
}

export function parseEvalArguments(argv: readonly string[]): EvalArguments | string {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    if (!["--data", "--mode", "--model"].includes(name)) return `unknown argument ${name}\n${USAGE}`;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) return `${name} needs a value\n${USAGE}`;
    values.set(name, value);
    i++;
  }
  const data = values.get("--data");
  if (!data) return `--data is required\n${USAGE}`;
  const mode = values.get("--mode") ?? "offline";
  if (!(MODES as readonly string[]).includes(mode))
    return `--mode must be one of ${MODES.join(", ")}\n${USAGE}`;
  const model = values.get("--model");
  return { data, mode: mode as UnderstandingMode, model: model ?? DEFAULT_MODEL_FILE, modelChosen: !!model };
}

export interface EvalOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Run an evaluation; returns the exit code (0, or 2 for a usage or setup error). */
export async function runEvalCommand(
  argv: readonly string[],
  io: EvalOutput,
  cwd: string,
  llm?: LlmUnderstandingOptions,
): Promise<number> {
  const args = parseEvalArguments(argv);
  if (typeof args === "string") {
    io.err(args);
    return 2;
  }
  let content: string;
  try {
    content = await readFile(path.resolve(cwd, args.data), "utf8");
  } catch (error) {
    io.err(`cannot read ${args.data}: ${(error as Error).message}`);
    return 2;
  }
  const { lines, bad } = parseEvalFile(content);
  let trainedBecause: string | null = null;
  const setUp = performance.now();
  const understanding = await createUnderstanding(args.mode, {
    modelFile: path.resolve(cwd, args.model),
    whenStale: args.modelChosen ? "keep" : "retrain",
    ...(llm ? { llm } : {}),
    onTrain: (reason) => {
      trainedBecause = reason;
      io.err(`training the offline model (${reason}) into ${args.model} …`);
    },
  });
  const ready = performance.now() - setUp;
  io.out(
    `${args.mode}: ready in ${ready.toFixed(0)} ms (${trainedBecause ? `trained: ${trainedBecause}` : `loaded ${args.model}`})`,
  );
  const answers: Understood[] = [];
  const started = performance.now();
  for (const line of lines) answers.push(await understanding.understand(line.text));
  const elapsed = performance.now() - started;
  const each = lines.length > 0 ? (elapsed * 1000) / lines.length : 0;
  io.out(
    `${lines.length} lines of ${args.data} in ${elapsed.toFixed(0)} ms (${each.toFixed(0)} µs a line, first included)`,
  );
  for (const line of formatReport(evaluatePredictions(lines, answers), bad)) io.out(line);
  return 0;
}
