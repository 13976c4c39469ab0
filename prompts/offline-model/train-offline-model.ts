import { createHash } from "node:crypto";
import { DEFAULT_CATEGORY_CODES, INTENT_CODES } from "../../core/categories/default-categories";
import { PRIORITIES } from "../../core/tickets/ticket";
import type { TrainingExample } from "../../core/understanding/training-examples";
import { classificationMetrics, recallOf } from "../evaluation/metrics";
import { trainComplementNaiveBayes } from "./complement-naive-bayes";
import { dangerCuesIn } from "./danger-cues";
import { dictionaryFor, dictionarySegmenter, fullDictionarySegmenter } from "./jieba-segmenter";
import { argmax, type LinearHead, scores, softmax, type TrainingRow } from "./linear-head";
import {
  type Algorithm,
  type HeadValidation,
  MODEL_VERSION,
  type OfflineModel,
  type TrainingSummary,
} from "./offline-model";
import { withPoliteClosings } from "./polite-closings";
import { seededRandom, shuffleInPlace } from "./seeded-random";
import { DEFAULT_SOFTMAX_OPTIONS, type SoftmaxOptions, trainSoftmax } from "./softmax-regression";
import {
  idfToThe,
  inverseDocumentFrequency,
  type SparseVector,
  scaled,
  termFrequencies,
} from "./sparse-vector";
import {
  expectedCalibrationError,
  fitTemperature,
  reliabilityBins,
  type ScoredLine,
  topPredictions,
} from "./temperature-scaling";
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type FeatureOptions, wordsOf } from "./text-features";
import { type Corpus, examplesDigest, fromExamples, type LabelledText, readCorpus } from "./training-corpus";

export type HeadName = "intent" | "category" | "priority";

export interface TrainOfflineModelOptions {
  /** Directory of *.jsonl training files; the shipped corpus when left out. */
  readonly corpusDir?: string;
  /** Lines to train on instead of reading a directory (tests use a small fixed corpus). */
  readonly corpus?: Corpus;
  /** Learned examples (workers' corrections and the like), trained on with the corpus. */
  readonly examples?: readonly TrainingExample[];
  readonly exampleWeight?: number;
  readonly features?: Partial<FeatureOptions>;
  readonly softmax?: Partial<SoftmaxOptions>;
  readonly algorithm?: Algorithm;
  /** A feature enters the vocabulary when at least this many training lines have it. */
  readonly minFeatureCount?: number;
  /** Per head, how strongly inputs are weighted by inverse document frequency (0 = not at all). */
  readonly idfPower?: Partial<Record<HeadName, number>>;
  /** Share of the corpus held out to fit the temperatures and the urgent threshold. */
  readonly validationShare?: number;
  /** The urgent threshold is the highest that still finds this share of urgent validation lines (cues included). */
  readonly urgentRecallTarget?: number;
}

interface ResolvedOptions {
  readonly exampleWeight: number;
  readonly features: FeatureOptions;
  readonly softmax: SoftmaxOptions;
  readonly algorithm: Algorithm;
  readonly minFeatureCount: number;
  readonly idfPower: Record<HeadName, number>;
  readonly validationShare: number;
  readonly urgentRecallTarget: number;
}

export function resolveOptions(options: TrainOfflineModelOptions): ResolvedOptions {
  return {
    exampleWeight: options.exampleWeight ?? 1.5,
    features: { ...DEFAULT_FEATURE_OPTIONS, ...options.features },
    softmax: { ...DEFAULT_SOFTMAX_OPTIONS, ...options.softmax },
    algorithm: options.algorithm ?? "softmax",
    minFeatureCount: options.minFeatureCount ?? 2,
    // Measured on 5-fold cross-validation of the training corpus.
    idfPower: { intent: 0.5, category: 1.5, priority: 1, ...options.idfPower },
    validationShare: options.validationShare ?? 0.2,
    urgentRecallTarget: options.urgentRecallTarget ?? 0.98,
  };
}

/** Identifies what a model was trained from; a saved model with another fingerprint is stale. */
export function modelFingerprint(
  corpusDigest: string,
  examples: readonly TrainingExample[],
  options: TrainOfflineModelOptions,
): string {
  return createHash("sha256")
    .update(`v${MODEL_VERSION}\0${corpusDigest}\0${examplesDigest(examples)}\0`)
    .update(JSON.stringify(resolveOptions(options)))
    .digest("hex");
}

const labelOf: Record<HeadName, (line: LabelledText) => string | null> = {
  intent: (line) => line.intent,
  category: (line) => line.category,
  priority: (line) => line.priority,
};
const LABEL_ORDER: Record<HeadName, readonly string[]> = {
  intent: INTENT_CODES,
  category: DEFAULT_CATEGORY_CODES,
  priority: PRIORITIES,
};

/** The labels a head can answer: those with training lines, in taxonomy order, then new ones. */
function headLabels(name: HeadName, lines: readonly LabelledText[]): string[] {
  const present = new Set(lines.map(labelOf[name]).filter((l): l is string => l !== null));
  const labels = LABEL_ORDER[name].filter((l) => present.has(l));
  for (const label of present) if (!labels.includes(label)) labels.push(label);
  return labels;
}

/** Stratified hold-out: the same share of every label (category for reports, else intent). */
function validationSplit(lines: readonly LabelledText[], share: number, seed: number): Set<number> {
  const byKey = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (line.origin.startsWith("example:")) return; // learned examples are always trained on
    const key = line.category ?? line.intent;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const random = seededRandom(seed ^ 0x5eed);
  const held = new Set<number>();
  for (const indices of byKey.values()) {
    shuffleInPlace(indices, random);
    for (const i of indices.slice(0, Math.round(indices.length * share))) held.add(i);
  }
  return held;
}

function buildVocabulary(
  counts: readonly ReadonlyMap<string, number>[],
  minCount: number,
): { vocabulary: Map<string, number>; idf: Float32Array } {
  const documents = new Map<string, number>();
  for (const line of counts)
    for (const feature of line.keys()) documents.set(feature, (documents.get(feature) ?? 0) + 1);
  const vocabulary = new Map<string, number>();
  const frequencies: number[] = [];
  for (const [feature, n] of documents) {
    if (n < minCount) continue;
    vocabulary.set(feature, vocabulary.size);
    frequencies.push(n);
  }
  return { vocabulary, idf: inverseDocumentFrequency(frequencies, counts.length) };
}

interface FittedHeads {
  readonly vocabulary: Map<string, number>;
  readonly idf: Float32Array;
  /** Every line's input to each head. */
  readonly vectors: Record<HeadName, readonly SparseVector[]>;
  readonly heads: Record<HeadName, LinearHead>;
}

/** Vocabulary and the three heads from the lines at `trainOn`; vectors for every line. */
function fitHeads(
  lines: readonly LabelledText[],
  counts: readonly ReadonlyMap<string, number>[],
  trainOn: readonly number[],
  labels: Record<HeadName, string[]>,
  options: ResolvedOptions,
): FittedHeads {
  const { vocabulary, idf } = buildVocabulary(
    trainOn.map((i) => counts[i]!),
    options.minFeatureCount,
  );
  const frequencies = counts.map((c) => termFrequencies(c, vocabulary));
  const inputs = (name: HeadName) => {
    const factor = idfToThe(idf, options.idfPower[name]);
    return frequencies.map((tf) => scaled(tf, factor));
  };
  const vectors = { intent: inputs("intent"), category: inputs("category"), priority: inputs("priority") };
  const trainHead = (name: HeadName): LinearHead => {
    const rows: TrainingRow[] = [];
    for (const i of trainOn) {
      const label = labelOf[name](lines[i]!);
      if (label !== null) {
        rows.push({ x: vectors[name][i]!, label: labels[name].indexOf(label), weight: lines[i]!.weight });
      }
    }
    const { weights, bias } =
      options.algorithm === "complement-nb"
        ? trainComplementNaiveBayes(rows, vocabulary.size, labels[name].length)
        : trainSoftmax(rows, vocabulary.size, labels[name].length, options.softmax);
    return { labels: labels[name], weights, bias, temperature: 1, idfPower: options.idfPower[name] };
  };
  return {
    vocabulary,
    idf,
    vectors,
    heads: { intent: trainHead("intent"), category: trainHead("category"), priority: trainHead("priority") },
  };
}

/** Fit the head's temperature on the held-out lines and measure it there. */
function validateHead(
  name: HeadName,
  fitted: FittedHeads,
  lines: readonly LabelledText[],
  held: readonly number[],
  trainingLines: number,
): { validation: HeadValidation; scored: ScoredLine[] } {
  const head = fitted.heads[name];
  const scored: ScoredLine[] = [];
  for (const i of held) {
    const label = labelOf[name](lines[i]!);
    if (label !== null) {
      scored.push({ logits: scores(head, fitted.vectors[name][i]!), label: head.labels.indexOf(label) });
    }
  }
  const temperature = fitTemperature(scored);
  const after = topPredictions(scored, temperature);
  const metrics = classificationMetrics(
    scored.map((s, k) => ({
      gold: head.labels[s.label]!,
      predicted: head.labels[argmax(scored[k]!.logits)]!,
    })),
    head.labels,
  );
  return {
    scored,
    validation: {
      trainingLines,
      validationLines: scored.length,
      accuracy: metrics.accuracy,
      macroF1: metrics.macroF1,
      temperature,
      eceBefore: expectedCalibrationError(topPredictions(scored, 1)),
      eceAfter: expectedCalibrationError(after),
      reliability: reliabilityBins(after),
    },
  };
}

/**
 * The highest threshold on calibrated P(urgent) at which the priority rule — a danger cue, or
 * P(urgent) at or above the threshold — still finds `target` of the urgent validation lines.
 * Searched from 0.5 down; never below 0.1, so urgent does not swallow everything.
 */
function fitUrgentThreshold(
  labels: readonly string[],
  scored: readonly ScoredLine[],
  cued: readonly boolean[],
  temperature: number,
  target: number,
): { threshold: number; recall: number; precision: number } {
  const urgent = labels.indexOf("urgent");
  if (urgent < 0) return { threshold: 1, recall: 0, precision: 0 };
  const probs = scored.map((s) => softmax(s.logits, temperature));
  const decide = (threshold: number) =>
    scored.map((s, k) => ({
      gold: labels[s.label]!,
      predicted: labels[cued[k] || probs[k]![urgent]! >= threshold ? urgent : argmax(probs[k]!)]!,
    }));
  let threshold = 0.5;
  while (threshold > 0.1 && recallOf(decide(threshold), "urgent") < target) {
    threshold = Math.round((threshold - 0.01) * 100) / 100;
  }
  const pairs = decide(threshold);
  const flagged = pairs.filter((p) => p.predicted === "urgent");
  return {
    threshold,
    recall: recallOf(pairs, "urgent"),
    precision: flagged.length === 0 ? 0 : flagged.filter((p) => p.gold === "urgent").length / flagged.length,
  };
}

/**
 * Train the three heads. First on the corpus minus a stratified validation share, to fit each
 * head's temperature and the urgent threshold and to measure; then again on everything, keeping
 * those fitted numbers. Deterministic: the same data and options give the same weights.
 */
export async function trainOfflineModel(options: TrainOfflineModelOptions = {}): Promise<OfflineModel> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const corpus = options.corpus ?? (await readCorpus(options.corpusDir));
  const examples = options.examples ?? [];
  const lines = withPoliteClosings([...corpus.lines, ...fromExamples(examples, resolved.exampleWeight)]);
  if (lines.length === 0) throw new Error("no training lines");

  const full = await fullDictionarySegmenter();
  const dictionary = await dictionaryFor(new Set(lines.flatMap((line) => wordsOf(line.text, full))));
  const segment = dictionarySegmenter(dictionary);
  const counts = lines.map((line) => extractFeatures(line.text, resolved.features, segment));
  const labels = {
    intent: headLabels("intent", lines),
    category: headLabels("category", lines),
    priority: headLabels("priority", lines),
  };

  const held = validationSplit(lines, resolved.validationShare, resolved.softmax.seed);
  const heldOut = [...held].sort((a, b) => a - b);
  const trainPart = lines.map((_, i) => i).filter((i) => !held.has(i));
  const probe = fitHeads(lines, counts, trainPart, labels, resolved);
  const validated = {
    intent: validateHead("intent", probe, lines, heldOut, trainPart.length),
    category: validateHead("category", probe, lines, heldOut, trainPart.length),
    priority: validateHead("priority", probe, lines, heldOut, trainPart.length),
  };
  const urgent = fitUrgentThreshold(
    labels.priority,
    validated.priority.scored,
    heldOut.filter((i) => lines[i]!.priority !== null).map((i) => dangerCuesIn(lines[i]!.text).length > 0),
    validated.priority.validation.temperature,
    resolved.urgentRecallTarget,
  );

  const final = fitHeads(
    lines,
    counts,
    lines.map((_, i) => i),
    labels,
    resolved,
  );
  const withTemperature = (name: HeadName): LinearHead => ({
    ...final.heads[name],
    temperature: validated[name].validation.temperature,
  });
  const summary: TrainingSummary = {
    algorithm: resolved.algorithm,
    corpusLines: corpus.lines.length,
    exampleLines: examples.length,
    vocabularySize: final.vocabulary.size,
    intent: validated.intent.validation,
    category: validated.category.validation,
    priority: {
      ...validated.priority.validation,
      urgentRecall: urgent.recall,
      urgentPrecision: urgent.precision,
    },
    trainingMs: Math.round(performance.now() - started),
  };
  return {
    version: MODEL_VERSION,
    fingerprint: modelFingerprint(corpus.digest, examples, options),
    features: resolved.features,
    dictionary,
    vocabulary: [...final.vocabulary.keys()],
    idf: final.idf,
    intent: withTemperature("intent"),
    category: withTemperature("category"),
    priority: withTemperature("priority"),
    urgentThreshold: urgent.threshold,
    summary,
  };
}
