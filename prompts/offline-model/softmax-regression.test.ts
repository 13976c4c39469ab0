import { describe, expect, it } from "vitest";
import { trainComplementNaiveBayes } from "./complement-naive-bayes";
import { argmax, scores, type TrainingRow } from "./linear-head";
import { classWeights, DEFAULT_SOFTMAX_OPTIONS, trainSoftmax } from "./softmax-regression";

// Three labels, each announced by its own feature (0, 1, 2) among shared noise features (3, 4).
const row = (label: number, noise: number): TrainingRow => ({
  x: { indices: Int32Array.from([label, 3 + noise]), values: Float32Array.from([0.8, 0.6]) },
  label,
  weight: 1,
});
const ROWS: TrainingRow[] = [0, 1, 2].flatMap((label) => [row(label, 0), row(label, 1), row(label, 0)]);
const predict = (weights: { weights: Float32Array; bias: Float32Array }, r: TrainingRow) =>
  argmax(scores({ labels: ["a", "b", "c"], ...weights }, r.x));

describe("trainSoftmax", () => {
  it.each(["sgd", "adam"] as const)(
    "learns a separable toy problem with %s, the same way every time",
    (optimizer) => {
      const options = { ...DEFAULT_SOFTMAX_OPTIONS, optimizer, learningRate: optimizer === "adam" ? 0.1 : 1 };
      const first = trainSoftmax(ROWS, 5, 3, options);
      for (const r of ROWS) expect(predict(first, r)).toBe(r.label);
      expect(Array.from(trainSoftmax(ROWS, 5, 3, options).weights)).toEqual(Array.from(first.weights));
    },
  );

  it("weighs classes inversely to their size when asked", () => {
    const rows = [row(0, 0), row(0, 1), row(0, 0), row(1, 0)];
    expect(Array.from(classWeights(rows, 2, true))).toEqual([4 / 6, 2]);
    expect(Array.from(classWeights(rows, 2, false))).toEqual([1, 1]);
  });
});

describe("trainComplementNaiveBayes", () => {
  it("learns the same toy problem", () => {
    const weights = trainComplementNaiveBayes(ROWS, 5, 3);
    for (const r of ROWS) expect(predict(weights, r)).toBe(r.label);
  });
});
