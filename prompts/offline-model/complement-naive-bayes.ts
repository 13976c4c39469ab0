import type { TrainingRow } from "./linear-head";

/**
 * Complement naive Bayes (Rennie et al. 2003), kept as the baseline the logistic regression is
 * measured against: a label's score is minus the log-likelihood of the text under all OTHER labels.
 * Returns weights in the same layout as the softmax head, so prediction and calibration are shared.
 */
export function trainComplementNaiveBayes(
  rows: readonly TrainingRow[],
  featureCount: number,
  labelCount: number,
  alpha = 0.3,
): { weights: Float32Array; bias: Float32Array } {
  const perLabel = new Float64Array(featureCount * labelCount);
  const total = new Float64Array(featureCount);
  for (const row of rows) {
    for (let k = 0; k < row.x.indices.length; k++) {
      const f = row.x.indices[k]!;
      const value = row.x.values[k]! * row.weight;
      perLabel[f * labelCount + row.label]! += value;
      total[f]! += value;
    }
  }
  const labelMass = new Float64Array(labelCount);
  let allMass = 0;
  for (let f = 0; f < featureCount; f++) {
    allMass += total[f]!;
    for (let c = 0; c < labelCount; c++) labelMass[c]! += perLabel[f * labelCount + c]!;
  }
  const weights = new Float32Array(featureCount * labelCount);
  for (let c = 0; c < labelCount; c++) {
    const complementMass = allMass - labelMass[c]! + alpha * featureCount;
    for (let f = 0; f < featureCount; f++) {
      const complement = total[f]! - perLabel[f * labelCount + c]! + alpha;
      weights[f * labelCount + c] = -Math.log(complement / complementMass);
    }
  }
  return { weights, bias: new Float32Array(labelCount) };
}
