import { z } from "zod";
import { INTENT_CODES, type IntentCode } from "../categories/default-categories";
import type { Locale } from "../people/person";
import { type Priority, prioritySchema } from "../tickets/ticket";

/** Where in the building a message points: 3栋2单元501 → building "3", unit "2", room "501". */
export interface PlaceHints {
  readonly building: string | null;
  readonly unit: string | null;
  readonly room: string | null;
  /** Mobile or landline numbers found in the text, so replies and logs can mask them. */
  readonly phoneNumbers: readonly string[];
}

export interface ScoredLabel<T extends string = string> {
  readonly code: T;
  /** Calibrated probability, 0–1. */
  readonly confidence: number;
}

/** What the bot understood of one message, each part with a confidence and a reason a person can read. */
export interface Understood {
  readonly intent: IntentCode;
  readonly intentConfidence: number;
  /** Only for intent "report"; null otherwise or when nothing fits. */
  readonly category: string | null;
  readonly categoryConfidence: number;
  /** The best categories, most likely first (for "did you mean" buttons). */
  readonly categoryAlternatives: readonly ScoredLabel[];
  readonly priority: Priority;
  readonly place: PlaceHints;
  readonly reasons: { readonly intent: string; readonly category: string; readonly priority: string };
  /** Which implementation answered: "offline", "llm", or "offline (llm failed)" and the like. */
  readonly source: string;
}

export interface CategoryChoice {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
}

export interface UnderstandingContext {
  readonly locale?: Locale;
  /** The deployment's active categories (renamed or added ones included). */
  readonly categories?: readonly CategoryChoice[];
}

/** Text in → intent, category, priority, place hints, each with confidence and reason. */
export interface Understanding {
  understand(text: string, context?: UnderstandingContext): Promise<Understood>;
}

export interface ConfidenceThresholds {
  /** At or above: act on it. */
  readonly act: number;
  /** At or above (and below act): offer the top choices as buttons. Below: ask again. */
  readonly offer: number;
}

export type ConfidenceBand = "act" | "offer" | "ask";

export function confidenceBand(confidence: number, thresholds: ConfidenceThresholds): ConfidenceBand {
  if (confidence >= thresholds.act) return "act";
  if (confidence >= thresholds.offer) return "offer";
  return "ask";
}

/** The schema an LLM's structured answer (or any outside implementation) must satisfy. */
export const understoodSchema = z.object({
  intent: z.enum(INTENT_CODES),
  intentConfidence: z.number().min(0).max(1),
  category: z.string().min(1).max(64).nullable(),
  categoryConfidence: z.number().min(0).max(1),
  categoryAlternatives: z
    .array(z.object({ code: z.string().min(1).max(64), confidence: z.number().min(0).max(1) }))
    .max(5),
  priority: prioritySchema,
  place: z.object({
    building: z.string().max(20).nullable(),
    unit: z.string().max(20).nullable(),
    room: z.string().max(20).nullable(),
    phoneNumbers: z.array(z.string().max(20)).max(5),
  }),
  reasons: z.object({
    intent: z.string().max(500),
    category: z.string().max(500),
    priority: z.string().max(500),
  }),
  source: z.string().max(60),
});

export type { IntentCode };
