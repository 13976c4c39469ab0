// Voice notes over WeChat, end to end with wechaty-puppet-mock: a resident's voice message in a
// bound room is fetched from the puppet, kept, filed, and sent to the grid worker as a file
// followed by the words with numbered options.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FileBox } from "file-box";
import { afterEach, describe, expect, it } from "vitest";
import { types } from "wechaty";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import { createWechatChannel } from "../bot/channels/wechat-channel";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { FileAudioStore } from "../db/files/file-audio-store";
import { sha256Hex } from "../prompts/transcription/fake-transcription-server";
import { createLogger } from "./logger";
import { startHarness, until } from "./testing/egrid-harness";

type Mocker = InstanceType<typeof mock.Mocker>;
type ContactMock = ReturnType<Mocker["createContact"]>;
type RoomMock = ReturnType<Mocker["createRoom"]>;

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "voice");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const LIGHT = fixture("light-broken.ogg");
const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

interface Heard {
  readonly id: string;
  readonly talkerId: string | undefined;
  readonly type: types.Message;
  readonly text: string | undefined;
}

/** Everything a mock room or contact hears, as plain data. */
function earOn(target: RoomMock | ContactMock): Heard[] {
  const heard: Heard[] = [];
  target.on("message", (message) => {
    heard.push({
      id: message.id,
      talkerId: message.payload.talkerId,
      type: message.payload.type,
      text: message.payload.text,
    });
  });
  return heard;
}

async function setup() {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const bot = mocker.createContact({ name: "网格助手" });
  const resident = mocker.createContact({ name: "王阿姨" });
  const worker = mocker.createContact({ name: "李网格员" });
  const room = mocker.createRoom({ topic: "春晖1网格群", memberIdList: [bot.id, resident.id, worker.id] });
  const workerHears = earOn(worker);
  const roomHears = earOn(room);

  const dir = mkdtempSync(path.join(tmpdir(), "egrid-voice-wechat-"));
  const channel = createWechatChannel({
    puppet: "wechaty-puppet-mock",
    wechaty: puppet,
    logger: createLogger("silent"),
    readMedia: (ref) => new FileAudioStore(path.join(dir, "audio")).get(ref),
  });
  const harness = await startHarness(understanding, { channels: [channel], dir });
  cleanup.push(() => harness.close());
  mocker.login(bot);
  await until(() => channel.selfId() === bot.id, "login");
  const prisma = harness.running.egrid.db.prisma;
  await prisma.groupChat.create({
    data: { channel: "wechat", chatId: room.id, placeId: "g-chunhui-1", title: "春晖1网格群" },
  });
  await prisma.chatIdentity.create({
    data: { channel: "wechat", externalId: resident.id, personId: "p-res-wang" },
  });
  await prisma.chatIdentity.create({
    data: {
      channel: "wechat",
      externalId: worker.id,
      personId: "p-chunhui-1-worker",
      lastSeenAt: harness.clock.now(),
    },
  });

  let voices = 0;
  /**
   * A voice message from `from` in `room`. The mocker types a file as audio only by a media type
   * file-box never infers ("audio/silk"), so it is put together the way ContactMock.say() does it.
   */
  function sayVoice(from: ContactMock, bytes: Uint8Array, name = "voice.ogg"): string {
    voices += 1;
    const id = `voice-${voices}`;
    mocker.cacheFileBoxPayload.set(
      id,
      FileBox.fromBase64(Buffer.from(bytes).toString("base64"), name).toJSON(),
    );
    mocker.MessageMock.create({
      id,
      talkerId: from.id,
      roomId: room.id,
      mentionIdList: [],
      timestamp: Date.now(),
      type: types.Message.Audio,
    });
    puppet.emit("message", { messageId: id });
    return id;
  }

  /** The bytes of a file the bot sent, as the mock puppet keeps them. */
  async function fileOf(messageId: string): Promise<{ name: string; bytes: Uint8Array }> {
    const json = mocker.cacheFileBoxPayload.get(messageId);
    if (!json) throw new Error(`no file for message ${messageId}`);
    const file = FileBox.fromJSON(json);
    return { name: file.name, bytes: new Uint8Array(await file.toBuffer()) };
  }

  return { harness, channel, prisma, bot, resident, worker, room, workerHears, roomHears, sayVoice, fileOf };
}

describe("pictures over WeChat (wechaty-puppet-mock)", () => {
  it("a summary's chart goes as an image file before the words", async () => {
    const { harness, channel, bot, worker, workerHears, fileOf } = await setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 5, 6, 7]);
    const stored = await harness.running.egrid.voice.audio.put(png, "png");
    const result = await channel.send({
      channel: "wechat",
      chatId: worker.id,
      text: "📊 春晖社区第1网格｜11月30日",
      image: { ref: stored.key, mime: "image/png", caption: "春晖社区第1网格 11月30日" },
    });
    expect(result.ok).toBe(true);
    const fromBot = await until(() => {
      const heard = workerHears.filter((h) => h.talkerId === bot.id);
      return heard.length === 2 && heard;
    }, "the picture and the words");
    const sent = await fileOf(fromBot[0]!.id);
    expect(sent.name).toBe("春晖社区第1网格_11月30日.png");
    expect([...sent.bytes]).toEqual([...png]);
    expect(fromBot[1]!.text).toBe("📊 春晖社区第1网格｜11月30日");
  });
});

describe("voice notes over WeChat (wechaty-puppet-mock)", () => {
  it("a voice message in a bound room is filed; the worker gets the audio as a file, then the words with numbered options", async () => {
    const { prisma, bot, resident, workerHears, roomHears, sayVoice, fileOf } = await setup();
    sayVoice(resident, LIGHT);

    const ack = await until(
      () => roomHears.find((h) => h.talkerId === bot.id && /已登记为/.test(h.text ?? "")),
      "the acknowledgement in the room",
    );
    expect(ack.text).toMatch(/收到您的语音（\d+秒），已登记为 2026-000001/);

    const words = await until(
      () => workerHears.find((h) => h.talkerId === bot.id && /语音报事/.test(h.text ?? "")),
      "the words to the worker",
    );
    expect(words.text).toMatch(/语音报事 2026-000001/);
    expect(words.text).toMatch(/1\. ✍️ 输入内容 {2}2\. 🏷 选择分类/);

    const fromBot = workerHears.filter((h) => h.talkerId === bot.id);
    expect(fromBot).toHaveLength(2);
    const [file] = fromBot; // the file first, then the words about it
    expect(file!.text).toBeUndefined();
    const sent = await fileOf(file!.id);
    expect(sent.name).toMatch(/2026-000001.*\.ogg$/);
    expect(sha256Hex(sent.bytes)).toBe(sha256Hex(LIGHT));

    const ticket = await prisma.ticket.findFirstOrThrow();
    expect(ticket).toMatchObject({ state: "triage", categoryCode: null });
    expect(await prisma.voiceNote.findFirstOrThrow()).toMatchObject({
      state: "pending",
      channel: "wechat",
      sha256: sha256Hex(LIGHT),
      ticketId: ticket.id,
    });
  });

  it("the worker answers 2 (pick category) by number, as if pressing the button", async () => {
    const { prisma, bot, resident, worker, workerHears, sayVoice } = await setup();
    sayVoice(resident, LIGHT);
    await until(
      () => workerHears.find((h) => h.talkerId === bot.id && /语音报事/.test(h.text ?? "")),
      "the words to the worker",
    );
    worker.say("2").to(bot);
    const asked = await until(
      () => workerHears.find((h) => h.talkerId === bot.id && /请选择 2026-000001 的分类/.test(h.text ?? "")),
      "the category choice",
    );
    expect(asked.text).toMatch(/1\. /);
    expect(await prisma.ticket.count()).toBe(1);
  });

  it("a voice message whose file is not audio is refused in words, and nothing is filed", async () => {
    const { prisma, bot, resident, roomHears, sayVoice } = await setup();
    sayVoice(resident, fixture("not-audio.png"), "voice.silk");
    const refusal = await until(
      () => roomHears.find((h) => h.talkerId === bot.id),
      "the refusal in the room",
    );
    expect(refusal.text).toMatch(/不是语音/);
    expect(await prisma.ticket.count()).toBe(0);
    expect(await prisma.voiceNote.count()).toBe(0);
  });
});
