import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { INTENT_CODES, type IntentCode } from "../../core/categories/default-categories";
import { type Priority, prioritySchema } from "../../core/tickets/ticket";
import type { TrainingExample } from "../../core/understanding/training-examples";

/** The corpus that ships with the package: every *.jsonl under prompts/data/train. */
export const SHIPPED_CORPUS_DIR = fileURLToPath(new URL("../data/train/", import.meta.url));

export const corpusLineSchema = z.object({
  text: z.string().min(1).max(2000),
  intent: z.enum(INTENT_CODES),
  category: z.string().min(1).max(64).optional(),
  priority: prioritySchema.optional(),
});

/** One labelled text, from a corpus file or a learned example. */
export interface LabelledText {
  readonly text: string;
  readonly intent: IntentCode;
  /** Only for reports. */
  readonly category: string | null;
  readonly priority: Priority | null;
  readonly weight: number;
  /** "reports-a.jsonl:12" or "example:<id>", to trace a line back. */
  readonly origin: string;
}

export interface Corpus {
  readonly lines: readonly LabelledText[];
  /** Hash of the files' contents, so a saved model knows which data it was trained on. */
  readonly digest: string;
}

export async function readCorpus(dir: string = SHIPPED_CORPUS_DIR): Promise<Corpus> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".jsonl")).sort();
  const hash = createHash("sha256");
  const lines: LabelledText[] = [];
  for (const name of files) {
    const content = await readFile(path.join(dir, name), "utf8");
    hash.update(name).update("\0").update(content).update("\0");
    content.split("\n").forEach((raw, index) => {
      if (!raw.trim()) return;
      const parsed = corpusLineSchema.safeParse(safeJson(raw));
      // The shipped corpus is ours: a bad line is a bug to fix, not something to skip quietly.
      if (!parsed.success)
        throw new Error(`${name}:${index + 1}: not a training line: ${parsed.error.message}`);
      const { text, intent, category, priority } = parsed.data;
      lines.push({
        text,
        intent,
        category: intent === "report" ? (category ?? null) : null,
        priority: intent === "report" ? (priority ?? null) : null,
        weight: 1,
        origin: `${name}:${index + 1}`,
      });
    });
  }
  return { lines, digest: hash.digest("hex") };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** Corrections made in use, weighted a little above corpus lines because they come from this deployment. */
export function fromExamples(examples: readonly TrainingExample[], weight: number): LabelledText[] {
  return examples.map((example) => ({
    text: example.text,
    intent: example.intent,
    category: example.intent === "report" ? example.category : null,
    priority: example.intent === "report" ? example.priority : null,
    weight,
    origin: `example:${example.id}`,
  }));
}

export function examplesDigest(examples: readonly TrainingExample[]): string {
  const hash = createHash("sha256");
  for (const e of examples) hash.update(JSON.stringify([e.id, e.text, e.intent, e.category, e.priority]));
  return hash.digest("hex");
}
