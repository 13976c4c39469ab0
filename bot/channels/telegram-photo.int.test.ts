// Pictures (a summary's chart) over Telegram, against the fake Bot API over real HTTP: sendPhoto
// with the stored bytes, the text as caption and the buttons; a long text follows the photo.
import { afterEach, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import { TelegramChannel } from "./telegram-channel";
import { startFakeTelegramApi } from "./testing/fake-telegram-api";

const TOKEN = "123:photo-token";
const REF = `audio:${"ab".repeat(32)}.png`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const silent = { info: () => {}, warn: () => {}, error: () => {} };

let api: Awaited<ReturnType<typeof startFakeTelegramApi>> | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function channel() {
  api = await startFakeTelegramApi(TOKEN);
  const media = new Map([[REF, PNG]]);
  return new TelegramChannel({
    token: TOKEN,
    apiRoot: api.apiRoot,
    readMedia: async (ref) => media.get(ref) ?? null,
    logger: silent,
  });
}

const summary = (text: string): OutboundMessage => ({
  channel: "telegram",
  chatId: "7001",
  text,
  buttons: [[{ label: "本周", data: "s:week" }]],
  image: { ref: REF, mime: "image/png", caption: "春晖社区 11月30日" },
});

describe("Telegram photos", () => {
  it("sends the picture with the text as its caption and the buttons under it", async () => {
    const telegram = await channel();
    const sent = await telegram.send(summary("📊 春晖社区｜11月30日\n新增 6 ↑2"));
    expect(sent).toMatchObject({ ok: true });
    const calls = api!.calls.filter((c) => c.method !== "getMe");
    expect(calls.map((c) => c.method)).toEqual(["sendPhoto"]);
    const [photo] = calls;
    expect(photo!.body).toMatchObject({ chat_id: 7001, caption: "📊 春晖社区｜11月30日\n新增 6 ↑2" });
    expect(photo!.body.reply_markup).toEqual({
      inline_keyboard: [[{ text: "本周", callback_data: "s:week" }]],
    });
    expect(photo!.files.photo?.name).toBe("chart.png");
    expect([...photo!.files.photo!.bytes]).toEqual([...PNG]);
  });

  it("a text longer than a caption goes after the photo, with the buttons", async () => {
    const telegram = await channel();
    const long = `📊 东街道\n${"· 2026-000012 环境卫生 春晖小区6栋 已6天16小时\n".repeat(40)}`;
    expect((await telegram.send(summary(long))).ok).toBe(true);
    const calls = api!.calls.filter((c) => c.method !== "getMe");
    expect(calls.map((c) => c.method)).toEqual(["sendPhoto", "sendMessage"]);
    expect(calls[0]!.body).toMatchObject({ caption: "春晖社区 11月30日" });
    expect(calls[0]!.body.reply_markup).toBeUndefined();
    expect(calls[1]!.body).toMatchObject({
      text: long,
      reply_markup: { inline_keyboard: [[{ text: "本周" }]] },
    });
  });

  it("a picture that is not stored fails for good (retrying will not bring it back)", async () => {
    const telegram = await channel();
    const result = await telegram.send({
      ...summary("x"),
      image: { ref: "audio:missing.png", mime: "image/png", caption: "" },
    });
    expect(result).toMatchObject({
      ok: false,
      permanent: true,
      error: "image audio:missing.png is not stored",
    });
  });
});
