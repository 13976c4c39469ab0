import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Understood } from "../../core/understanding/understanding";
import { type EvalLine, parseEvalFile } from "../evaluation/eval-data";
import { type EvaluationResult, evaluatePredictions } from "../evaluation/evaluate-predictions";
import type { OfflineModel } from "./offline-model";
import { OfflineUnderstanding } from "./offline-understanding";
import { trainOfflineModel } from "./train-offline-model";

// The held-out dev set, used here only to measure. The floors sit a little under the figures
// measured when the model was built (prompts/README.md), so a regression fails CI.
const DEV = fileURLToPath(new URL("../data/dev/dev.jsonl", import.meta.url));
const FLOORS = { categoryMacroF1: 0.88, intentMacroF1: 0.93, urgentRecall: 0.94, categoryEce: 0.08 };

let model: OfflineModel;
let lines: EvalLine[];
let result: EvaluationResult;

// One full training for the whole file (a few seconds).
beforeAll(async () => {
  model = await trainOfflineModel();
  const parsed = parseEvalFile(await readFile(DEV, "utf8"));
  expect(parsed.bad).toEqual([]);
  lines = parsed.lines;
  const understanding = new OfflineUnderstanding(model);
  const answers: Understood[] = lines.map((line) => understanding.understandNow(line.text));
  result = evaluatePredictions(lines, answers);
}, 60_000);

describe("the shipped model on the dev set", () => {
  it("classifies categories above the floor", () => {
    expect(result.category!.n).toBe(lines.filter((l) => l.category).length);
    expect(result.category!.macroF1).toBeGreaterThanOrEqual(FLOORS.categoryMacroF1);
  });

  it("classifies intents above the floor", () => {
    expect(result.intent!.macroF1).toBeGreaterThanOrEqual(FLOORS.intentMacroF1);
  });

  it("misses almost no urgent report", () => {
    expect(result.priority!.urgentRecall).toBeGreaterThanOrEqual(FLOORS.urgentRecall);
  });

  it("states category confidence honestly (calibrated)", () => {
    expect(result.category!.calibration.ece).toBeLessThanOrEqual(FLOORS.categoryEce);
  });

  it("trains well under a minute", () => {
    expect(model.summary.trainingMs).toBeLessThan(60_000);
  });
});
