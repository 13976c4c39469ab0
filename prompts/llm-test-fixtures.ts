// Test fixtures shared by the LLM tests: a well-formed structured answer and tiny Understanding stubs.
import type { Understanding, UnderstandingContext, Understood } from "../core/understanding/understanding";
import type { LlmAnswer } from "./llm-answer";

/** A well-formed structured answer, as a model would send it; override what the test is about. */
export function sampleAnswer(overrides: Partial<LlmAnswer> = {}): LlmAnswer {
  return {
    intent: "report",
    intentConfidence: 0.93,
    category: "lighting",
    categoryConfidence: 0.88,
    categoryAlternatives: [{ code: "utilities", confidence: 0.07 }],
    priority: "normal",
    place: { building: "3", unit: "2", room: null, phoneNumbers: [] },
    reasons: { intent: "报告问题", category: "楼道灯不亮", priority: "无危险" },
    ...overrides,
  };
}

export function sampleUnderstood(overrides: Partial<Understood> = {}): Understood {
  return {
    intent: "report",
    intentConfidence: 0.5,
    category: "other",
    categoryConfidence: 0.3,
    categoryAlternatives: [],
    priority: "normal",
    place: { building: null, unit: null, room: null, phoneNumbers: [] },
    reasons: { intent: "stub", category: "stub", priority: "stub" },
    source: "offline",
    ...overrides,
  };
}

/** An Understanding that answers from a function and counts its calls. */
export class StubUnderstanding implements Understanding {
  calls: { text: string; context: UnderstandingContext | undefined }[] = [];
  constructor(private readonly answer: (text: string) => Understood | Promise<Understood>) {}
  async understand(text: string, context?: UnderstandingContext): Promise<Understood> {
    this.calls.push({ text, context });
    return this.answer(text);
  }
}
