import type { Understanding, Understood } from "../core/understanding/understanding";

/**
 * The honest fallback when no model is available: every message is taken as a report of an
 * unknown category, so it goes to a human dispatcher (triage) instead of being guessed.
 */
export class TriageOnlyUnderstanding implements Understanding {
  async understand(): Promise<Understood> {
    return {
      intent: "report",
      intentConfidence: 0,
      category: null,
      categoryConfidence: 0,
      categoryAlternatives: [],
      priority: "normal",
      place: { building: null, unit: null, room: null, phoneNumbers: [] },
      reasons: { intent: "no model loaded", category: "no model loaded", priority: "no model loaded" },
      source: "triage-only",
    };
  }
}
