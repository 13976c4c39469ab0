import type { IntentCode } from "../categories/default-categories";
import type { Priority } from "../tickets/ticket";
import type { Understanding, Understood } from "../understanding/understanding";

export interface Script {
  readonly when: RegExp;
  readonly intent: IntentCode;
  readonly category?: string;
  readonly confidence?: number;
  readonly priority?: Priority;
  readonly building?: string;
  readonly alternatives?: string[];
}

/** A predictable Understanding for conversation tests: the first matching script answers. */
export class ScriptedUnderstanding implements Understanding {
  readonly seen: string[] = [];

  constructor(private readonly scripts: readonly Script[]) {}

  async understand(text: string): Promise<Understood> {
    this.seen.push(text);
    const script = this.scripts.find((s) => s.when.test(text));
    const confidence = script?.confidence ?? (script ? 0.95 : 0.2);
    const building = script?.building ?? /(\d+)\s*(栋|号楼|幢)/.exec(text)?.[1] ?? null;
    return {
      intent: script?.intent ?? "chitchat",
      intentConfidence: confidence,
      category: script?.category ?? null,
      categoryConfidence: script?.category ? confidence : 0,
      categoryAlternatives: (script?.alternatives ?? []).map((code, i) => ({
        code,
        confidence: 0.3 - i * 0.1,
      })),
      priority: script?.priority ?? "normal",
      place: { building, unit: null, room: null, phoneNumbers: [] },
      reasons: { intent: "scripted", category: "scripted", priority: "scripted" },
      source: "scripted",
    };
  }
}
