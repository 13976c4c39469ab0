import { describe, expect, it } from "vitest";
import { softmax } from "./linear-head";
import { seededRandom } from "./seeded-random";
import {
  expectedCalibrationError,
  fitTemperature,
  negativeLogLikelihood,
  reliabilityBins,
  type ScoredLine,
} from "./temperature-scaling";

describe("fitTemperature", () => {
  it("recovers the temperature of over-confident scores", () => {
    // Labels drawn from softmax(z); the model reports 3·z, so the right temperature is 3.
    const random = seededRandom(1);
    const lines: ScoredLine[] = [];
    for (let i = 0; i < 4000; i++) {
      const z = [random() * 4, random() * 4, random() * 4];
      const p = softmax(z);
      const u = random();
      const label = u < p[0]! ? 0 : u < p[0]! + p[1]! ? 1 : 2;
      lines.push({ logits: z.map((v) => v * 3), label });
    }
    const t = fitTemperature(lines);
    expect(t).toBeGreaterThan(2.6);
    expect(t).toBeLessThan(3.4);
    expect(negativeLogLikelihood(lines, t)).toBeLessThan(negativeLogLikelihood(lines, 1));
  });

  it("is 1 with nothing to fit", () => {
    expect(fitTemperature([])).toBe(1);
  });
});

describe("reliability", () => {
  const predictions = [
    { confidence: 0.95, correct: true },
    { confidence: 0.92, correct: true },
    { confidence: 0.91, correct: false },
    { confidence: 0.55, correct: true },
  ];

  it("bins answers by confidence", () => {
    const bins = reliabilityBins(predictions);
    expect(bins.map((b) => [b.from, b.count])).toEqual([
      [0.5, 1],
      [0.9, 3],
    ]);
    expect(bins[1]!.accuracy).toBeCloseTo(2 / 3, 10);
    expect(bins[1]!.meanConfidence).toBeCloseTo(0.9266666667, 8);
  });

  it("computes the expected calibration error by hand", () => {
    // (3/4)·|0.92667 − 0.66667| + (1/4)·|0.55 − 1| = 0.195 + 0.1125
    expect(expectedCalibrationError(predictions)).toBeCloseTo(0.3075, 6);
  });
});
