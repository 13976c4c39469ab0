import { afterEach, describe, expect, it } from "vitest";
import type { ConfidenceThresholds, Understood } from "../core/understanding/understanding";
import {
  AutoUnderstanding,
  type AutoUnderstandingEvent,
  combineAnswers,
  offlineIsSure,
} from "./auto-understanding";
import { type FakeHandler, type FakeOpenAi, rateLimited, startFakeOpenAi } from "./llm-fake-openai-server";
import { StubUnderstanding, sampleAnswer, sampleUnderstood } from "./llm-test-fixtures";
import { LlmUnderstanding } from "./llm-understanding";

const thresholds: ConfidenceThresholds = { act: 0.7, offer: 0.4 };

let fake: FakeOpenAi | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

/** Offline stub + a real LlmUnderstanding against the fake server + a recording log. */
async function setUp(offlineAnswer: Understood, handler: FakeHandler, budgetMs = 2_000) {
  fake = await startFakeOpenAi(handler);
  const offline = new StubUnderstanding(() => offlineAnswer);
  const llm = new LlmUnderstanding({
    apiKey: "sk-test",
    model: "test-model",
    baseURL: fake.baseURL,
    timeoutMs: 250,
    maxRetries: 2,
    retryBaseDelayMs: 5,
  });
  const events: AutoUnderstandingEvent[] = [];
  const auto = new AutoUnderstanding(offline, llm, thresholds, (e) => events.push(e), { budgetMs });
  return { auto, offline, fake, events };
}

const unsure = sampleUnderstood({
  intent: "report",
  intentConfidence: 0.8,
  category: "facilities",
  categoryConfidence: 0.45,
  place: { building: "3", unit: null, room: "501", phoneNumbers: ["13800138000"] },
});

describe("when AutoUnderstanding asks the LLM", () => {
  it("uses the offline answer alone when it is at or above the act threshold", async () => {
    const sure = sampleUnderstood({ intentConfidence: 0.9, category: "lighting", categoryConfidence: 0.7 });
    const { auto, fake, events } = await setUp(sure, () => ({ kind: "answer", json: sampleAnswer() }));
    expect(await auto.understand("3栋楼道灯坏了")).toBe(sure);
    const chitchat = sampleUnderstood({
      intent: "chitchat",
      intentConfidence: 0.95,
      category: null,
      categoryConfidence: 0,
    });
    const { auto: auto2 } = await setUp(chitchat, () => ({ kind: "answer", json: sampleAnswer() }));
    expect(await auto2.understand("谢谢")).toBe(chitchat);
    expect(fake.requests).toHaveLength(0);
    expect(events).toEqual([]);
  });

  it("asks when the intent, or a report's category, is below the act threshold", () => {
    expect(
      offlineIsSure(sampleUnderstood({ intentConfidence: 0.69, intent: "help", category: null }), thresholds),
    ).toBe(false);
    expect(
      offlineIsSure(sampleUnderstood({ intentConfidence: 0.9, categoryConfidence: 0.69 }), thresholds),
    ).toBe(false);
    expect(
      offlineIsSure(
        sampleUnderstood({ intentConfidence: 0.9, category: null, categoryConfidence: 0.9 }),
        thresholds,
      ),
    ).toBe(false);
    expect(
      offlineIsSure(sampleUnderstood({ intentConfidence: 0.7, categoryConfidence: 0.7 }), thresholds),
    ).toBe(true);
    expect(
      offlineIsSure(
        sampleUnderstood({ intent: "help", intentConfidence: 0.7, category: null, categoryConfidence: 0 }),
        thresholds,
      ),
    ).toBe(true);
  });

  it("uses the LLM's answer when the offline one is unsure, keeping the offline place hints it lacks", async () => {
    const { auto, fake, events } = await setUp(unsure, () => ({
      kind: "answer",
      json: sampleAnswer({
        category: "lighting",
        place: { building: null, unit: "2", room: null, phoneNumbers: [] },
      }),
    }));
    const understood = await auto.understand("3号楼2单元501门口的灯坏了 13800138000");
    expect(fake.requests).toHaveLength(1);
    expect(understood).toMatchObject({
      category: "lighting",
      categoryConfidence: 0.88,
      source: "llm",
      place: { building: "3", unit: "2", room: "501", phoneNumbers: ["13800138000"] },
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: "llm_answered",
        offlineIntent: "report",
        category: "lighting",
        keptUrgent: false,
      }),
    ]);
  });

  it("passes the context (the deployment's categories) to both sides", async () => {
    const { auto, offline, fake } = await setUp(unsure, () => ({ kind: "answer", json: sampleAnswer() }));
    const categories = [
      { code: "lighting", nameZh: "灯", nameEn: "Lamps", descriptionZh: "灯", descriptionEn: "lamps" },
    ];
    await auto.understand("灯坏了", { categories });
    expect(offline.calls[0]!.context?.categories).toBe(categories);
    expect(JSON.stringify(fake.requests[0]!.messages)).toContain("Allowed category codes: lighting");
  });
});

describe("urgent is never missed", () => {
  it("keeps urgent when the offline model says urgent and the LLM does not", async () => {
    const { auto, events } = await setUp({ ...unsure, priority: "urgent" }, () => ({
      kind: "answer",
      json: sampleAnswer({ category: "utilities", priority: "normal" }),
    }));
    const understood = await auto.understand("楼道里好大一股煤气味");
    expect(understood.priority).toBe("urgent");
    expect(understood.category).toBe("utilities");
    expect(understood.reasons.priority).toContain("kept urgent");
    expect(events[0]).toMatchObject({ type: "llm_answered", keptUrgent: true });
  });

  it("takes urgent from the LLM when the offline model missed it", () => {
    const combined = combineAnswers(unsure, { ...sampleUnderstood(), priority: "urgent", source: "llm" });
    expect(combined.priority).toBe("urgent");
  });
});

describe("falling back to the offline answer", () => {
  it("on a timeout, within the time budget", async () => {
    const { auto, events } = await setUp(unsure, () => ({ kind: "hang" }));
    const started = performance.now();
    const understood = await auto.understand("灯坏了");
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(understood).toEqual({ ...unsure, source: "offline (llm failed: timeout)" });
    expect(events).toEqual([
      expect.objectContaining({ type: "llm_failed", reason: "timeout", code: "LLM.TIMEOUT", attempts: 1 }),
    ]);
  });

  it("on 429 after the retries", async () => {
    const { auto, fake, events } = await setUp(unsure, () => rateLimited(0));
    const understood = await auto.understand("灯坏了");
    expect(fake.requests).toHaveLength(3);
    expect(understood.source).toBe("offline (llm failed: rate_limited)");
    expect(understood.category).toBe("facilities");
    expect(events[0]).toMatchObject({ type: "llm_failed", code: "LLM.RATE_LIMITED", attempts: 3 });
  });

  it("on an answer that breaks the schema, and on malformed JSON", async () => {
    const { auto, events } = await setUp(unsure, (_request, index) =>
      index === 0
        ? { kind: "answer", json: { intent: "close_everything" } }
        : { kind: "answerText", text: "not json" },
    );
    expect((await auto.understand("灯坏了")).source).toBe("offline (llm failed: schema_violation)");
    expect((await auto.understand("灯坏了")).source).toBe("offline (llm failed: malformed_output)");
    expect(events.map((e) => e.type)).toEqual(["llm_failed", "llm_failed"]);
  });

  it("when the LLM takes longer than the budget (retries included)", async () => {
    const slow = new StubUnderstanding(() => new Promise<Understood>(() => {}));
    const events: AutoUnderstandingEvent[] = [];
    const auto = new AutoUnderstanding(
      new StubUnderstanding(() => unsure),
      slow,
      thresholds,
      (e) => events.push(e),
      {
        budgetMs: 50,
      },
    );
    expect((await auto.understand("灯坏了")).source).toBe("offline (llm failed: timeout)");
    expect(events[0]).toMatchObject({ type: "llm_failed", code: "LLM.TIMEOUT" });
  });

  it("never throws: an offline failure uses the LLM; both failing give a report for triage", async () => {
    const broken = new StubUnderstanding(() => {
      throw new Error("model file missing");
    });
    const failing = new StubUnderstanding(() => {
      throw new TypeError("boom");
    });
    const events: AutoUnderstandingEvent[] = [];
    const throwingLog = () => {
      throw new Error("logger down");
    };
    const answering = new StubUnderstanding(() => sampleUnderstood({ source: "llm", intentConfidence: 0.9 }));
    expect(
      (await new AutoUnderstanding(broken, answering, thresholds, throwingLog).understand("灯")).source,
    ).toBe("llm (offline failed)");
    const lost = await new AutoUnderstanding(broken, failing, thresholds, (e) => events.push(e)).understand(
      "灯",
    );
    expect(lost).toMatchObject({ intent: "report", category: null, source: "none (llm failed: failed)" });
    expect(events.map((e) => e.type)).toEqual(["offline_failed", "llm_failed"]);
  });
});
