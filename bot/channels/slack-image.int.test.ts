// Pictures (a summary's chart) over Slack, against the fake Web API over real HTTP: the file is
// uploaded to the conversation first (files.uploadV2), then the words and buttons are posted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSlackChannel, type SlackChannel } from "./slack-channel";
import { type FakeSlackApi, startFakeSlackApi } from "./testing/fake-slack-api";

const BOT_TOKEN = "xoxb-test-token";
const REF = `audio:${"cd".repeat(32)}.png`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]);
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe("Slack pictures", () => {
  let api: FakeSlackApi;
  let channel: SlackChannel;

  beforeEach(async () => {
    api = await startFakeSlackApi({ token: BOT_TOKEN });
    channel = createSlackChannel({
      botToken: BOT_TOKEN,
      signingSecret: "test-signing-secret",
      host: "127.0.0.1",
      apiUrl: api.url,
      logger: silent,
      readMedia: async (ref) => (ref === REF ? PNG : null),
    });
    await channel.start(async () => {});
  });
  afterEach(async () => {
    await channel.stop();
    await api.close();
  });

  it("uploads the chart to the conversation, then posts the text", async () => {
    const result = await channel.send({
      channel: "slack",
      chatId: "C0GRID1",
      text: "📊 春晖社区｜11月30日\n新增 6 ↑2",
      image: { ref: REF, mime: "image/png", caption: "春晖社区 11月30日" },
    });
    expect(result.ok).toBe(true);
    expect(api.uploads).toEqual([
      expect.objectContaining({ filename: "chart.png", channelId: "C0GRID1", bytes: PNG }),
    ]);
    const methods = api.calls.map((c) => c.method).filter((m) => m !== "auth.test");
    expect(methods.indexOf("files.completeUploadExternal")).toBeLessThan(methods.indexOf("chat.postMessage"));
    expect(api.callsTo("chat.postMessage")[0]?.params.text).toBe("📊 春晖社区｜11月30日\n新增 6 ↑2");
  });

  it("a picture that is not stored fails for good", async () => {
    const result = await channel.send({
      channel: "slack",
      chatId: "C0GRID1",
      text: "x",
      image: { ref: "audio:gone.png", mime: "image/png", caption: "" },
    });
    expect(result).toMatchObject({ ok: false, permanent: true });
    expect(api.callsTo("chat.postMessage")).toEqual([]);
  });
});
