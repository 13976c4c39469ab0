import { DEFAULT_CATEGORIES } from "../core/categories/default-categories";
import { ensureOfflineModel } from "../prompts/offline-model/ensure-offline-model";
import { loadModel } from "../prompts/offline-model/model-file";
import { OfflineUnderstanding } from "../prompts/offline-model/offline-understanding";
import { median } from "./stats";

export interface ModelSetup {
  /** Set when the model file was missing or stale and had to be trained (the app does the same at start). */
  readonly trainMs: number | null;
  readonly trainedBecause: string | null;
  /** What the app pays at start when the file is current: read the corpus, fingerprint it, load. */
  readonly readyMs: number;
}

/** Make sure the model file exists and is current, as loadUnderstanding does (no learned examples). */
export async function ensureModel(modelFile: string): Promise<ModelSetup> {
  const started = performance.now();
  const ensured = await ensureOfflineModel(modelFile, { examples: [] });
  const ms = performance.now() - started;
  if (ensured.trainedBecause === null) return { trainMs: null, trainedBecause: null, readyMs: ms };
  const again = performance.now();
  await ensureOfflineModel(modelFile, { examples: [] });
  return { trainMs: ms, trainedBecause: ensured.trainedBecause, readyMs: performance.now() - again };
}

export interface ClassifyRun {
  readonly loadMs: number;
  readonly usPerMessage: number;
  readonly messages: number;
}

/**
 * Load the model file, warm up on `warmup` texts, then time understanding every text (as the app
 * calls it: with the active categories) — one run. The texts are the benchmark's generated reports.
 */
export async function runClassify(
  modelFile: string,
  texts: readonly string[],
  warmup: number,
): Promise<ClassifyRun> {
  const started = performance.now();
  const model = await loadModel(modelFile);
  const loadMs = performance.now() - started;
  const understanding = new OfflineUnderstanding(model);
  const context = { locale: "zh-CN" as const, categories: DEFAULT_CATEGORIES };
  let sink = 0;
  for (let i = 0; i < warmup; i++)
    sink += understanding.understandNow(texts[i % texts.length]!, context).intentConfidence;
  const t0 = performance.now();
  for (const text of texts) sink += understanding.understandNow(text, context).intentConfidence;
  const usPerMessage = ((performance.now() - t0) * 1000) / texts.length;
  if (Number.isNaN(sink)) throw new Error("classifier answered NaN");
  return { loadMs, usPerMessage, messages: texts.length };
}

export function medianClassify(runs: readonly ClassifyRun[]) {
  return {
    loadMs: median(runs.map((r) => r.loadMs)),
    usPerMessage: median(runs.map((r) => r.usPerMessage)),
  };
}
