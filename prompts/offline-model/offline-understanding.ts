import type { IntentCode } from "../../core/categories/default-categories";
import { PRIORITIES, type Priority } from "../../core/tickets/ticket";
import type {
  ScoredLabel,
  Understanding,
  UnderstandingContext,
  Understood,
} from "../../core/understanding/understanding";
import { extractPlaceHints } from "../place-hints";
import { type HeadAnswer, OfflineClassifier } from "./offline-classifier";
import type { OfflineModel } from "./offline-model";

const ALTERNATIVES = 3;

const describe = (head: string, best: ScoredLabel | undefined, evidence: readonly string[]) =>
  best ? `${head} ${best.code} (${best.confidence.toFixed(2)}): ${evidence.join(", ")}` : `${head}: none`;

/**
 * The Understanding port on the offline model: no network, a fraction of a millisecond a message.
 * It answers only the category codes it was trained on; when the deployment's categories are
 * given, only those of them that are active. Probabilities are not renormalised over the allowed
 * codes: mass on a retired or unknown code stays "not sure", which sends the message to the
 * buttons or to a person instead of forcing a guess.
 */
export class OfflineUnderstanding implements Understanding {
  readonly source = "offline";
  private readonly classifier: OfflineClassifier;

  constructor(model: OfflineModel | OfflineClassifier) {
    this.classifier = model instanceof OfflineClassifier ? model : new OfflineClassifier(model);
  }

  async understand(text: string, context: UnderstandingContext = {}): Promise<Understood> {
    return this.understandNow(text, context);
  }

  /** The same answer without a promise, for evaluation loops and benchmarks. */
  understandNow(text: string, context: UnderstandingContext = {}): Understood {
    const result = this.classifier.classify(text);
    const intentBest = result.intent.ranked[0];
    const intent = (intentBest?.code ?? "chitchat") as IntentCode;
    const active = context.categories ? new Set(context.categories.map((c) => c.code)) : null;
    const categories = result.category.ranked.filter((r) => !active || active.has(r.code));
    const categoryBest = categories[0];
    const isReport = intent === "report";
    const priority = (PRIORITIES as readonly string[]).includes(result.priority.priority)
      ? (result.priority.priority as Priority)
      : "normal";
    return {
      intent,
      intentConfidence: intentBest?.confidence ?? 0,
      category: isReport ? (categoryBest?.code ?? null) : null,
      categoryConfidence: isReport ? (categoryBest?.confidence ?? 0) : 0,
      // Kept for every intent: when the intent was misread, the buttons can still offer a category.
      categoryAlternatives: categories.slice(0, ALTERNATIVES),
      priority,
      place: extractPlaceHints(text),
      reasons: {
        intent: describe("intent", intentBest, result.intent.evidence),
        category: this.categoryReason(isReport, intent, categoryBest, result.category),
        priority: result.priority.reason,
      },
      source: this.source,
    };
  }

  private categoryReason(
    isReport: boolean,
    intent: string,
    best: ScoredLabel | undefined,
    answer: HeadAnswer,
  ): string {
    if (!best) return "category: none of the active categories is one the offline model knows";
    // Evidence was computed for the model's overall best; say so when an inactive code was dropped.
    const evidence = answer.ranked[0]?.code === best.code ? answer.evidence : [];
    const line = describe("category", best, evidence);
    return isReport ? line : `no category for intent ${intent}; best guess ${line.slice("category ".length)}`;
  }
}
