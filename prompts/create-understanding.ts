import type { TrainingExample } from "../core/understanding/training-examples";
import type { Understanding } from "../core/understanding/understanding";
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
}

/** The Understanding for a mode. Only "offline" is wired; the LLM modes come with their settings. */
export async function createUnderstanding(
  mode: UnderstandingMode,
  options: CreateUnderstandingOptions,
): Promise<Understanding> {
  if (mode !== "offline") throw new Error(`mode ${mode} needs OPENAI settings; not wired yet`);
  const { modelFile, ...ensureOptions } = options;
  const { model } = await ensureOfflineModel(modelFile, ensureOptions);
  return new OfflineUnderstanding(model);
}
