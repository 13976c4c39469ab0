import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../../core/categories/default-categories";
import type { TrainingExample } from "../../core/understanding/training-examples";
import { ensureOfflineModel } from "./ensure-offline-model";
import { loadModel, saveModel } from "./model-file";
import { OfflineClassifier } from "./offline-classifier";
import type { OfflineModel } from "./offline-model";
import { OfflineUnderstanding } from "./offline-understanding";
import { SMALL_CORPUS } from "./small-corpus-fixture";
import { trainOfflineModel } from "./train-offline-model";

const PROBES = ["7栋楼道灯坏了", "电梯困人了", "楼下狗叫", "我的积分多少", "我报的事怎么样了", "谢谢啦", ""];

let dir: string;
let model: OfflineModel;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "egrid-offline-"));
  model = await trainOfflineModel({ corpus: SMALL_CORPUS });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const answers = async (m: OfflineModel) => {
  const understanding = new OfflineUnderstanding(m);
  return Promise.all(PROBES.map((text) => understanding.understand(text)));
};

describe("training on a small fixed corpus", () => {
  it("is deterministic: the same data gives the same weights and answers", async () => {
    const again = await trainOfflineModel({ corpus: SMALL_CORPUS });
    expect(Array.from(again.category.weights)).toEqual(Array.from(model.category.weights));
    expect(again.urgentThreshold).toBe(model.urgentThreshold);
    expect(await answers(again)).toEqual(await answers(model));
  });

  it("learns the obvious cases", async () => {
    const understanding = new OfflineUnderstanding(model);
    const light = await understanding.understand("7栋楼道灯坏了");
    expect(light.intent).toBe("report");
    expect(light.category).toBe("lighting");
    expect(light.reasons.category).toMatch(/^category lighting \((0\.\d\d|1\.00)\): \S/);
    expect(light.place.building).toBe("7");
    expect((await understanding.understand("我的积分多少")).intent).toBe("points_balance");
  });

  it("gives calibrated probabilities: each head in [0,1], summing to 1", () => {
    const classifier = new OfflineClassifier(model);
    for (const text of PROBES) {
      const result = classifier.classify(text);
      for (const head of [result.intent, result.category, result.priority]) {
        for (const r of head.ranked) expect(r.confidence).toBeGreaterThanOrEqual(0);
        for (const r of head.ranked) expect(r.confidence).toBeLessThanOrEqual(1);
        expect(head.ranked.reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 6);
      }
    }
  });

  it("fits a positive temperature per head and records validation figures", () => {
    for (const head of [model.intent, model.category, model.priority])
      expect(head.temperature).toBeGreaterThan(0);
    expect(model.summary.corpusLines).toBe(SMALL_CORPUS.lines.length);
    expect(model.summary.category.validationLines).toBeGreaterThan(0);
  });

  it("weighs learned examples in: a taught phrase changes the answer", async () => {
    const text = "楼道灯上有一窝燕子";
    const before = await new OfflineUnderstanding(model).understand(text);
    const examples: TrainingExample[] = [1, 2, 3].map((i) => ({
      id: `e${i}`,
      text: i === 1 ? text : `${text}，${i}号楼`,
      intent: "report",
      category: "animals",
      priority: "normal",
      source: "reclassified",
      createdAt: new Date(0),
    }));
    const taught = await trainOfflineModel({ corpus: SMALL_CORPUS, examples });
    const after = await new OfflineUnderstanding(taught).understand(text);
    expect(before.category).toBe("lighting");
    expect(taught.summary.exampleLines).toBe(3);
    expect(after.category).toBe("animals");
  });
});

describe("OfflineUnderstanding", () => {
  it("gives no category for a non-report intent, but keeps alternatives", async () => {
    const answer = await new OfflineUnderstanding(model).understand("我的积分多少");
    expect(answer.category).toBeNull();
    expect(answer.categoryConfidence).toBe(0);
    expect(answer.categoryAlternatives.length).toBeGreaterThan(0);
    expect(answer.source).toBe("offline");
  });

  it("answers only codes it knows, and only active ones", async () => {
    const understanding = new OfflineUnderstanding(model);
    const renamed = [
      { code: "street_lamps", nameZh: "路灯", nameEn: "Lamps", descriptionZh: "", descriptionEn: "" },
    ];
    const none = await understanding.understand("7栋楼道灯坏了", { categories: renamed });
    expect(none.category).toBeNull();
    expect(none.categoryAlternatives).toEqual([]);
    const active = DEFAULT_CATEGORIES.filter((c) => c.code !== "lighting");
    const restricted = await understanding.understand("7栋楼道灯坏了", { categories: active });
    expect(restricted.category).not.toBe("lighting");
    expect(restricted.categoryAlternatives.every((a) => a.code !== "lighting")).toBe(true);
  });

  it("raises priority to urgent on a danger cue, whatever the priority head says", async () => {
    const answer = await new OfflineUnderstanding(model).understand("楼道里好大的煤气味");
    expect(answer.priority).toBe("urgent");
    expect(answer.reasons.priority).toContain("safety net: gas smell");
  });
});

describe("model file", () => {
  it("round-trips: a saved and loaded model answers exactly the same", async () => {
    const file = path.join(dir, "model.json");
    await saveModel(model, file);
    const loaded = await loadModel(file);
    expect(Array.from(loaded.priority.weights)).toEqual(Array.from(model.priority.weights));
    expect(await answers(loaded)).toEqual(await answers(model));
  });

  it("rejects a file that is not a model", async () => {
    const file = path.join(dir, "broken.json");
    await writeFile(file, JSON.stringify({ format: "something else" }));
    await expect(loadModel(file)).rejects.toThrow(/not an offline model/);
  });

  it("rejects a file cut short or with bytes after the weights, and a version 3 file (weights inside the JSON)", async () => {
    const file = path.join(dir, "model.json");
    await saveModel(model, file);
    const bytes = await readFile(file);
    const cut = path.join(dir, "cut.json");
    await writeFile(cut, bytes.subarray(0, bytes.length - 4));
    await expect(loadModel(cut)).rejects.toThrow(/priority: the file ends before its/);
    await writeFile(cut, Buffer.concat([bytes, Buffer.from("x")]));
    await expect(loadModel(cut)).rejects.toThrow(/1 bytes after the last number/);
    const header = JSON.parse(bytes.toString("utf8", 0, bytes.indexOf("\n")));
    await writeFile(cut, JSON.stringify({ ...header, version: 3, idf: "AAAA" }));
    await expect(loadModel(cut)).rejects.toThrow(/not an offline model/);
  });
});

describe("ensureOfflineModel", () => {
  const corpusDir = () => path.join(dir, "corpus");
  const writeCorpus = async (extra = "") => {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(corpusDir(), { recursive: true });
    const lines = SMALL_CORPUS.lines.map((l) =>
      JSON.stringify({
        text: l.text,
        intent: l.intent,
        ...(l.category ? { category: l.category } : {}),
        ...(l.priority ? { priority: l.priority } : {}),
      }),
    );
    await writeFile(path.join(corpusDir(), "small.jsonl"), `${lines.join("\n")}\n${extra}`);
  };

  it("trains when the file is missing, loads it after, retrains when data changes or the file is broken", async () => {
    await writeCorpus();
    const file = path.join(dir, "ensured", "offline-model.json");
    const reasons: string[] = [];
    const options = { corpusDir: corpusDir(), onTrain: (r: string) => reasons.push(r) };
    expect((await ensureOfflineModel(file, options)).trainedBecause).toBe("no model file");
    expect((await ensureOfflineModel(file, options)).trainedBecause).toBeNull();
    await writeCorpus(`${JSON.stringify({ text: "路灯坏了", intent: "report", category: "lighting" })}\n`);
    expect((await ensureOfflineModel(file, { ...options, whenStale: "keep" })).trainedBecause).toBeNull();
    expect((await ensureOfflineModel(file, options)).trainedBecause).toBe("training data or options changed");
    await writeFile(file, "{ not json");
    expect((await ensureOfflineModel(file, options)).trainedBecause).toMatch(/^model file unreadable/);
    expect(reasons).toHaveLength(3);
  });
});
