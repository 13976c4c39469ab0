import type { Segmenter } from "./jieba-segmenter";
import { type FeatureOptions, forEachFeature } from "./text-features";

/** A text as the model sees it: indices into the vocabulary and their values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Sub-linear term frequencies (1 + ln tf) of the vocabulary's features in one text, by index. */
export function termFrequencies(
  counts: ReadonlyMap<string, number>,
  vocabulary: ReadonlyMap<string, number>,
): SparseVector {
  // In the order the features were found (deterministic for a text); no sort needed for a dot product.
  const indices: number[] = [];
  const values: number[] = [];
  for (const [feature, count] of counts) {
    const index = vocabulary.get(feature);
    if (index === undefined) continue;
    indices.push(index);
    values.push(count === 1 ? 1 : 1 + Math.log(count));
  }
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}

/** The same as termFrequencies(extractFeatures(text)), looking each feature up as it is found. */
export function textFrequencies(
  text: string,
  vocabulary: ReadonlyMap<string, number>,
  options: FeatureOptions,
  segment: Segmenter,
): SparseVector {
  const counts = new Map<number, number>();
  forEachFeature(text, options, segment, (feature) => {
    const index = vocabulary.get(feature);
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
  });
  const indices = new Int32Array(counts.size);
  const values = new Float32Array(counts.size);
  let k = 0;
  for (const [index, count] of counts) {
    indices[k] = index;
    values[k++] = count === 1 ? 1 : 1 + Math.log(count);
  }
  return { indices, values };
}

/**
 * Inverse document frequency, ln((N + 1) / (df + 1)) + 1: common characters such as 的 and 了
 * weigh less than the words that tell one problem from another.
 */
export function inverseDocumentFrequency(documentCounts: ArrayLike<number>, documents: number): Float32Array {
  return Float32Array.from(
    documentCounts as ArrayLike<number>,
    (df) => Math.log((documents + 1) / (df + 1)) + 1,
  );
}

/** idf^power for every feature: computed once per head, not per text. */
export function idfToThe(idf: Float32Array, power: number): Float32Array {
  return power === 1 ? idf : idf.map((v) => (power === 0 ? 1 : v ** power));
}

/**
 * tf × a per-feature factor (idf^power), scaled to unit length so long rambling voice-note texts
 * and two-word messages weigh the same. Each head has its own power: IDF helps the category head,
 * less so the intent head, whose short messages live on common words (我的, 吗).
 */
export function scaled(tf: SparseVector, factor: Float32Array): SparseVector {
  const values = new Float32Array(tf.values.length);
  let norm = 0;
  for (let k = 0; k < values.length; k++) {
    const value = tf.values[k]! * factor[tf.indices[k]!]!;
    values[k] = value;
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < values.length; k++) values[k]! /= norm;
  return { indices: tf.indices, values };
}
