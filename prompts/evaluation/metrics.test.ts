import { describe, expect, it } from "vitest";
import { classificationMetrics, recallOf } from "./metrics";

const pairs = (rows: string[]) =>
  rows.map((row) => {
    const [gold, predicted] = row.split(">");
    return { gold: gold!, predicted: predicted! };
  });

describe("classificationMetrics", () => {
  // Worked by hand:  a: P 1/2 R 1/2 F1 1/2;  b: P 2/3 R 1 F1 0.8;  c: P 0 R 0 F1 0.
  const fixture = pairs(["a>a", "a>b", "b>b", "b>b", "c>a"]);

  it("computes accuracy, per-label precision/recall/F1 and macro-F1", () => {
    const m = classificationMetrics(fixture, ["a", "b", "c"]);
    expect(m.n).toBe(5);
    expect(m.accuracy).toBeCloseTo(0.6, 10);
    const byLabel = Object.fromEntries(m.perLabel.map((s) => [s.label, s]));
    expect(byLabel.a).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2, predicted: 2 });
    expect(byLabel.b!.precision).toBeCloseTo(2 / 3, 10);
    expect(byLabel.b).toMatchObject({ recall: 1, support: 2, predicted: 3 });
    expect(byLabel.b!.f1).toBeCloseTo(0.8, 10);
    expect(byLabel.c).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1, predicted: 0 });
    expect(m.macroF1).toBeCloseTo((0.5 + 0.8 + 0) / 3, 10);
  });

  it("lists confusions most frequent first, ties in taxonomy order", () => {
    const m = classificationMetrics(pairs(["a>b", "c>a", "c>a", "b>a"]), ["a", "b", "c"]);
    expect(m.confusions).toEqual([
      { gold: "c", predicted: "a", count: 2 },
      { gold: "a", predicted: "b", count: 1 },
      { gold: "b", predicted: "a", count: 1 },
    ]);
  });

  it("counts a label that is only ever predicted in the macro average", () => {
    const m = classificationMetrics(pairs(["a>a", "a>(none)"]), ["a"]);
    expect(m.perLabel.map((s) => s.label)).toEqual(["a", "(none)"]);
    // a: P 1 R 1/2 F1 2/3; (none): F1 0.
    expect(m.macroF1).toBeCloseTo(1 / 3, 10);
  });

  it("is all zeros on nothing", () => {
    expect(classificationMetrics([])).toMatchObject({ n: 0, accuracy: 0, macroF1: 0, perLabel: [] });
  });
});

describe("recallOf", () => {
  it("is the share of a label's lines predicted as it", () => {
    const p = pairs(["urgent>urgent", "urgent>high", "urgent>urgent", "high>urgent"]);
    expect(recallOf(p, "urgent")).toBeCloseTo(2 / 3, 10);
    expect(recallOf(p, "low")).toBe(0);
  });
});
