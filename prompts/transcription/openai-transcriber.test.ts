import { afterEach, describe, expect, it } from "vitest";
import type { TranscriptionRequest } from "../../core/voice/transcriber";
import {
  type FakeTranscriptionHandler,
  type FakeTranscriptionReply,
  type FakeTranscriptionServer,
  sha256Hex,
  startFakeTranscriptionServer,
  transcriptByFile,
} from "./fake-transcription-server";
import {
  createOpenAiTranscriber,
  DEFAULT_TRANSCRIPTION_PROMPT,
  MAX_RETRY_DELAY_MS,
  type OpenAiTranscriberOptions,
  parseRetryAfter,
} from "./openai-transcriber";

const API_KEY = "sk-test-secret-0123456789";
// Not real audio: the client never looks inside, and the bytes include a NUL and 0xFF to catch mangling.
const AUDIO = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0x00, 0xff, 0x10, 0x80, 0x7f, 0x01]);
const voiceNote: TranscriptionRequest = { audio: AUDIO, fileName: "voice.ogg", mime: "audio/ogg" };

let fake: FakeTranscriptionServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function setUp(handler: FakeTranscriptionHandler, options: Partial<OpenAiTranscriberOptions> = {}) {
  const server = await startFakeTranscriptionServer(handler);
  fake = server;
  const delays: number[] = [];
  const transcriber = createOpenAiTranscriber({
    baseUrl: server.baseUrl,
    apiKey: API_KEY,
    model: "whisper-1",
    timeoutMs: 1_000,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  return { transcriber, fake: server, delays };
}

/** Replies in order, then repeats the last one. */
const inOrder =
  (...replies: FakeTranscriptionReply[]): FakeTranscriptionHandler =>
  (_request, index) =>
    replies[Math.min(index, replies.length - 1)]!;

const said = (text: string): FakeTranscriptionReply => ({ kind: "text", text });

describe("createOpenAiTranscriber against a fake transcription server", () => {
  it("uploads the audio as multipart with the model, language and prompt, and trims the text", async () => {
    const { transcriber, fake } = await setUp(() => said("  3栋2单元楼道灯坏了三天了 \n"));
    const result = await transcriber.transcribe(voiceNote);
    expect(result).toEqual({ ok: true, value: { text: "3栋2单元楼道灯坏了三天了", model: "whisper-1" } });
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.path).toBe("/v1/audio/transcriptions");
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.fields).toEqual({
      model: "whisper-1",
      language: "zh",
      response_format: "json",
      prompt: DEFAULT_TRANSCRIPTION_PROMPT,
    });
    expect(request.fileName).toBe("voice.ogg");
    expect(request.fileMime).toBe("audio/ogg");
    expect(request.fileBytes).toBe(AUDIO.length);
    expect(request.fileSha256).toBe(sha256Hex(AUDIO));
    expect(transcriber.name).toBe(`openai-compatible:whisper-1@${new URL(fake.baseUrl).host}`);
  });

  it("sends no Authorization without a key, tolerates a trailing slash, honours the request's language", async () => {
    const server = await startFakeTranscriptionServer(() => said("hello"));
    fake = server;
    const transcriber = createOpenAiTranscriber({
      baseUrl: `${server.baseUrl}/`,
      apiKey: "",
      model: "Systran/faster-whisper-small",
      prompt: "",
    });
    const result = await transcriber.transcribe({ ...voiceNote, language: "en" });
    expect(result).toEqual({ ok: true, value: { text: "hello", model: "Systran/faster-whisper-small" } });
    const request = server.requests[0]!;
    expect(request.headers.authorization).toBeUndefined();
    expect(request.fields.language).toBe("en");
    expect(request.fields.prompt).toBeUndefined();
  });

  it("answers fixture files by their hash with transcriptByFile", async () => {
    const other = new Uint8Array([9, 8, 7]);
    const { transcriber } = await setUp(
      transcriptByFile({ [sha256Hex(AUDIO)]: "路灯不亮", [sha256Hex(other)]: "电梯坏了" }),
    );
    expect(await transcriber.transcribe(voiceNote)).toMatchObject({ ok: true, value: { text: "路灯不亮" } });
    expect(await transcriber.transcribe({ ...voiceNote, audio: other })).toMatchObject({
      ok: true,
      value: { text: "电梯坏了" },
    });
    const unknown = await transcriber.transcribe({ ...voiceNote, audio: new Uint8Array([1]) });
    expect(unknown).toMatchObject({ ok: false, code: "TRANSCRIBE.REJECTED" });
  });

  it("accepts a text/plain transcript", async () => {
    const { transcriber } = await setUp(() => ({
      kind: "raw",
      contentType: "text/plain; charset=utf-8",
      body: "下水道堵了\n",
    }));
    expect(await transcriber.transcribe(voiceNote)).toEqual({
      ok: true,
      value: { text: "下水道堵了", model: "whisper-1" },
    });
  });

  it("fails with EMPTY on a blank transcript, without retrying", async () => {
    const { transcriber, fake } = await setUp(() => said("  \n "));
    expect(await transcriber.transcribe(voiceNote)).toMatchObject({ ok: false, code: "TRANSCRIBE.EMPTY" });
    expect(fake.requests).toHaveLength(1);
  });

  it("fails with REJECTED on a 400, with the server's message, once, and never leaks the key", async () => {
    const { transcriber, fake } = await setUp(() => ({
      kind: "status",
      status: 400,
      body: { error: { message: `Invalid file format (key ${API_KEY})`, type: "invalid_request_error" } },
    }));
    const result = await transcriber.transcribe(voiceNote);
    expect(result).toEqual({
      ok: false,
      code: "TRANSCRIBE.REJECTED",
      detail: { status: 400, message: "Invalid file format (key [redacted])" },
    });
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    expect(fake.requests).toHaveLength(1);
  });

  it("reads a FastAPI-style { detail } error message", async () => {
    const { transcriber } = await setUp(() => ({
      kind: "status",
      status: 422,
      body: { detail: "Invalid audio" },
    }));
    expect(await transcriber.transcribe(voiceNote)).toMatchObject({
      code: "TRANSCRIBE.REJECTED",
      detail: { status: 422, message: "Invalid audio" },
    });
  });

  it("retries a 500 and succeeds on the second attempt", async () => {
    const { transcriber, fake, delays } = await setUp(inOrder({ kind: "status", status: 500 }, said("好")), {
      backoffMs: 100,
    });
    expect(await transcriber.transcribe(voiceNote)).toMatchObject({ ok: true, value: { text: "好" } });
    expect(fake.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
  });

  it("waits as Retry-After says on a 429, then succeeds", async () => {
    const rateLimited: FakeTranscriptionReply = {
      kind: "status",
      status: 429,
      headers: { "retry-after": "1" },
      body: { error: { message: "Rate limit reached" } },
    };
    const { transcriber, fake, delays } = await setUp(inOrder(rateLimited, said("好")));
    expect(await transcriber.transcribe(voiceNote)).toMatchObject({ ok: true });
    expect(delays).toEqual([1_000]);
    expect(fake.requests).toHaveLength(2);
  });

  it("caps a long Retry-After", async () => {
    const { transcriber, delays } = await setUp(
      inOrder({ kind: "status", status: 503, headers: { "retry-after": "3600" } }, said("好")),
    );
    expect(await transcriber.transcribe(voiceNote)).toMatchObject({ ok: true });
    expect(delays).toEqual([MAX_RETRY_DELAY_MS]);
  });

  it("gives up with UNAVAILABLE after retries + 1 attempts of a persistent 503, backing off exponentially", async () => {
    const { transcriber, fake, delays } = await setUp(() => ({ kind: "status", status: 503 }), {
      retries: 2,
      backoffMs: 100,
    });
    expect(await transcriber.transcribe(voiceNote)).toEqual({
      ok: false,
      code: "TRANSCRIBE.UNAVAILABLE",
      detail: { reason: "http_status", status: 503, attempts: 3 },
    });
    expect(fake.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);
  });

  it("times out a hanging server", async () => {
    const { transcriber, fake } = await setUp(() => ({ kind: "hang" }), { timeoutMs: 200, retries: 0 });
    const started = performance.now();
    expect(await transcriber.transcribe(voiceNote)).toEqual({
      ok: false,
      code: "TRANSCRIBE.UNAVAILABLE",
      detail: { reason: "timeout", attempts: 1 },
    });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(1);
  });

  it("reports a refused connection as UNAVAILABLE after retrying", async () => {
    const { transcriber, fake, delays } = await setUp(() => said("never"), { retries: 1 });
    await fake.close();
    const result = await transcriber.transcribe(voiceNote);
    expect(result).toEqual({
      ok: false,
      code: "TRANSCRIBE.UNAVAILABLE",
      detail: { reason: "network", cause: "ECONNREFUSED", attempts: 2 },
    });
    expect(delays).toHaveLength(1);
  });

  it("treats malformed or off-schema JSON in a 200 as a server fault: retried, then UNAVAILABLE", async () => {
    for (const body of ['{"text": "灯坏', '{"transcript": "灯坏了"}']) {
      const { transcriber, fake } = await setUp(
        () => ({ kind: "raw", contentType: "application/json", body }),
        { retries: 1 },
      );
      expect(await transcriber.transcribe(voiceNote), body).toEqual({
        ok: false,
        code: "TRANSCRIBE.UNAVAILABLE",
        detail: { reason: "malformed_response", status: 200, attempts: 2 },
      });
      expect(fake.requests).toHaveLength(2);
      await fake.close();
    }
  });

  it("never throws, even when fetch itself throws", async () => {
    const transcriber = createOpenAiTranscriber({
      baseUrl: "http://127.0.0.1:9/v1",
      model: "whisper-1",
      retries: 0,
      fetch: () => {
        throw new Error("boom");
      },
    });
    expect(await transcriber.transcribe(voiceNote)).toMatchObject({
      ok: false,
      code: "TRANSCRIBE.UNAVAILABLE",
      detail: { reason: "network", attempts: 1 },
    });
  });
});

describe("createOpenAiTranscriber options", () => {
  const valid: OpenAiTranscriberOptions = { baseUrl: "https://api.openai.com/v1", model: "whisper-1" };

  it.each([
    ["a baseUrl that is not a URL", { baseUrl: "api.openai.com" }, /baseUrl/],
    ["a non-http baseUrl", { baseUrl: "ftp://example.com/v1" }, /baseUrl/],
    ["an empty model", { model: " " }, /model/],
    ["a language that is not ISO-639-1", { language: "chinese" }, /language/],
    ["a negative retry count", { retries: -1 }, /retries/],
    ["a zero timeout", { timeoutMs: 0 }, /timeoutMs/],
    ["a fractional backoff", { backoffMs: 1.5 }, /backoffMs/],
  ] as const)("throws at construction on %s", (_label, override, field) => {
    const build = () => createOpenAiTranscriber({ ...valid, apiKey: API_KEY, ...override });
    expect(build).toThrow(/Invalid OpenAI transcriber options/);
    expect(build).toThrow(field);
    expect(build).not.toThrow(new RegExp(API_KEY));
  });

  it("accepts the minimal options", () => {
    expect(createOpenAiTranscriber(valid).name).toBe("openai-compatible:whisper-1@api.openai.com");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and ignores nonsense", () => {
    expect(parseRetryAfter("2")).toBe(2_000);
    expect(parseRetryAfter("0.5")).toBe(500);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTenSeconds)).toBeGreaterThan(8_000);
    expect(parseRetryAfter(inTenSeconds)).toBeLessThanOrEqual(10_000);
  });
});
