import { z } from "zod";
import { INTENT_CODES } from "../../core/categories/default-categories";
import { prioritySchema } from "../../core/tickets/ticket";

/**
 * One line of an evaluation file (../shared/taxonomy.md): a text with a category (and maybe a
 * priority), an intent, or both. Category codes are free strings: a deployment may have renamed ones.
 */
export const evalLineSchema = z
  .object({
    text: z.string().trim().min(1).max(4000),
    intent: z.enum(INTENT_CODES).optional(),
    category: z.string().min(1).max(64).optional(),
    priority: prioritySchema.optional(),
  })
  .refine((line) => line.intent !== undefined || line.category !== undefined, {
    message: "a line needs an intent or a category",
  });

export type EvalLine = z.infer<typeof evalLineSchema> & { readonly lineNumber: number };

export interface BadLine {
  readonly lineNumber: number;
  readonly message: string;
}

/** Parse JSON Lines; a bad line is reported by its number and skipped, never fatal. */
export function parseEvalFile(content: string): { lines: EvalLine[]; bad: BadLine[] } {
  const lines: EvalLine[] = [];
  const bad: BadLine[] = [];
  content.split("\n").forEach((raw, index) => {
    const lineNumber = index + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      bad.push({ lineNumber, message: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = evalLineSchema.safeParse(json);
    if (parsed.success) lines.push({ ...parsed.data, lineNumber });
    else
      bad.push({
        lineNumber,
        message: parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; "),
      });
  });
  return { lines, bad };
}
