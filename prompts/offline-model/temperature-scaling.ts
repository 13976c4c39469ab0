import { argmax, softmax } from "./linear-head";

export interface ScoredLine {
  readonly logits: ArrayLike<number>;
  readonly label: number;
}

/** Mean negative log-likelihood of the true labels at a temperature. */
export function negativeLogLikelihood(lines: readonly ScoredLine[], temperature: number): number {
  let total = 0;
  for (const line of lines)
    total -= Math.log(Math.max(softmax(line.logits, temperature)[line.label]!, 1e-12));
  return total / Math.max(1, lines.length);
}

/**
 * Temperature scaling (Guo et al. 2017): the one number T that makes softmax(logits / T) best
 * predict held-out labels. Golden-section search on log T; the NLL is unimodal in T.
 */
export function fitTemperature(lines: readonly ScoredLine[], low = 0.05, high = 20): number {
  if (lines.length === 0) return 1;
  const golden = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(low);
  let b = Math.log(high);
  const nll = (logT: number) => negativeLogLikelihood(lines, Math.exp(logT));
  let c = b - golden * (b - a);
  let d = a + golden * (b - a);
  let fc = nll(c);
  let fd = nll(d);
  for (let i = 0; i < 60 && b - a > 1e-4; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - golden * (b - a);
      fc = nll(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + golden * (b - a);
      fd = nll(d);
    }
  }
  return Math.exp((a + b) / 2);
}

export interface ReliabilityBin {
  /** Lower edge of the bin, e.g. 0.9 for answers given with 0.9–1.0 confidence. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/** Confidence of the top answer and whether it was right, for each line. */
export interface Prediction {
  readonly confidence: number;
  readonly correct: boolean;
}

export function topPredictions(lines: readonly ScoredLine[], temperature: number): Prediction[] {
  return lines.map((line) => {
    const p = softmax(line.logits, temperature);
    const best = argmax(p);
    return { confidence: p[best]!, correct: best === line.label };
  });
}

/** Answers grouped by confidence into equal-width bins; empty bins are left out. */
export function reliabilityBins(predictions: readonly Prediction[], binCount = 10): ReliabilityBin[] {
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < binCount; b++) {
    const from = b / binCount;
    const to = (b + 1) / binCount;
    const inBin = predictions.filter(
      (p) => p.confidence >= from && (p.confidence < to || (b === binCount - 1 && p.confidence <= to)),
    );
    if (inBin.length === 0) continue;
    bins.push({
      from,
      to,
      count: inBin.length,
      meanConfidence: inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length,
      accuracy: inBin.filter((p) => p.correct).length / inBin.length,
    });
  }
  return bins;
}

/** Expected calibration error: the count-weighted gap between confidence and accuracy over the bins. */
export function expectedCalibrationError(predictions: readonly Prediction[], binCount = 10): number {
  if (predictions.length === 0) return 0;
  return reliabilityBins(predictions, binCount).reduce(
    (sum, bin) => sum + (bin.count / predictions.length) * Math.abs(bin.meanConfidence - bin.accuracy),
    0,
  );
}
