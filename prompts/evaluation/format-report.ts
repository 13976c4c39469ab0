import type { BadLine } from "./eval-data";
import type { Calibration, EvaluationResult } from "./evaluate-predictions";
import type { TaskMetrics } from "./metrics";

const f3 = (n: number) => n.toFixed(3);
const TOP_CONFUSIONS = 10;

function labelTable(title: string, metrics: TaskMetrics): string[] {
  const width = Math.max(16, ...metrics.perLabel.map((s) => s.label.length + 2));
  const lines = [
    `== ${title} (n=${metrics.n})`,
    `${"label".padEnd(width)}precision  recall  f1     support  predicted`,
  ];
  for (const s of metrics.perLabel) {
    lines.push(
      `${s.label.padEnd(width)}${f3(s.precision).padEnd(11)}${f3(s.recall).padEnd(8)}${f3(s.f1).padEnd(7)}${String(s.support).padEnd(9)}${s.predicted}`,
    );
  }
  const confusions = metrics.confusions.slice(0, TOP_CONFUSIONS);
  lines.push(confusions.length > 0 ? "most frequent confusions (gold → predicted):" : "no confusions");
  for (const c of confusions) lines.push(`  ${c.gold} → ${c.predicted} ×${c.count}`);
  return lines;
}

function calibrationLines(title: string, calibration: Calibration): string[] {
  return [
    `calibration of ${title} confidence: ECE=${f3(calibration.ece)}`,
    ...calibration.bins.map(
      (b) =>
        `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${String(b.count).padStart(4)} answers, mean confidence ${f3(b.meanConfidence)}, right ${f3(b.accuracy)}`,
    ),
  ];
}

/** The whole report; the last lines are the machine-readable summary, one per task present. */
export function formatReport(result: EvaluationResult, bad: readonly BadLine[]): string[] {
  const out: string[] = [];
  for (const b of bad) out.push(`line ${b.lineNumber}: skipped: ${b.message}`);
  if (bad.length > 0) out.push(`${bad.length} bad line(s) skipped`, "");
  if (result.category) {
    out.push(...labelTable("category", result.category));
    out.push(
      `note: ${result.category.nonReportIntent} of ${result.category.n} report lines got a non-report intent (their proposed category is still scored)`,
    );
    out.push(...calibrationLines("category", result.category.calibration), "");
  }
  if (result.intent)
    out.push(
      ...labelTable("intent", result.intent),
      ...calibrationLines("intent", result.intent.calibration),
      "",
    );
  if (result.priority) out.push(...labelTable("priority", result.priority), "");
  if (result.category) {
    out.push(
      `category accuracy=${f3(result.category.accuracy)} macro_f1=${f3(result.category.macroF1)} n=${result.category.n}`,
    );
  }
  if (result.intent) {
    out.push(
      `intent accuracy=${f3(result.intent.accuracy)} macro_f1=${f3(result.intent.macroF1)} n=${result.intent.n}`,
    );
  }
  if (result.priority) {
    out.push(
      `priority accuracy=${f3(result.priority.accuracy)} urgent_recall=${f3(result.priority.urgentRecall)} n=${result.priority.n}`,
    );
  }
  return out;
}
