// The structured answer an LLM must give, and the post-check that turns it into an `Understood`:
// only the deployment's active categories, confidences in 0–1, phone numbers only if in the text.
import { z } from "zod";
import { INTENT_CODES } from "../core/categories/default-categories";
import { prioritySchema } from "../core/tickets/ticket";
import {
  type CategoryChoice,
  type ScoredLabel,
  type Understood,
  understoodSchema,
} from "../core/understanding/understanding";

/**
 * What the model returns. Field names follow `understoodSchema`; lengths and 0–1 ranges are not
 * constrained here (strict JSON-schema modes reject some keywords, and a long reason is no reason
 * to lose an answer): `toUnderstood` clamps and cuts. Types and enums are checked: an answer with a
 * wrong shape or an unknown intent or priority is rejected.
 */
export const llmAnswerSchema = z.object({
  intent: z.enum(INTENT_CODES).describe("one intent code"),
  intentConfidence: z.number().describe("probability 0-1 that the intent is right"),
  category: z
    .string()
    .nullable()
    .describe("one category code from the list, or null when the intent is not report or nothing fits"),
  categoryConfidence: z.number().describe("probability 0-1 that the category is right; 0 when null"),
  categoryAlternatives: z
    .array(
      z.object({
        code: z.string().describe("another category code from the list"),
        confidence: z.number().describe("probability 0-1"),
      }),
    )
    .describe("up to 3 other likely category codes, most likely first"),
  priority: prioritySchema.describe("urgent = danger to life or property now; high; normal; low"),
  place: z.object({
    building: z.string().nullable().describe('building number as written, e.g. "3"; null if absent'),
    unit: z.string().nullable().describe('unit number, e.g. "2"; null if absent'),
    room: z.string().nullable().describe('room number, e.g. "501"; null if absent'),
    phoneNumbers: z.array(z.string()).describe("phone numbers that appear in the text; [] if none"),
  }),
  reasons: z.object({
    intent: z.string().describe("one short sentence"),
    category: z.string().describe("one short sentence"),
    priority: z.string().describe("one short sentence"),
  }),
});
export type LlmAnswer = z.infer<typeof llmAnswerSchema>;

const MAX_PLACE = 20;
const MAX_REASON = 500;
const MAX_ALTERNATIVES = 5;
const MAX_PHONES = 5;

export function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function placePart(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  if (!trimmed || /^(null|none|n\/a|无|没有|未知)$/i.test(trimmed)) return null;
  return trimmed.slice(0, MAX_PLACE);
}

/** Keep a phone number only if its digits are in the message: a model must not invent one. */
function phonesInText(phones: readonly string[], text: string): string[] {
  const digitsOfText = text.replace(/[\s\-()（）]/g, "");
  const kept: string[] = [];
  for (const phone of phones) {
    const digits = phone.replace(/[^\d+]/g, "");
    if (digits.replace(/\D/g, "").length < 5 || !digitsOfText.includes(digits)) continue;
    if (!kept.includes(digits)) kept.push(digits.slice(0, 20));
  }
  return kept.slice(0, MAX_PHONES);
}

/**
 * Check an answer against the deployment: the category must be an active code (matched without
 * regard to case), else null with confidence 0; alternatives likewise; confidences clamped to 0–1;
 * non-report intents carry no category. The result satisfies `understoodSchema`.
 */
export function toUnderstood(
  answer: LlmAnswer,
  text: string,
  categories: readonly CategoryChoice[],
  source = "llm",
): Understood {
  const byLowerCode = new Map(categories.map((c) => [c.code.toLowerCase(), c.code]));
  const known = (code: string | null) =>
    code === null ? null : (byLowerCode.get(code.trim().toLowerCase()) ?? null);
  const isReport = answer.intent === "report";

  const category = isReport ? known(answer.category) : null;
  const categoryConfidence = category ? clamp01(answer.categoryConfidence) : 0;
  let categoryReason = answer.reasons.category;
  if (isReport && answer.category !== null && category === null) {
    categoryReason = `model answered "${cut(answer.category, 40)}", which is not an active category; ${categoryReason}`;
  }

  const alternatives: ScoredLabel[] = [];
  if (isReport) {
    for (const alternative of answer.categoryAlternatives) {
      const code = known(alternative.code);
      if (!code || code === category || alternatives.some((a) => a.code === code)) continue;
      alternatives.push({ code, confidence: clamp01(alternative.confidence) });
    }
    alternatives.sort((a, b) => b.confidence - a.confidence);
  }

  const understood: Understood = {
    intent: answer.intent,
    intentConfidence: clamp01(answer.intentConfidence),
    category,
    categoryConfidence,
    categoryAlternatives: alternatives.slice(0, MAX_ALTERNATIVES),
    priority: answer.priority,
    place: {
      building: placePart(answer.place.building),
      unit: placePart(answer.place.unit),
      room: placePart(answer.place.room),
      phoneNumbers: phonesInText(answer.place.phoneNumbers, text),
    },
    reasons: {
      intent: cut(answer.reasons.intent, MAX_REASON),
      category: cut(categoryReason, MAX_REASON),
      priority: cut(answer.reasons.priority, MAX_REASON),
    },
    source,
  };
  // Every field is built to fit; parse anyway so a change to the core schema cannot slip through.
  return understoodSchema.parse(understood);
}
