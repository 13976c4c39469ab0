import type { TrainingRow } from "./linear-head";
import { seededRandom, shuffleInPlace } from "./seeded-random";

export interface SoftmaxOptions {
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 penalty on the weights (not the biases). */
  readonly l2: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Weigh each class by N / (classes × its count): the rare intents count as much as "report". */
  readonly balanceClasses: boolean;
  readonly optimizer: "adam" | "sgd";
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = {
  epochs: 12,
  learningRate: 2,
  l2: 3e-6,
  batchSize: 16,
  seed: 20260501,
  balanceClasses: true,
  optimizer: "sgd",
};

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

export function classWeights(
  rows: readonly TrainingRow[],
  labelCount: number,
  balance: boolean,
): Float64Array {
  const weights = new Float64Array(labelCount).fill(1);
  if (!balance) return weights;
  const counts = new Float64Array(labelCount);
  for (const row of rows) counts[row.label]! += 1;
  for (let c = 0; c < labelCount; c++) {
    if (counts[c]! > 0) weights[c] = rows.length / (labelCount * counts[c]!);
  }
  return weights;
}

/** Weights, Adam moments and the gradient being summed, for one head. */
class AdamState {
  readonly weights: Float32Array;
  readonly m: Float32Array;
  readonly v: Float32Array;
  readonly grad: Float64Array;
  readonly bias: Float64Array;
  readonly mBias: Float64Array;
  readonly vBias: Float64Array;
  readonly gradBias: Float64Array;

  constructor(
    featureCount: number,
    readonly labelCount: number,
  ) {
    const size = featureCount * labelCount;
    this.weights = new Float32Array(size);
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
    this.grad = new Float64Array(size);
    this.bias = new Float64Array(labelCount);
    this.mBias = new Float64Array(labelCount);
    this.vBias = new Float64Array(labelCount);
    this.gradBias = new Float64Array(labelCount);
  }

  /** Add one line's gradient (scaled) to the batch gradient; `delta` is scratch space. */
  accumulate(row: TrainingRow, scale: number, delta: Float64Array): void {
    const { indices, values } = row.x;
    const labelCount = this.labelCount;
    const weights = this.weights;
    const grad = this.grad;
    for (let c = 0; c < labelCount; c++) delta[c] = this.bias[c]!;
    for (let k = 0; k < indices.length; k++) {
      const base = indices[k]! * labelCount;
      const value = values[k]!;
      for (let c = 0; c < labelCount; c++) delta[c]! += value * weights[base + c]!;
    }
    const sum = exponentiateScores(delta, labelCount);
    // delta becomes the gradient of the loss with respect to each score.
    for (let c = 0; c < labelCount; c++) {
      delta[c] = (delta[c]! / sum - (c === row.label ? 1 : 0)) * scale;
      this.gradBias[c]! += delta[c]!;
    }
    for (let k = 0; k < indices.length; k++) {
      const base = indices[k]! * labelCount;
      const value = values[k]!;
      for (let c = 0; c < labelCount; c++) grad[base + c]! += delta[c]! * value;
    }
  }

  /** One Adam step on the rows of the features the batch touched, then clear their gradient. */
  step(touched: Int32Array, touchedCount: number, rate: number, l2: number, step: number): void {
    const c1 = 1 - BETA1 ** step;
    const c2 = 1 - BETA2 ** step;
    const { weights, m, v, grad, labelCount } = this;
    for (let t = 0; t < touchedCount; t++) {
      const base = touched[t]! * labelCount;
      for (let i = base; i < base + labelCount; i++) {
        const g = grad[i]! + l2 * weights[i]!;
        const mi = BETA1 * m[i]! + (1 - BETA1) * g;
        const vi = BETA2 * v[i]! + (1 - BETA2) * g * g;
        m[i] = mi;
        v[i] = vi;
        weights[i]! -= (rate * (mi / c1)) / (Math.sqrt(vi / c2) + EPSILON);
        grad[i] = 0;
      }
    }
    for (let c = 0; c < labelCount; c++) {
      const g = this.gradBias[c]!;
      this.mBias[c] = BETA1 * this.mBias[c]! + (1 - BETA1) * g;
      this.vBias[c] = BETA2 * this.vBias[c]! + (1 - BETA2) * g * g;
      this.bias[c]! -= (rate * (this.mBias[c]! / c1)) / (Math.sqrt(this.vBias[c]! / c2) + EPSILON);
      this.gradBias[c] = 0;
    }
  }
}

/**
 * Multinomial logistic regression by mini-batch Adam with L2. Updates are lazy: only the rows of
 * features present in a batch move, which keeps an epoch over a few thousand lines in milliseconds.
 * The learning rate decays linearly so the last epochs settle. Deterministic for a given seed.
 */
export function trainSoftmax(
  rows: readonly TrainingRow[],
  featureCount: number,
  labelCount: number,
  options: SoftmaxOptions,
): { weights: Float32Array; bias: Float32Array } {
  if (options.optimizer === "sgd") return trainBySgd(rows, featureCount, labelCount, options);
  const state = new AdamState(featureCount, labelCount);
  const delta = new Float64Array(labelCount);
  const lastSeen = new Int32Array(featureCount).fill(-1);
  const touched = new Int32Array(featureCount);
  const perClass = classWeights(rows, labelCount, options.balanceClasses);
  const random = seededRandom(options.seed);
  const order = rows.map((_, i) => i);
  const totalSteps = options.epochs * Math.ceil(rows.length / options.batchSize);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const end = Math.min(order.length, start + options.batchSize);
      let touchedCount = 0;
      for (let r = start; r < end; r++) {
        const row = rows[order[r]!]!;
        state.accumulate(row, (row.weight * perClass[row.label]!) / (end - start), delta);
        for (const feature of row.x.indices) {
          if (lastSeen[feature] === step) continue;
          lastSeen[feature] = step;
          touched[touchedCount++] = feature;
        }
      }
      step++;
      const rate = options.learningRate * (1 - (0.9 * (step - 1)) / totalSteps);
      state.step(touched, touchedCount, rate, options.l2, step);
    }
  }
  return { weights: state.weights, bias: Float32Array.from(state.bias) };
}

/**
 * Plain per-line SGD with exact L2 through a shared scale factor (w = scale × v, so shrinking every
 * weight is one multiplication): touches only the line's own features, a few nanoseconds each.
 */
function trainBySgd(
  rows: readonly TrainingRow[],
  featureCount: number,
  labelCount: number,
  options: SoftmaxOptions,
): { weights: Float32Array; bias: Float32Array } {
  const v = new Float64Array(featureCount * labelCount);
  const bias = new Float64Array(labelCount);
  const delta = new Float64Array(labelCount);
  const perClass = classWeights(rows, labelCount, options.balanceClasses);
  const random = seededRandom(options.seed);
  const order = rows.map((_, i) => i);
  const totalSteps = options.epochs * rows.length;
  let scale = 1;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const r of order) {
      const row = rows[r]!;
      const { indices, values } = row.x;
      const rate = options.learningRate * (1 - (0.9 * step) / totalSteps);
      step++;
      for (let c = 0; c < labelCount; c++) delta[c] = bias[c]!;
      for (let k = 0; k < indices.length; k++) {
        const base = indices[k]! * labelCount;
        const value = values[k]! * scale;
        for (let c = 0; c < labelCount; c++) delta[c]! += value * v[base + c]!;
      }
      const sum = exponentiateScores(delta, labelCount);
      const weight = row.weight * perClass[row.label]!;
      for (let c = 0; c < labelCount; c++) {
        delta[c] = (delta[c]! / sum - (c === row.label ? 1 : 0)) * weight * rate;
        bias[c]! -= delta[c]!;
      }
      scale *= 1 - rate * options.l2;
      for (let k = 0; k < indices.length; k++) {
        const base = indices[k]! * labelCount;
        const value = values[k]! / scale;
        for (let c = 0; c < labelCount; c++) v[base + c]! -= delta[c]! * value;
      }
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i]! *= scale;
        scale = 1;
      }
    }
  }
  const weights = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) weights[i] = v[i]! * scale;
  return { weights, bias: Float32Array.from(bias) };
}

/** Scores → exp(score − max) in place (stable softmax numerators); returns their sum. */
function exponentiateScores(delta: Float64Array, labelCount: number): number {
  let max = delta[0]!;
  for (let c = 1; c < labelCount; c++) if (delta[c]! > max) max = delta[c]!;
  let sum = 0;
  for (let c = 0; c < labelCount; c++) {
    const e = Math.exp(delta[c]! - max);
    delta[c] = e;
    sum += e;
  }
  return sum;
}
