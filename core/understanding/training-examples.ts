import type { IntentCode } from "../categories/default-categories";
import type { Priority } from "../tickets/ticket";

/** A labelled text learnt in use: a worker's or dispatcher's correction, a typed voice transcript. */
export interface TrainingExample {
  readonly id: string;
  readonly text: string;
  readonly intent: IntentCode;
  readonly category: string | null;
  readonly priority: Priority | null;
  /** Where it came from, e.g. "reclassified", "voice-transcript". */
  readonly source: string;
  readonly createdAt: Date;
}

export interface TrainingExampleStore {
  add(example: TrainingExample): Promise<void>;
  list(): Promise<TrainingExample[]>;
}

export class InMemoryTrainingExamples implements TrainingExampleStore {
  readonly examples: TrainingExample[] = [];
  async add(example: TrainingExample) {
    this.examples.push(example);
  }
  async list() {
    return [...this.examples];
  }
}
