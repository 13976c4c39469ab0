import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { transcribePending } from "../bot/conversation/transcribe-pending";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import {
  type FakeTranscriptionServer,
  sha256Hex,
  startFakeTranscriptionServer,
  transcriptByFile,
} from "../prompts/transcription/fake-transcription-server";
import { runCli } from "./cli";
import { findButton, startHarness } from "./testing/egrid-harness";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "voice");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const LIGHT = fixture("light-broken.ogg");

const understanding = new ScriptedUnderstanding([
  { when: /灯/, intent: "report", category: "lighting" },
  { when: /下水道|堵/, intent: "report", category: "drainage" },
]);

const GROUP = "grid-chunhui-1";
const WORKER = "p-chunhui-1-worker";
const WORKER_DM = `dm-${WORKER}`;

let harness: Awaited<ReturnType<typeof startHarness>> | undefined;
let transcription: FakeTranscriptionServer | undefined;
afterEach(async () => {
  await harness?.close();
  await transcription?.close();
  harness = undefined;
  transcription = undefined;
});

async function ticketsOf(h: NonNullable<typeof harness>) {
  return h.running.egrid.db.prisma.ticket.findMany({ orderBy: { number: "asc" } });
}

describe("voice notes in the playground, with no transcriber (the offline default)", () => {
  it("keeps the audio, files it in triage, and the grid worker types it and picks the category", async () => {
    harness = await startHarness(understanding);
    const { status, json } = await harness.sayVoice(GROUP, "p-res-wang", LIGHT);
    expect(status).toBe(200);
    const ack = json.replies.find((r) => r.chatId === GROUP)!;
    expect(ack.text).toMatch(/收到您的语音（\d+秒），已登记为 2026-000001/);
    const toWorker = json.replies.find((r) => r.chatId === WORKER_DM)!;
    expect(toWorker.text).toMatch(/语音报事 2026-000001/);
    expect(toWorker.audio?.ref).toMatch(/^audio:[0-9a-f]{64}\.ogg$/);
    // The audio is stored as received, and the worker's player can fetch it.
    const played = await fetch(`${harness.url}/api/playground/audio/${toWorker.audio!.ref}`);
    expect(played.headers.get("content-type")).toBe("audio/ogg");
    expect(sha256Hex(new Uint8Array(await played.arrayBuffer()))).toBe(sha256Hex(LIGHT));

    const [filed] = await ticketsOf(harness);
    expect(filed).toMatchObject({ state: "triage", categoryCode: null, originalText: "" });
    expect(JSON.parse(filed!.media)).toEqual([
      { kind: "voice", ref: toWorker.audio!.ref, mime: "audio/ogg" },
    ]);

    const asked = await harness.send(WORKER_DM, WORKER, { button: findButton([toWorker], /输入内容/) });
    expect(asked[0]!.text).toMatch(/请输入您在 2026-000001 语音里听到的内容/);
    const typed = await harness.send(WORKER_DM, WORKER, "3栋楼道里的灯坏了三天了");
    expect(typed.map((r) => r.text).join("\n")).toMatch(/已记录 2026-000001/);
    const triaged = await harness.send(WORKER_DM, WORKER, { button: findButton(typed, "照明") });
    expect(triaged.find((r) => r.chatId === WORKER_DM && /已分类/.test(r.text))?.text).toMatch(
      /2026-000001 已分类为“照明”，已派给 李网格员/,
    );

    const prisma = harness.running.egrid.db.prisma;
    const [ticket] = await ticketsOf(harness);
    expect(ticket).toMatchObject({
      state: "dispatched",
      categoryCode: "lighting",
      originalText: "3栋楼道里的灯坏了三天了",
    });
    expect(JSON.parse(ticket!.media)[0].kind).toBe("voice");
    const events = await prisma.ticketEvent.findMany({
      where: { ticketId: ticket!.id },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["created", "transcribed", "dispatched"]),
    );
    const note = await prisma.voiceNote.findFirstOrThrow();
    expect(note).toMatchObject({
      state: "typed",
      transcribedBy: WORKER,
      ticketId: ticket!.id,
      format: "ogg-opus",
    });
    expect(note.durationMs).toBeGreaterThan(1000);
    const learned = await prisma.trainingExample.findMany();
    expect(learned).toEqual([
      expect.objectContaining({
        text: "3栋楼道里的灯坏了三天了",
        category: "lighting",
        source: "voice-note",
      }),
    ]);
  });

  it("a resident cannot use the worker's buttons", async () => {
    harness = await startHarness(understanding);
    const { json } = await harness.sayVoice(GROUP, "p-res-wang", LIGHT);
    const toWorker = json.replies.find((r) => r.chatId === WORKER_DM)!;
    const tried = await harness.send("dm-p-res-wang", "p-res-wang", {
      button: findButton([toWorker], /选择分类/),
    });
    expect(tried[0]!.text).toMatch(/没有权限/);
  });

  it("refuses empty, non-audio, corrupt, oversized and over-long files in words, and files nothing", async () => {
    harness = await startHarness(understanding, {
      env: { VOICE_MAX_BYTES: "20000", VOICE_MAX_SECONDS: "60" },
    });
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /语音是空的/],
      [fixture("not-audio.png"), /不是语音/],
      [fixture("corrupt.ogg"), /打不开/],
      [new Uint8Array(30_000).fill(7), /太大/],
    ];
    for (const [bytes, expected] of cases) {
      const { status, json } = await harness.sayVoice(GROUP, "p-res-wang", bytes);
      expect(status).toBe(200);
      expect(json.replies.map((r) => r.text).join("\n")).toMatch(expected);
    }
    expect(await ticketsOf(harness)).toEqual([]);
    const inbox = await harness.running.egrid.db.prisma.inboxMessage.findMany();
    expect(inbox.map((m) => m.outcome).sort()).toEqual([
      "voice_refused_VOICE.CORRUPT",
      "voice_refused_VOICE.EMPTY",
      "voice_refused_VOICE.NOT_AUDIO",
      "voice_refused_VOICE.TOO_LARGE",
    ]);
  });

  it("refuses a note longer than the limit, but keeps its audio", async () => {
    harness = await startHarness(understanding, { env: { VOICE_MAX_SECONDS: "1" } });
    const { json } = await harness.sayVoice(GROUP, "p-res-wang", LIGHT);
    expect(json.replies[0]!.text).toMatch(/太长/);
    const note = await harness.running.egrid.db.prisma.voiceNote.findFirstOrThrow();
    expect(note).toMatchObject({ state: "refused", lastError: "VOICE.TOO_LONG", ticketId: null });
  });

  it("answers a bad upload with a clear message in both languages", async () => {
    harness = await startHarness(understanding);
    const form = new FormData();
    form.set("chatId", GROUP);
    const response = await fetch(`${harness.url}/api/playground/voice`, { method: "POST", body: form });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string; messageEn: string };
    expect(body.message).toMatch(/请求有误/);
    expect(body.messageEn).toMatch(/userId/);
    const json = await fetch(`${harness.url}/api/playground/voice`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(400);
  });
});

describe("voice notes with an OpenAI-compatible transcriber (a fake over HTTP)", () => {
  it("echoes the words and files them like typed text, keeping audio and transcript", async () => {
    transcription = await startFakeTranscriptionServer(
      transcriptByFile({ [sha256Hex(LIGHT)]: "3号楼楼道里的灯坏了三天了" }),
    );
    harness = await startHarness(understanding, { env: { TRANSCRIBE_BASE_URL: transcription.baseUrl } });
    const { json } = await harness.sayVoice(GROUP, "p-res-wang", LIGHT);
    const texts = json.replies.filter((r) => r.chatId === GROUP).map((r) => r.text);
    expect(texts[0]).toBe("🎤 我听到的是：“3号楼楼道里的灯坏了三天了”");
    expect(texts[1]).toMatch(/已受理，编号 2026-000001（照明）/);
    expect(transcription.requests[0]).toMatchObject({
      fileName: "voice.ogg",
      fields: expect.objectContaining({ language: "zh" }),
    });
    const [ticket] = await ticketsOf(harness);
    expect(ticket).toMatchObject({ state: "dispatched", originalText: "3号楼楼道里的灯坏了三天了" });
    expect(JSON.parse(ticket!.media)[0]).toMatchObject({ kind: "voice" });
    const note = await harness.running.egrid.db.prisma.voiceNote.findFirstOrThrow();
    expect(note).toMatchObject({
      state: "transcribed",
      ticketId: ticket!.id,
      transcript: "3号楼楼道里的灯坏了三天了",
    });
  });

  it("a transcriber that times out: filed untranscribed at once, then `transcribe --pending` finishes it", async () => {
    let hang = true;
    transcription = await startFakeTranscriptionServer((request) =>
      hang ? { kind: "hang" } : transcriptByFile({ [sha256Hex(LIGHT)]: "楼道的灯坏了" })(request, 0),
    );
    harness = await startHarness(understanding, {
      env: {
        TRANSCRIBE_BASE_URL: transcription.baseUrl,
        TRANSCRIBE_TIMEOUT_MS: "300",
        TRANSCRIBE_RETRIES: "0",
      },
    });
    const { json } = await harness.sayVoice(GROUP, "p-res-wang", LIGHT);
    expect(json.replies.find((r) => r.chatId === GROUP)?.text).toMatch(/已登记为 2026-000001/);
    expect(json.replies.find((r) => r.chatId === WORKER_DM)?.text).toMatch(/暂时无法自动识别/);
    const prisma = harness.running.egrid.db.prisma;
    expect(await prisma.voiceNote.findFirstOrThrow()).toMatchObject({
      state: "pending",
      attempts: 1,
      lastError: "TRANSCRIBE.UNAVAILABLE",
    });

    hang = false;
    const report = await transcribePending(harness.running.runtime.deps, { maxAttempts: 5 });
    expect(report).toEqual({ tried: 1, transcribed: 1, dispatched: 1, failed: 0 });
    const [ticket] = await ticketsOf(harness);
    expect(ticket).toMatchObject({
      state: "dispatched",
      categoryCode: "lighting",
      originalText: "楼道的灯坏了",
    });
    const queued = await prisma.outboxMessage.findMany({ where: { chatId: WORKER_DM } });
    expect(queued.map((m) => JSON.parse(m.payload).text).join("\n")).toMatch(/已自动识别：“楼道的灯坏了”/);
    // Nothing left to do: a second run tries nothing.
    expect((await transcribePending(harness.running.runtime.deps, { maxAttempts: 5 })).tried).toBe(0);
  });

  it("`egrid transcribe --pending` from the command line, once a transcriber is configured", async () => {
    harness = await startHarness(understanding);
    await harness.sayVoice(GROUP, "p-res-wang", LIGHT);
    const { dir, database } = harness;
    await harness.close({ keepFiles: true });
    const env = {
      DATABASE_URL: database.url,
      AUDIO_DIR: path.join(dir, "audio"),
      MODEL_FILE: path.join(dir, "model.json"),
      LOG_LEVEL: "silent",
    };
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await runCli(["transcribe", "--pending"], env, io)).toBe(1);
    expect(err.at(-1)).toMatch(/TRANSCRIBE_BASE_URL/);
    transcription = await startFakeTranscriptionServer(
      transcriptByFile({ [sha256Hex(LIGHT)]: "三号楼楼道里的路灯坏了三天了，晚上一片漆黑" }),
    );
    const code = await runCli(
      ["transcribe", "--pending"],
      { ...env, TRANSCRIBE_BASE_URL: transcription.baseUrl },
      io,
    );
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^voice notes tried=1 transcribed=1 dispatched=[01] failed=0$/);
    harness = await startHarness(understanding, { dir, database });
    const [ticket] = await ticketsOf(harness);
    expect(ticket?.originalText).toBe("三号楼楼道里的路灯坏了三天了，晚上一片漆黑");
  }, 60_000);
});
