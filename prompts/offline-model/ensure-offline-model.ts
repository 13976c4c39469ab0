import { access } from "node:fs/promises";
import type { TrainingExample } from "../../core/understanding/training-examples";
import { loadModel, saveModel } from "./model-file";
import type { OfflineModel } from "./offline-model";
import { modelFingerprint, type TrainOfflineModelOptions, trainOfflineModel } from "./train-offline-model";
import { readCorpus } from "./training-corpus";

export interface EnsureOfflineModelOptions extends Omit<TrainOfflineModelOptions, "corpus" | "examples"> {
  readonly examples?: readonly TrainingExample[];
  /** Train even when the file is present and current (`egrid train`). */
  readonly force?: boolean;
  /**
   * A valid file trained on other data or options: "retrain" (the app, so new corpus lines and
   * corrections are learnt) or "keep" (evaluating a model file someone chose on purpose).
   */
  readonly whenStale?: "retrain" | "keep";
  /** Told why the model was trained, e.g. "no model file" or "training data changed". */
  readonly onTrain?: (reason: string) => void;
}

export interface EnsuredModel {
  readonly model: OfflineModel;
  /** Null when the file was loaded as it was; else why it was (re)trained. */
  readonly trainedBecause: string | null;
}

/**
 * Load the model file when it is present, valid and trained on the current corpus and examples;
 * otherwise train from the shipped corpus (+ examples) and save it. The app calls this at start and
 * from `egrid train`.
 */
export async function ensureOfflineModel(
  file: string,
  options: EnsureOfflineModelOptions = {},
): Promise<EnsuredModel> {
  const { force, onTrain, whenStale = "retrain", ...trainOptions } = options;
  const examples = options.examples ?? [];
  const corpus = await readCorpus(options.corpusDir);
  const fingerprint = modelFingerprint(corpus.digest, examples, { ...trainOptions, examples });
  // The file is read once: as the answer when it is current, else only to learn why it is not.
  const current = force ? { reason: "asked to retrain" } : await readCurrent(file, fingerprint, whenStale);
  if ("model" in current) return { model: current.model, trainedBecause: null };
  onTrain?.(current.reason);
  const model = await trainOfflineModel({ ...trainOptions, corpus, examples });
  await saveModel(model, file);
  return { model, trainedBecause: current.reason };
}

/** The model in the file when it can be used as it is; otherwise why it has to be trained. */
async function readCurrent(
  file: string,
  fingerprint: string,
  whenStale: "retrain" | "keep",
): Promise<{ model: OfflineModel } | { reason: string }> {
  try {
    await access(file);
  } catch {
    return { reason: "no model file" };
  }
  try {
    const model = await loadModel(file);
    return model.fingerprint === fingerprint || whenStale === "keep"
      ? { model }
      : { reason: "training data or options changed" };
  } catch (error) {
    return { reason: `model file unreadable (${(error as Error).message.slice(0, 200)})` };
  }
}
