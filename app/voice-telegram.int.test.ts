// Voice notes over Telegram, end to end against the fake Bot API: a resident's voice message is
// fetched (getFile + download), kept under AUDIO_DIR, filed, and played to the grid worker.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TelegramChannel } from "../bot/channels/telegram-channel";
import { startFakeTelegramApi } from "../bot/channels/testing/fake-telegram-api";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { FileAudioStore } from "../db/files/file-audio-store";
import {
  type FakeTranscriptionServer,
  sha256Hex,
  startFakeTranscriptionServer,
  transcriptByFile,
} from "../prompts/transcription/fake-transcription-server";
import { createLogger } from "./logger";
import { startHarness, until } from "./testing/egrid-harness";

const TOKEN = "123:test-token";
const GROUP = -1001234;
const WANG = 5001;
const WORKER = 7001;
const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "voice");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const LIGHT = fixture("light-broken.ogg");
const LIGHT_M4A = fixture("light-broken.m4a");
const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function setup(env: Record<string, string> = {}) {
  const api = await startFakeTelegramApi(TOKEN);
  cleanup.push(() => api.close());
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-voice-telegram-"));
  const channel = new TelegramChannel({
    token: TOKEN,
    apiRoot: api.apiRoot,
    readMedia: (ref) => new FileAudioStore(path.join(dir, "audio")).get(ref),
    logger: createLogger("silent"),
  });
  const harness = await startHarness(understanding, { channels: [channel], env, dir });
  cleanup.push(() => harness.close());
  const prisma = harness.running.egrid.db.prisma;
  // The group is bound to Chunhui grid 1; the worker and a resident use Telegram.
  await prisma.groupChat.create({
    data: { channel: "telegram", chatId: String(GROUP), placeId: "g-chunhui-1", title: "春晖1网格" },
  });
  await prisma.chatIdentity.create({
    data: {
      channel: "telegram",
      externalId: String(WANG),
      personId: "p-res-wang",
      lastSeenAt: harness.clock.now(),
    },
  });
  await prisma.chatIdentity.create({
    data: {
      channel: "telegram",
      externalId: String(WORKER),
      personId: "p-chunhui-1-worker",
      lastSeenAt: harness.clock.now(),
    },
  });
  return { api, harness, prisma, dir };
}

/** A resident's message in the group carrying a voice note (`voice`) or an audio file (`audio`). */
function groupVoice(
  messageId: number,
  kind: "voice" | "audio",
  file: { fileId: string; duration: number; mime: string; size: number; name?: string },
) {
  return {
    message: {
      message_id: messageId,
      date: 1_800_000_000,
      chat: { id: GROUP, type: "supergroup", title: "春晖小区第1网格群" },
      from: { id: WANG, is_bot: false, first_name: "王", language_code: "zh-hans" },
      [kind]: {
        file_id: file.fileId,
        file_unique_id: `u-${file.fileId}`,
        duration: file.duration,
        mime_type: file.mime,
        file_size: file.size,
        ...(file.name ? { file_name: file.name } : {}),
      },
    },
  };
}

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

/** The bot's texts to a chat: sendMessage text and captions of voice notes and documents. */
function textsTo(api: Awaited<ReturnType<typeof startFakeTelegramApi>>, chatId: number): string[] {
  return api.calls
    .filter((c) => String(c.body.chat_id) === String(chatId))
    .map((c) => String(c.body.text ?? c.body.caption ?? ""));
}

describe("voice notes over Telegram (fake Bot API over HTTP)", () => {
  it("a voice message in a bound group is fetched, kept, filed, and played to the grid worker with buttons", async () => {
    const { api, prisma, dir } = await setup();
    api.hostFile("voice-1", LIGHT);
    api.push(
      groupVoice(31, "voice", { fileId: "voice-1", duration: 5, mime: "audio/ogg", size: LIGHT.byteLength }),
    );

    const ack = await until(
      () => api.sent().find((m) => String(m.chat_id) === String(GROUP)),
      "the acknowledgement in the group",
    );
    expect(String(ack.text)).toMatch(/收到您的语音（\d+秒），已登记为 2026-000001/);

    const voice = await until(
      () => api.calls.find((c) => c.method === "sendVoice" && String(c.body.chat_id) === String(WORKER)),
      "the voice note to the worker",
    );
    const uploaded = voice.files.voice;
    expect(uploaded?.name).toMatch(/\.ogg$/);
    expect(sha256Hex(uploaded!.bytes)).toBe(sha256Hex(LIGHT));
    expect(String(voice.body.caption)).toMatch(/语音报事 2026-000001/);
    const keyboard = (voice.body.reply_markup as Keyboard).inline_keyboard;
    expect(keyboard.flat().map((b) => b.text)).toEqual(["✍️ 输入内容", "🏷 选择分类"]);
    const ticket = await prisma.ticket.findFirstOrThrow();
    expect(keyboard.flat().map((b) => b.callback_data)).toEqual([`v:t:${ticket.id}`, `v:c:${ticket.id}`]);
    expect(ticket).toMatchObject({ state: "triage", categoryCode: null });

    const note = await prisma.voiceNote.findFirstOrThrow();
    expect(note).toMatchObject({
      state: "pending",
      channel: "telegram",
      chatId: String(GROUP),
      senderExternalId: String(WANG),
      format: "ogg-opus",
      sha256: sha256Hex(LIGHT),
      ticketId: ticket.id,
    });
    const stored = path.join(dir, "audio", note.sha256.slice(0, 2), `${note.sha256}.ogg`);
    expect(existsSync(stored)).toBe(true);
    expect(sha256Hex(new Uint8Array(readFileSync(stored)))).toBe(sha256Hex(LIGHT));
    expect(api.calls.filter((c) => c.method === "getFile").map((c) => c.body.file_id)).toEqual(["voice-1"]);
  });

  it("an m4a sent as an audio file works too, and reaches the worker as a document", async () => {
    const { api, prisma } = await setup();
    api.hostFile("audio-1", LIGHT_M4A);
    api.push(
      groupVoice(32, "audio", {
        fileId: "audio-1",
        duration: 5,
        mime: "audio/mp4",
        size: LIGHT_M4A.byteLength,
        name: "灯坏了.m4a",
      }),
    );
    await until(
      () => textsTo(api, GROUP).find((t) => /已登记为 2026-000001/.test(t)),
      "the acknowledgement in the group",
    );
    const document = await until(
      () => api.calls.find((c) => c.method === "sendDocument" && String(c.body.chat_id) === String(WORKER)),
      "the audio file to the worker",
    );
    expect(document.files.document?.name).toMatch(/\.m4a$/);
    expect(sha256Hex(document.files.document!.bytes)).toBe(sha256Hex(LIGHT_M4A));
    expect((document.body.reply_markup as Keyboard).inline_keyboard.flat()).toHaveLength(2);
    expect(api.calls.some((c) => c.method === "sendVoice")).toBe(false);
    expect(await prisma.voiceNote.findFirstOrThrow()).toMatchObject({ state: "pending", mime: "audio/mp4" });
  });

  it("a download that fails is refused in words; nothing is filed and the inbox row says why", async () => {
    const { api, prisma } = await setup();
    api.hostFile("voice-gone", null); // getFile answers, the download 404s
    api.push(
      groupVoice(33, "voice", {
        fileId: "voice-gone",
        duration: 5,
        mime: "audio/ogg",
        size: LIGHT.byteLength,
      }),
    );
    const refusal = await until(
      () => api.sent().find((m) => String(m.chat_id) === String(GROUP)),
      "the refusal in the group",
    );
    expect(refusal.text).toBe("这条语音没有收到，请再发一次。");
    const inbox = await until(
      async () => (await prisma.inboxMessage.findFirst({ where: { outcome: { not: null } } })) ?? undefined,
      "the inbox outcome",
    );
    expect(inbox.outcome).toBe("voice_refused_VOICE.FETCH_FAILED");
    expect(await prisma.ticket.count()).toBe(0);
    expect(await prisma.voiceNote.count()).toBe(0);
    expect(api.calls.some((c) => c.method === "sendVoice" || c.method === "sendDocument")).toBe(false);
  });

  it("a declared size over VOICE_MAX_BYTES is refused without downloading anything", async () => {
    const { api, prisma } = await setup({ VOICE_MAX_BYTES: "20000" });
    api.hostFile("voice-big", LIGHT);
    api.push(groupVoice(34, "voice", { fileId: "voice-big", duration: 5, mime: "audio/ogg", size: 30_000 }));
    const refusal = await until(
      () => api.sent().find((m) => String(m.chat_id) === String(GROUP)),
      "the refusal in the group",
    );
    expect(String(refusal.text)).toMatch(/太大/);
    expect(api.calls.some((c) => c.method === "getFile")).toBe(false);
    expect(await prisma.ticket.count()).toBe(0);
    expect(await prisma.voiceNote.count()).toBe(0);
    const inbox = await until(
      async () => (await prisma.inboxMessage.findFirst({ where: { outcome: { not: null } } })) ?? undefined,
      "the inbox outcome",
    );
    expect(inbox.outcome).toBe("voice_refused_VOICE.TOO_LARGE");
  });

  it("with a transcriber, the words are echoed in the group and the ticket is dispatched", async () => {
    const transcription: FakeTranscriptionServer = await startFakeTranscriptionServer(
      transcriptByFile({ [sha256Hex(LIGHT)]: "3号楼楼道里的灯坏了三天了" }),
    );
    cleanup.push(() => transcription.close());
    const { api, prisma } = await setup({ TRANSCRIBE_BASE_URL: transcription.baseUrl });
    api.hostFile("voice-2", LIGHT);
    api.push(
      groupVoice(35, "voice", { fileId: "voice-2", duration: 5, mime: "audio/ogg", size: LIGHT.byteLength }),
    );
    await until(() => textsTo(api, GROUP).length >= 2 && true, "both replies in the group");
    const texts = textsTo(api, GROUP);
    expect(texts[0]).toBe("🎤 我听到的是：“3号楼楼道里的灯坏了三天了”");
    expect(texts[1]).toMatch(/已受理，编号 2026-000001（照明）/);
    expect(transcription.requests[0]).toMatchObject({ fileSha256: sha256Hex(LIGHT), fileName: "voice.ogg" });

    const [ticket] = await prisma.ticket.findMany();
    expect(ticket).toMatchObject({ state: "dispatched", categoryCode: "lighting" });
    expect(ticket!.originalText).toBe("3号楼楼道里的灯坏了三天了");
    expect(await prisma.voiceNote.findFirstOrThrow()).toMatchObject({
      state: "transcribed",
      ticketId: ticket!.id,
      transcript: "3号楼楼道里的灯坏了三天了",
    });
    // The worker gets the ordinary dispatch with the words, not the untranscribed audio to type.
    const dispatch = await until(
      () => api.sent().find((m) => String(m.chat_id) === String(WORKER)),
      "the private dispatch",
    );
    expect(String(dispatch.text)).toContain("3号楼楼道里的灯坏了三天了");
    expect(api.calls.some((c) => c.method === "sendVoice")).toBe(false);
  });
});
