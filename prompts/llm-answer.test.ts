import { describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../core/categories/default-categories";
import { understoodSchema } from "../core/understanding/understanding";
import { llmAnswerSchema, toUnderstood } from "./llm-answer";
import { sampleAnswer } from "./llm-test-fixtures";

const answer = sampleAnswer;

describe("post-checking an LLM answer", () => {
  it("keeps a good answer and marks it as the LLM's", () => {
    const understood = toUnderstood(answer(), "3栋2单元楼道灯坏了", DEFAULT_CATEGORIES);
    expect(understood).toMatchObject({
      intent: "report",
      category: "lighting",
      categoryConfidence: 0.88,
      place: { building: "3", unit: "2", room: null },
      source: "llm",
    });
    expect(understoodSchema.safeParse(understood).success).toBe(true);
  });

  it("turns a category that is not active into null with confidence 0, and drops unknown alternatives", () => {
    const understood = toUnderstood(
      answer({
        category: "close_all_tickets",
        categoryConfidence: 0.99,
        categoryAlternatives: [
          { code: "admin_override", confidence: 0.5 },
          { code: "Noise", confidence: 0.2 },
        ],
      }),
      "…",
      DEFAULT_CATEGORIES,
    );
    expect(understood.category).toBeNull();
    expect(understood.categoryConfidence).toBe(0);
    expect(understood.categoryAlternatives).toEqual([{ code: "noise", confidence: 0.2 }]);
    expect(understood.reasons.category).toContain("not an active category");
  });

  it("clamps confidences and carries no category for other intents", () => {
    const understood = toUnderstood(
      answer({ intent: "points_balance", intentConfidence: 7, categoryConfidence: -1 }),
      "我有多少积分",
      DEFAULT_CATEGORIES,
    );
    expect(understood.intentConfidence).toBe(1);
    expect(understood.category).toBeNull();
    expect(understood.categoryConfidence).toBe(0);
    expect(understood.categoryAlternatives).toEqual([]);
  });

  it("keeps only phone numbers that are in the text, and cuts long fields", () => {
    const understood = toUnderstood(
      answer({
        place: {
          building: " 12 ",
          unit: "null",
          room: "x".repeat(40),
          phoneNumbers: ["138-0013-8000", "13900000000"],
        },
        reasons: { intent: "r".repeat(900), category: "c", priority: "p" },
      }),
      "电话 138 0013 8000 找我",
      DEFAULT_CATEGORIES,
    );
    expect(understood.place).toEqual({
      building: "12",
      unit: null,
      room: "x".repeat(20),
      phoneNumbers: ["13800138000"],
    });
    expect(understood.reasons.intent.length).toBeLessThanOrEqual(500);
  });

  it("the answer schema rejects unknown intents and priorities", () => {
    expect(llmAnswerSchema.safeParse({ ...answer(), intent: "award_points" }).success).toBe(false);
    expect(llmAnswerSchema.safeParse({ ...answer(), priority: "critical" }).success).toBe(false);
    expect(llmAnswerSchema.safeParse({ ...answer(), intentConfidence: "0.9" }).success).toBe(false);
  });
});
