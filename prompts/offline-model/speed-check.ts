// npx tsx prompts/offline-model/speed-check.ts [MODEL_FILE] [TEXTS.jsonl]
// How long the offline model takes to load and to understand one message (best of several passes,
// so the figure is the model's own cost, not the machine's other work).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadModel } from "./model-file";
import { OfflineClassifier } from "./offline-classifier";
import { OfflineUnderstanding } from "./offline-understanding";

const PASSES = 8;

export interface SpeedFigures {
  readonly loadMs: number;
  readonly readyMs: number;
  readonly microsecondsPerMessage: number;
  readonly messages: number;
}

export async function measureSpeed(modelFile: string, texts: readonly string[]): Promise<SpeedFigures> {
  const started = performance.now();
  const model = await loadModel(modelFile);
  const loaded = performance.now();
  const understanding = new OfflineUnderstanding(new OfflineClassifier(model));
  understanding.understandNow("3栋楼道灯不亮");
  const ready = performance.now();
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < PASSES; pass++) {
    const passStart = performance.now();
    for (const text of texts) understanding.understandNow(text);
    best = Math.min(best, ((performance.now() - passStart) * 1000) / Math.max(1, texts.length));
  }
  return {
    loadMs: loaded - started,
    readyMs: ready - started,
    microsecondsPerMessage: best,
    messages: texts.length,
  };
}

if (process.argv[1] && path.basename(process.argv[1]) === "speed-check.ts") {
  const modelFile = process.argv[2] ?? path.join("data", "model", "offline-model.json");
  const textFile = process.argv[3] ?? path.join("prompts", "data", "dev", "dev.jsonl");
  const texts = (await readFile(textFile, "utf8"))
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ""));
  const f = await measureSpeed(modelFile, texts);
  console.log(`load ${f.loadMs.toFixed(0)} ms, ready to answer ${f.readyMs.toFixed(0)} ms`);
  console.log(
    `${f.microsecondsPerMessage.toFixed(0)} µs a message (best of ${PASSES} passes over ${f.messages})`,
  );
}
