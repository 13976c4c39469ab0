import type { SparseVector } from "./sparse-vector";

/** One classifier head: a weight per feature and label (feature-major, so a sparse text reads contiguous rows). */
export interface LinearHead {
  readonly labels: readonly string[];
  /** weights[feature * labels.length + label] */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  /** Divides the scores before the softmax; fitted on held-out lines so confidences are calibrated. */
  readonly temperature: number;
  /** How strongly this head's input is weighted by inverse document frequency (see sparse-vector.ts). */
  readonly idfPower: number;
}

export interface TrainingRow {
  readonly x: SparseVector;
  readonly label: number;
  /** Learned examples weigh a little more than corpus lines. */
  readonly weight: number;
}

/** Raw scores (logits) of every label for one text. */
export function scores(head: Pick<LinearHead, "labels" | "weights" | "bias">, x: SparseVector): Float64Array {
  const labelCount = head.labels.length;
  const weights = head.weights;
  const { indices, values } = x;
  const out = new Float64Array(labelCount);
  for (let c = 0; c < labelCount; c++) out[c] = head.bias[c]!;
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k]! * labelCount;
    const value = values[k]!;
    for (let c = 0; c < labelCount; c++) out[c]! += value * weights[base + c]!;
  }
  return out;
}

/** Softmax of scores / temperature, in place-safe new array. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(logits.length);
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < logits.length; c++) max = Math.max(max, logits[c]! / temperature);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp(logits[c]! / temperature - max);
    sum += out[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c]! /= sum;
  return out;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Calibrated probabilities of every label. */
export function probabilities(head: LinearHead, x: SparseVector): Float64Array {
  return softmax(scores(head, x), head.temperature);
}
