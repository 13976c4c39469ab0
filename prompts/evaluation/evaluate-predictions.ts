import { DEFAULT_CATEGORY_CODES, INTENT_CODES } from "../../core/categories/default-categories";
import { PRIORITIES } from "../../core/tickets/ticket";
import type { Understood } from "../../core/understanding/understanding";
import {
  expectedCalibrationError,
  type Prediction,
  type ReliabilityBin,
  reliabilityBins,
} from "../offline-model/temperature-scaling";
import type { EvalLine } from "./eval-data";
import { classificationMetrics, type LabelPair, recallOf, type TaskMetrics } from "./metrics";

export const NO_ANSWER = "(none)";

export interface Calibration {
  readonly ece: number;
  readonly bins: readonly ReliabilityBin[];
}

export interface EvaluationResult {
  readonly category:
    | (TaskMetrics & { readonly nonReportIntent: number; readonly calibration: Calibration })
    | null;
  readonly intent: (TaskMetrics & { readonly calibration: Calibration }) | null;
  readonly priority: (TaskMetrics & { readonly urgentRecall: number }) | null;
}

/** The category a model proposed, even when it read the intent as something other than a report. */
export function proposedCategory(understood: Understood): { code: string; confidence: number } {
  if (understood.category) return { code: understood.category, confidence: understood.categoryConfidence };
  const best = understood.categoryAlternatives[0];
  return best ? { code: best.code, confidence: best.confidence } : { code: NO_ANSWER, confidence: 0 };
}

function calibrationOf(predictions: readonly Prediction[]): Calibration {
  return { ece: expectedCalibrationError(predictions), bins: reliabilityBins(predictions) };
}

/**
 * Score answers against the file: category on lines with a category (the proposed category whatever
 * the intent, counting how many such lines got another intent), intent on lines with an intent,
 * priority on lines with a priority.
 */
export function evaluatePredictions(
  lines: readonly EvalLine[],
  answers: readonly Understood[],
): EvaluationResult {
  const category: LabelPair[] = [];
  const categoryConfidence: Prediction[] = [];
  const intent: LabelPair[] = [];
  const intentConfidence: Prediction[] = [];
  const priority: LabelPair[] = [];
  let nonReportIntent = 0;
  lines.forEach((line, i) => {
    const answer = answers[i]!;
    if (line.category !== undefined) {
      const proposed = proposedCategory(answer);
      category.push({ gold: line.category, predicted: proposed.code });
      categoryConfidence.push({ confidence: proposed.confidence, correct: proposed.code === line.category });
      if (answer.intent !== "report") nonReportIntent++;
    }
    if (line.intent !== undefined) {
      intent.push({ gold: line.intent, predicted: answer.intent });
      intentConfidence.push({ confidence: answer.intentConfidence, correct: answer.intent === line.intent });
    }
    if (line.priority !== undefined) priority.push({ gold: line.priority, predicted: answer.priority });
  });
  return {
    category:
      category.length > 0
        ? {
            ...classificationMetrics(category, DEFAULT_CATEGORY_CODES),
            nonReportIntent,
            calibration: calibrationOf(categoryConfidence),
          }
        : null,
    intent:
      intent.length > 0
        ? { ...classificationMetrics(intent, INTENT_CODES), calibration: calibrationOf(intentConfidence) }
        : null,
    priority:
      priority.length > 0
        ? { ...classificationMetrics(priority, PRIORITIES), urgentRecall: recallOf(priority, "urgent") }
        : null,
  };
}
