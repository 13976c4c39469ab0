import type { TrainingExample } from "../core/understanding/training-examples";
import type { ConfidenceThresholds, Understanding } from "../core/understanding/understanding";
import { AutoUnderstanding, type AutoUnderstandingEvent } from "./auto-understanding";
import type { LlmUnderstandingOptions } from "./llm-understanding";
import { ensureOfflineModel } from "./offline-model/ensure-offline-model";
import { OfflineUnderstanding } from "./offline-model/offline-understanding";

export type UnderstandingMode = "offline" | "llm" | "auto";

export interface CreateUnderstandingOptions {
  /** Where the offline model lives; trained and saved there when missing or stale. */
  readonly modelFile: string;
  /** Learned examples to train with when the model has to be (re)trained. */
  readonly examples?: readonly TrainingExample[];
  /** Told when the offline model is being trained, and why. */
  readonly onTrain?: (reason: string) => void;
  /** A model file trained on other data: retrain it (default) or use it as it is. */
  readonly whenStale?: "retrain" | "keep";
  /** The OpenAI-compatible server, for "llm" and "auto". */
  readonly llm?: LlmUnderstandingOptions;
  readonly thresholds?: ConfidenceThresholds;
  readonly budgetMs?: number;
  readonly log?: (event: AutoUnderstandingEvent) => void;
}

/**
 * The Understanding for a mode. "auto" asks the LLM only when the offline model is unsure;
 * "llm" asks it every time. Both fall back to the offline answer when the LLM fails.
 */
export async function createUnderstanding(
  mode: UnderstandingMode,
  options: CreateUnderstandingOptions,
): Promise<Understanding> {
  const { modelFile, llm, thresholds, budgetMs, log, ...ensureOptions } = options;
  const { model } = await ensureOfflineModel(modelFile, ensureOptions);
  const offline = new OfflineUnderstanding(model);
  if (mode === "offline") return offline;
  if (!llm)
    throw new Error(
      `mode ${mode} needs an OpenAI-compatible server: set OPENAI_API_KEY (and OPENAI_BASE_URL)`,
    );
  const bands = thresholds ?? { act: 0.7, offer: 0.4 };
  // LangChain is loaded only when an LLM is configured: tens of MB the offline default never needs.
  const { LlmUnderstanding } = await import("./llm-understanding");
  return new AutoUnderstanding(
    offline,
    new LlmUnderstanding(llm),
    mode === "llm" ? { ...bands, act: Number.POSITIVE_INFINITY } : bands,
    log ?? (() => {}),
    budgetMs !== undefined ? { budgetMs } : {},
  );
}
