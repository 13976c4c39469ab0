// Offline first, the LLM only when the offline answer is unsure; never throws, never loses a message.
import type {
  ConfidenceThresholds,
  Understanding,
  UnderstandingContext,
  Understood,
} from "../core/understanding/understanding";
import { LlmUnderstandingError } from "./llm-errors";
import { triageAnswer } from "./triage-only-understanding";

/** What happened, for the app's logger (one line each). Never carries the message text. */
export type AutoUnderstandingEvent =
  | {
      readonly type: "llm_answered";
      readonly ms: number;
      /** null when the offline model failed. */
      readonly offlineIntent: string | null;
      readonly offlineConfidence: number | null;
      readonly intent: string;
      readonly category: string | null;
      /** The offline answer said urgent and the LLM did not: kept urgent. */
      readonly keptUrgent: boolean;
    }
  | {
      readonly type: "llm_failed";
      readonly ms: number;
      /** Short reason as in `source`: "timeout", "rate_limited", "schema_violation", "http_500", … */
      readonly reason: string;
      readonly code: string;
      readonly attempts: number;
      readonly message: string;
      readonly issues: readonly string[];
    }
  | { readonly type: "offline_failed"; readonly message: string };

export type AutoUnderstandingLog = (event: AutoUnderstandingEvent) => void;

export interface AutoUnderstandingOptions {
  /** The most the LLM may take, retries included, before the offline answer is used. Default 20 000 ms. */
  readonly budgetMs?: number;
  /** Milliseconds for measuring latency; default performance.now. */
  readonly now?: () => number;
}

const SOURCE_MAX = 60;

/** Ask the LLM only when the offline answer is below the act threshold (intent, or category of a report). */
export function offlineIsSure(offline: Understood, thresholds: ConfidenceThresholds): boolean {
  if (offline.intentConfidence < thresholds.act) return false;
  if (
    offline.intent === "report" &&
    (offline.category === null || offline.categoryConfidence < thresholds.act)
  )
    return false;
  return true;
}

/**
 * The LLM's answer, with what the offline model found and the LLM did not: place hints and phone
 * numbers it left empty, and urgency (if either says urgent, it is urgent: urgent must not be missed).
 */
export function combineAnswers(offline: Understood, llm: Understood): Understood {
  const keepUrgent = offline.priority === "urgent" && llm.priority !== "urgent";
  const priorityReason = keepUrgent
    ? `kept urgent: the offline model said urgent (${offline.reasons.priority}); the LLM said ${llm.priority}`
    : llm.reasons.priority;
  return {
    ...llm,
    priority: keepUrgent ? "urgent" : llm.priority,
    place: {
      building: llm.place.building ?? offline.place.building,
      unit: llm.place.unit ?? offline.place.unit,
      room: llm.place.room ?? offline.place.room,
      phoneNumbers: llm.place.phoneNumbers.length > 0 ? llm.place.phoneNumbers : offline.place.phoneNumbers,
    },
    reasons: { ...llm.reasons, priority: priorityReason.slice(0, 500) },
  };
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : "non-error thrown";

export class AutoUnderstanding implements Understanding {
  private readonly budgetMs: number;
  private readonly now: () => number;

  constructor(
    private readonly offline: Understanding,
    private readonly llm: Understanding,
    private readonly thresholds: ConfidenceThresholds,
    private readonly log: AutoUnderstandingLog,
    options: AutoUnderstandingOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 20_000;
    this.now = options.now ?? (() => performance.now());
  }

  async understand(text: string, context?: UnderstandingContext): Promise<Understood> {
    let offline: Understood | null = null;
    try {
      offline = await this.offline.understand(text, context);
    } catch (error) {
      this.emit({ type: "offline_failed", message: describe(error) });
    }
    if (offline && offlineIsSure(offline, this.thresholds)) return offline;

    const started = this.now();
    try {
      const llm = await this.withinBudget(this.llm.understand(text, context));
      const combined = offline ? combineAnswers(offline, llm) : { ...llm, source: "llm (offline failed)" };
      this.emit({
        type: "llm_answered",
        ms: Math.round(this.now() - started),
        offlineIntent: offline?.intent ?? null,
        offlineConfidence: offline?.intentConfidence ?? null,
        intent: combined.intent,
        category: combined.category,
        keptUrgent: combined.priority !== llm.priority,
      });
      return combined;
    } catch (error) {
      const failure =
        error instanceof LlmUnderstandingError
          ? error
          : new LlmUnderstandingError("LLM.FAILED", describe(error), { cause: error });
      this.emit({
        type: "llm_failed",
        ms: Math.round(this.now() - started),
        reason: failure.reason,
        code: failure.code,
        attempts: failure.attempts,
        message: failure.message,
        issues: failure.issues,
      });
      const source = `${offline ? "offline" : "none"} (llm failed: ${failure.reason})`.slice(0, SOURCE_MAX);
      return offline ? { ...offline, source } : triageAnswer(source);
    }
  }

  /** The LLM's promise, or a timeout failure after the budget; a late answer is dropped quietly. */
  private withinBudget(answer: Promise<Understood>): Promise<Understood> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new LlmUnderstandingError("LLM.TIMEOUT", `no answer within the ${this.budgetMs} ms budget`)),
        this.budgetMs,
      );
    });
    answer.catch(() => {});
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }

  /** The log callback is the app's; its failure must not lose the message. */
  private emit(event: AutoUnderstandingEvent): void {
    try {
      this.log(event);
    } catch {
      // Logging is best effort here: the resident's message matters more than the log line.
    }
  }
}
