import type { Understanding, Understood } from "../core/understanding/understanding";

/** The answer when nothing could understand the message: a report with no category → a person triages it. */
export function triageAnswer(source: string, why = "not understood"): Understood {
  return {
    intent: "report",
    intentConfidence: 0,
    category: null,
    categoryConfidence: 0,
    categoryAlternatives: [],
    priority: "normal",
    place: { building: null, unit: null, room: null, phoneNumbers: [] },
    reasons: { intent: why, category: why, priority: why },
    source,
  };
}

/**
 * Used where no model is needed or available (the CLI's sweep wiring): every message is taken as
 * a report of an unknown category, so it would go to a human dispatcher instead of being guessed.
 */
export class TriageOnlyUnderstanding implements Understanding {
  async understand(): Promise<Understood> {
    return triageAnswer("triage-only", "no model loaded");
  }
}
