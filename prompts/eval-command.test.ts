import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUnderstanding } from "./create-understanding";
import { parseEvalArguments, runEvalCommand } from "./eval-command";
import { startFakeOpenAi } from "./llm-fake-openai-server";
import { saveModel } from "./offline-model/model-file";
import { SMALL_CORPUS } from "./offline-model/small-corpus-fixture";
import { trainOfflineModel } from "./offline-model/train-offline-model";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "egrid-eval-"));
  await saveModel(await trainOfflineModel({ corpus: SMALL_CORPUS }), path.join(dir, "small-model.json"));
  const lines = [
    JSON.stringify({ text: "9栋楼道灯坏了", category: "lighting", priority: "normal" }),
    JSON.stringify({ text: "电梯里困人了", category: "elevator", priority: "urgent", intent: "report" }),
    "this is not json",
    JSON.stringify({ text: "积分查询", intent: "points_balance" }),
    JSON.stringify({ text: "no label at all" }),
  ];
  await writeFile(path.join(dir, "data.jsonl"), `${lines.join("\n")}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvalCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, dir);
  return { code, out, err };
}

describe("npm run eval", () => {
  it("evaluates a file with the model given, reporting bad lines by number", async () => {
    const { code, out } = await run(["--data", "data.jsonl", "--model", "small-model.json"]);
    expect(code).toBe(0);
    expect(out.some((l) => l.startsWith("line 3: skipped: not JSON"))).toBe(true);
    expect(out.some((l) => l.startsWith("line 5: skipped:"))).toBe(true);
    const closing = out.slice(-3);
    expect(closing[0]).toMatch(/^category accuracy=\d\.\d{3} macro_f1=\d\.\d{3} n=2$/);
    expect(closing[1]).toMatch(/^intent accuracy=\d\.\d{3} macro_f1=\d\.\d{3} n=2$/);
    expect(closing[2]).toMatch(/^priority accuracy=\d\.\d{3} urgent_recall=1\.000 n=2$/);
  });

  it("explains its usage", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["--data"])).err[0]).toContain("--data needs a value");
    expect((await run(["--data", "x", "--mode", "magic"])).err[0]).toContain("--mode must be one of");
    expect((await run(["--data", "missing.jsonl", "--model", "small-model.json"])).code).toBe(2);
  });

  it("parses arguments, defaulting to the offline model under data/model", () => {
    expect(parseEvalArguments(["--data", "d.jsonl"])).toEqual({
      data: "d.jsonl",
      mode: "offline",
      model: path.join("data", "model", "offline-model.json"),
      modelChosen: false,
    });
  });
});

describe("createUnderstanding", () => {
  it("refuses the LLM modes without a server, saying what to set", async () => {
    const options = { modelFile: path.join(dir, "small-model.json") };
    await expect(createUnderstanding("llm", options)).rejects.toThrow(
      /needs an OpenAI-compatible server: set OPENAI_API_KEY/,
    );
    await expect(createUnderstanding("auto", options)).rejects.toThrow(/mode auto needs/);
  });

  it("in llm mode asks the server every time; when it fails, the offline answer stands", async () => {
    const server = await startFakeOpenAi(() => ({
      kind: "status",
      status: 500,
      body: { error: { message: "down" } },
    }));
    try {
      const events: string[] = [];
      const understanding = await createUnderstanding("llm", {
        modelFile: path.join(dir, "small-model.json"),
        llm: { apiKey: "k", model: "m", baseURL: server.baseURL, maxRetries: 0, timeoutMs: 2000 },
        log: (event) => events.push(event.type),
      });
      const answer = await understanding.understand("楼道灯坏了");
      expect(server.requests.length).toBe(1);
      expect(answer.source).toMatch(/^offline \(llm failed/);
      expect(events).toEqual(["llm_failed"]);
    } finally {
      await server.close();
    }
  });
});
