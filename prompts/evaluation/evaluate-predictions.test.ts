import { describe, expect, it } from "vitest";
import type { IntentCode } from "../../core/categories/default-categories";
import type { Priority } from "../../core/tickets/ticket";
import type { Understood } from "../../core/understanding/understanding";
import { parseEvalFile } from "./eval-data";
import { evaluatePredictions } from "./evaluate-predictions";
import { formatReport } from "./format-report";

function answer(
  intent: IntentCode,
  category: string | null,
  priority: Priority,
  alternative?: string,
): Understood {
  return {
    intent,
    intentConfidence: 0.9,
    category,
    categoryConfidence: category ? 0.8 : 0,
    categoryAlternatives: alternative ? [{ code: alternative, confidence: 0.4 }] : [],
    priority,
    place: { building: null, unit: null, room: null, phoneNumbers: [] },
    reasons: { intent: "", category: "", priority: "" },
    source: "test",
  };
}

const file = [
  { text: "灯不亮", category: "lighting", priority: "normal" },
  { text: "困电梯", category: "elevator", priority: "urgent", intent: "report" },
  { text: "煤气味", category: "utilities", priority: "urgent" },
  { text: "积分", intent: "points_balance" },
  { text: "谢谢", intent: "chitchat" },
]
  .map((line) => JSON.stringify(line))
  .join("\n");

const answers = [
  answer("report", "lighting", "normal"),
  answer("report", "elevator", "urgent"),
  // Read as chitchat: its proposed category (the first alternative) is still scored.
  answer("chitchat", null, "high", "utilities"),
  answer("points_balance", null, "normal"),
  answer("help", null, "normal"),
];

describe("evaluatePredictions", () => {
  const { lines } = parseEvalFile(file);
  const result = evaluatePredictions(lines, answers);

  it("scores category on category lines, whatever intent was predicted, and counts those", () => {
    expect(result.category).toMatchObject({ n: 3, accuracy: 1, macroF1: 1, nonReportIntent: 1 });
  });

  it("scores intent only on lines that name one", () => {
    // report ✓, points_balance ✓, chitchat → help ✗
    expect(result.intent).toMatchObject({ n: 3 });
    expect(result.intent!.accuracy).toBeCloseTo(2 / 3, 10);
    expect(result.intent!.confusions[0]).toEqual({ gold: "chitchat", predicted: "help", count: 1 });
  });

  it("scores priority with urgent recall", () => {
    expect(result.priority).toMatchObject({ n: 3, urgentRecall: 0.5 });
    expect(result.priority!.accuracy).toBeCloseTo(2 / 3, 10);
  });

  it("closes with one machine-readable line per task, in order", () => {
    const report = formatReport(result, [{ lineNumber: 9, message: "not JSON" }]);
    expect(report[0]).toBe("line 9: skipped: not JSON");
    expect(report.slice(-3)).toEqual([
      "category accuracy=1.000 macro_f1=1.000 n=3",
      "intent accuracy=0.667 macro_f1=0.500 n=3",
      "priority accuracy=0.667 urgent_recall=0.500 n=3",
    ]);
    expect(report).toContain("  chitchat → help ×1");
  });

  it("leaves out tasks the file does not have", () => {
    const onlyIntents = parseEvalFile(JSON.stringify({ text: "积分", intent: "points_balance" })).lines;
    const report = formatReport(evaluatePredictions(onlyIntents, [answers[3]!]), []);
    expect(report.at(-1)).toBe("intent accuracy=1.000 macro_f1=1.000 n=1");
    expect(report.some((l) => l.startsWith("category accuracy="))).toBe(false);
  });
});
