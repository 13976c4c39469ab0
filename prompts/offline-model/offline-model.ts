import type { LinearHead } from "./linear-head";
import type { ReliabilityBin } from "./temperature-scaling";
import type { FeatureOptions } from "./text-features";

export const MODEL_FORMAT = "egrid-offline-model";
/** Bump when features or file layout change: an older file is then retrained, never misread. */
export const MODEL_VERSION = 4;

export type Algorithm = "softmax" | "complement-nb";

/** How one head did on the validation split carved from the training data. */
export interface HeadValidation {
  readonly trainingLines: number;
  readonly validationLines: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly temperature: number;
  /** Expected calibration error (10 bins) before and after temperature scaling. */
  readonly eceBefore: number;
  readonly eceAfter: number;
  readonly reliability: readonly ReliabilityBin[];
}

export interface TrainingSummary {
  readonly algorithm: Algorithm;
  readonly corpusLines: number;
  readonly exampleLines: number;
  readonly vocabularySize: number;
  readonly intent: HeadValidation;
  readonly category: HeadValidation;
  readonly priority: HeadValidation & { readonly urgentRecall: number; readonly urgentPrecision: number };
  readonly trainingMs: number;
}

/** Everything a classifier needs, as plain data: what saveModel writes and loadModel reads. */
export interface OfflineModel {
  readonly version: number;
  /** Hash of the corpus, the learned examples and the options, to know when to retrain. */
  readonly fingerprint: string;
  readonly features: FeatureOptions;
  /** The jieba dictionary lines of the words the corpus uses (see jieba-segmenter.ts). */
  readonly dictionary: string;
  readonly vocabulary: readonly string[];
  /** Inverse document frequency of each vocabulary feature. */
  readonly idf: Float32Array;
  readonly intent: LinearHead;
  readonly category: LinearHead;
  readonly priority: LinearHead;
  /** Priority is urgent when the calibrated P(urgent) reaches this, even if another level scores higher. */
  readonly urgentThreshold: number;
  readonly summary: TrainingSummary;
}
