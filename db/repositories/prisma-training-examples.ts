import type { IntentCode } from "../../core/categories/default-categories";
import type { Priority } from "../../core/tickets/ticket";
import type { TrainingExample, TrainingExampleStore } from "../../core/understanding/training-examples";
import type { PrismaClient } from "../generated/client";

export class PrismaTrainingExamples implements TrainingExampleStore {
  constructor(private readonly prisma: PrismaClient) {}

  async add(example: TrainingExample) {
    await this.prisma.trainingExample.create({ data: example });
  }

  async list(): Promise<TrainingExample[]> {
    const rows = await this.prisma.trainingExample.findMany({ orderBy: { createdAt: "asc" } });
    return rows.map((row) => ({
      ...row,
      intent: row.intent as IntentCode,
      priority: row.priority as Priority | null,
    }));
  }
}
