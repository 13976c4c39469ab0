import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../core/conversation/inbound-message";
import { createSlackChannel, type SlackChannel, type SlackChannelLogger } from "./slack-channel";
import {
  type FakeSlackApi,
  slackMessageEvent as messageEvent,
  signSlackRequest,
  slackEventCallback,
  startFakeSlackApi,
  waitUntil as waitFor,
} from "./testing/fake-slack-api";

const SIGNING_SECRET = "test-signing-secret";
const BOT_TOKEN = "xoxb-test-token";

interface LogLine {
  readonly level: "info" | "warn" | "error";
  readonly obj: object;
  readonly msg: string;
}

function recordingLogger(lines: LogLine[]): SlackChannelLogger {
  return {
    info: (obj, msg) => lines.push({ level: "info", obj, msg }),
    warn: (obj, msg) => lines.push({ level: "warn", obj, msg }),
    error: (obj, msg) => lines.push({ level: "error", obj, msg }),
  };
}

function nowSeconds(): number {
  // Bolt checks the request timestamp against its own clock (5 minutes of skew at most).
  return Math.floor(Date.now() / 1000);
}

describe("the Slack channel over real HTTP", () => {
  let api: FakeSlackApi;
  let channel: SlackChannel;
  let received: InboundMessage[];
  let logs: LogLine[];

  async function post(body: string, contentType: string, options: { secret?: string; retry?: number } = {}) {
    const signed = signSlackRequest(options.secret ?? SIGNING_SECRET, body, nowSeconds());
    return fetch(`http://127.0.0.1:${channel.port()}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        ...signed,
        ...(options.retry !== undefined ? { "x-slack-retry-num": String(options.retry) } : {}),
      },
      body,
    });
  }
  const postEvent = (event: Record<string, unknown>, options: { secret?: string; retry?: number } = {}) =>
    post(JSON.stringify(slackEventCallback(event)), "application/json", options);

  beforeEach(async () => {
    api = await startFakeSlackApi({ token: BOT_TOKEN });
    received = [];
    logs = [];
    channel = createSlackChannel({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      host: "127.0.0.1",
      apiUrl: api.url,
      logger: recordingLogger(logs),
    });
    await channel.start(async (message) => {
      received.push(message);
    });
  });

  afterEach(async () => {
    await channel.stop();
    await api.close();
  });

  it("starts on a free port after checking the token with auth.test", () => {
    expect(channel.name).toBe("slack");
    expect(channel.port()).toBeGreaterThan(0);
    expect(api.callsTo("auth.test")).toHaveLength(1);
    expect(api.callsTo("auth.test")[0]?.token).toBe(BOT_TOKEN);
  });

  it("turns a channel message into a group InboundMessage", async () => {
    const response = await postEvent(messageEvent());
    expect(response.status).toBe(200);
    await waitFor(() => received.length === 1, "the message");
    expect(received[0]).toEqual({
      channel: "slack",
      chatId: "C0GRID1",
      chatType: "group",
      userId: "U0RESIDENT",
      messageId: "C0GRID1:1700000100.000200",
      text: "3号楼楼道的灯坏了三天了 & 没人修",
    });
  });

  it("turns a DM into a private InboundMessage, and a thread reply carries its thread", async () => {
    await postEvent(messageEvent({ channel: "D0RESIDENT", channel_type: "im", text: "我的积分是多少" }));
    await postEvent(
      messageEvent({ ts: "1700000300.000100", thread_ts: "1700000000.000001", text: "<@UEGRIDBOT> 修好了" }),
    );
    await waitFor(() => received.length === 2, "two messages");
    const [dm, threaded] = received;
    // A DM is addressed by the user id, as privateChatIdFor gives it.
    expect(dm).toMatchObject({ chatId: "U0RESIDENT", chatType: "private", text: "我的积分是多少" });
    expect(threaded).toMatchObject({
      chatType: "group",
      messageId: "C0GRID1:1700000300.000100",
      replyToMessageId: "1700000000.000001",
      text: "修好了",
    });
  });

  it("rejects a wrong signature with 401 and delivers nothing", async () => {
    const forged = await postEvent(messageEvent({ text: "forged" }), { secret: "not-the-secret" });
    expect(forged.status).toBe(401);
    // A genuine event after it: once it has arrived, the forged one would have too.
    await postEvent(messageEvent({ ts: "1700000400.000100", text: "genuine" }));
    await waitFor(() => received.length >= 1, "the genuine message");
    expect(received.map((m) => m.text)).toEqual(["genuine"]);
  });

  it("gives a redelivered event the same messageId", async () => {
    await postEvent(messageEvent());
    await postEvent(messageEvent(), { retry: 1 });
    await waitFor(() => received.length === 2, "both deliveries");
    expect(received[0]?.messageId).toBe(received[1]?.messageId);
  });

  it("ignores bot posts, edits, deletes and its own messages", async () => {
    await postEvent(
      messageEvent({ bot_id: "B0OTHER", subtype: "bot_message", user: undefined, text: "bot" }),
    );
    await postEvent(messageEvent({ subtype: "message_changed", text: "edited" }));
    await postEvent(messageEvent({ subtype: "message_deleted", text: "deleted" }));
    await postEvent(messageEvent({ user: "UEGRIDBOT", text: "my own reply" }));
    await postEvent(messageEvent({ ts: "1700000500.000100", text: "real" }));
    await waitFor(() => received.length >= 1, "the real message");
    expect(received.map((m) => m.text)).toEqual(["real"]);
  });

  it("passes a shared photo and a voice clip on as references", async () => {
    await postEvent(
      messageEvent({
        subtype: "file_share",
        text: "",
        files: [
          {
            id: "F1",
            mimetype: "image/jpeg",
            size: 52_000,
            url_private: "https://files.slack.com/files-pri/T0GRID-F1/light.jpg",
          },
          {
            id: "F2",
            mimetype: "audio/webm",
            subtype: "slack_audio",
            size: 18_000,
            duration_ms: 4500,
            url_private: "https://files.slack.com/files-pri/T0GRID-F2/audio_message.webm",
          },
        ],
      }),
    );
    await waitFor(() => received.length === 1, "the file share");
    expect(received[0]?.text).toBeUndefined();
    expect(received[0]?.photo).toEqual({
      ref: "https://files.slack.com/files-pri/T0GRID-F1/light.jpg",
      mime: "image/jpeg",
      sizeBytes: 52_000,
    });
    expect(received[0]?.voice).toEqual({
      ref: "https://files.slack.com/files-pri/T0GRID-F2/audio_message.webm",
      mime: "audio/webm",
      sizeBytes: 18_000,
      durationSeconds: 4.5,
    });
  });

  it("turns a Block Kit button press (form-encoded payload) into an InboundMessage with button", async () => {
    const payload = {
      type: "block_actions",
      user: { id: "U0RESIDENT", username: "zhang.wei", name: "zhang.wei", team_id: "T0GRID" },
      api_app_id: "A0GRID",
      token: "verification-token",
      container: {
        type: "message",
        message_ts: "1700000000.000007",
        channel_id: "C0GRID1",
        is_ephemeral: false,
      },
      trigger_id: "1234567890.1234567890.abcdef",
      team: { id: "T0GRID", domain: "egrid" },
      channel: { id: "C0GRID1", name: "chunhui-grid" },
      message: { type: "message", ts: "1700000000.000007", text: "请选择类别" },
      response_url: "https://hooks.slack.com/actions/T0GRID/1/abc",
      actions: [
        {
          type: "button",
          action_id: "egrid_button_0_1",
          block_id: "b1",
          text: { type: "plain_text", text: "路灯照明" },
          value: "cat:lighting",
          action_ts: "1700000600.123456",
        },
      ],
    };
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const response = await post(body, "application/x-www-form-urlencoded");
    expect(response.status).toBe(200);
    await waitFor(() => received.length === 1, "the button press");
    expect(received[0]).toEqual({
      channel: "slack",
      chatId: "C0GRID1",
      chatType: "group",
      userId: "U0RESIDENT",
      userName: "zhang.wei",
      messageId: "action:1700000600.123456",
      button: "cat:lighting",
      replyToMessageId: "1700000000.000007",
    });
  });

  it("answers Slack's url_verification challenge", async () => {
    const body = JSON.stringify({ token: "t", challenge: "abc123", type: "url_verification" });
    const response = await post(body, "application/json");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("abc123");
  });

  it("logs, and does not swallow silently, an error from receive", async () => {
    await channel.stop();
    await channel.start(async () => {
      throw new Error("inbox is down");
    });
    await postEvent(messageEvent());
    await waitFor(() => logs.some((l) => l.level === "error"), "the error log");
    const line = logs.find((l) => l.level === "error");
    expect(line?.msg).toBe("slack update acknowledged but not stored");
    expect(line?.obj).toMatchObject({ messageId: "C0GRID1:1700000100.000200", err: "Error: inbox is down" });
  });

  it("sends text with button rows as Block Kit and returns the ts", async () => {
    const result = await channel.send({
      channel: "slack",
      chatId: "C0GRID1",
      text: "您反映的是哪类问题？ <3号楼> & 周边",
      buttons: [
        [
          { label: "路灯照明", data: "cat:lighting" },
          { label: "环境卫生", data: "cat:sanitation" },
        ],
        [{ label: "都不是", data: "cat:none" }],
      ],
    });
    const calls = api.callsTo("chat.postMessage");
    expect(calls).toHaveLength(1);
    expect(result).toEqual({ ok: true, messageId: "1700000000.000001" });
    const params = calls[0]?.params;
    expect(calls[0]?.token).toBe(BOT_TOKEN);
    expect(params?.channel).toBe("C0GRID1");
    expect(params?.text).toBe("您反映的是哪类问题？ &lt;3号楼&gt; &amp; 周边");
    expect(params?.thread_ts).toBeUndefined();
    expect(params?.blocks).toEqual([
      {
        type: "section",
        text: { type: "plain_text", text: "您反映的是哪类问题？ <3号楼> & 周边", emoji: true },
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "egrid_button_0_0",
            text: { type: "plain_text", text: "路灯照明", emoji: true },
            value: "cat:lighting",
          },
          {
            type: "button",
            action_id: "egrid_button_0_1",
            text: { type: "plain_text", text: "环境卫生", emoji: true },
            value: "cat:sanitation",
          },
        ],
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "egrid_button_1_0",
            text: { type: "plain_text", text: "都不是", emoji: true },
            value: "cat:none",
          },
        ],
      },
    ]);
  });

  it("replies in the thread of the message it answers, and in the parent thread of a thread reply", async () => {
    await channel.send({
      channel: "slack",
      chatId: "C0GRID1",
      text: "a",
      replyToMessageId: "C0GRID1:1700000100.000200",
    });
    await channel.send({
      channel: "slack",
      chatId: "C0GRID1",
      text: "b",
      replyToMessageId: "1700000100.000300",
    });
    await channel.send({
      channel: "slack",
      chatId: "C0GRID1",
      text: "c",
      replyToMessageId: "action:1700000600.1",
    });
    // An inbound reply inside a thread: answering it goes to the thread's parent.
    await postEvent(messageEvent({ ts: "1700000700.000100", thread_ts: "1700000100.000200" }));
    await waitFor(() => received.length === 1, "the thread reply");
    await channel.send({
      channel: "slack",
      chatId: "C0GRID1",
      text: "d",
      replyToMessageId: received[0]?.messageId,
    });
    expect(api.callsTo("chat.postMessage").map((c) => c.params.thread_ts)).toEqual([
      "1700000100.000200",
      "1700000100.000300",
      undefined,
      "1700000100.000200",
    ]);
  });

  it("sends to a user id by opening the DM first, once", async () => {
    expect(channel.supportsPrivateChats).toBe(true);
    const chatId = channel.privateChatIdFor("U0RESIDENT");
    expect(chatId).toBe("U0RESIDENT");
    const first = await channel.send({ channel: "slack", chatId, text: "您的工单已受理" });
    const second = await channel.send({ channel: "slack", chatId, text: "网格员已签收" });
    expect(first.ok && second.ok).toBe(true);
    expect(api.callsTo("conversations.open").map((c) => c.params.users)).toEqual(["U0RESIDENT"]);
    expect(api.callsTo("chat.postMessage").map((c) => c.params.channel)).toEqual([
      "DU0RESIDENT",
      "DU0RESIDENT",
    ]);
  });

  it("reports a 429 as retryable after the Retry-After Slack gave, without retrying itself", async () => {
    api.failNext("chat.postMessage", { kind: "ratelimited", retryAfterSeconds: 7 });
    const started = Date.now();
    const result = await channel.send({ channel: "slack", chatId: "C0GRID1", text: "hello" });
    expect(result).toMatchObject({ ok: false, permanent: false, retryAfterMs: 7000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(api.callsTo("chat.postMessage")).toHaveLength(1);
    // The next call goes through: the client did not pause its queue.
    expect(await channel.send({ channel: "slack", chatId: "C0GRID1", text: "hello" })).toMatchObject({
      ok: true,
    });
  });

  it("reports Slack's refusals as permanent and server trouble as retryable", async () => {
    api.failNext("chat.postMessage", { kind: "error", error: "channel_not_found" });
    api.failNext("chat.postMessage", { kind: "error", error: "not_in_channel" });
    api.failNext("chat.postMessage", { kind: "http", status: 503 });
    api.failNext("chat.postMessage", { kind: "error", error: "internal_error" });
    const send = () => channel.send({ channel: "slack", chatId: "C0GONE", text: "hello" });
    const notFound = await send();
    expect(notFound).toMatchObject({ ok: false, permanent: true });
    expect(notFound.ok ? "" : notFound.error).toContain("channel_not_found");
    expect(await send()).toMatchObject({ ok: false, permanent: true });
    expect(await send()).toMatchObject({ ok: false, permanent: false });
    expect(await send()).toMatchObject({ ok: false, permanent: false });
    expect(api.callsTo("chat.postMessage")).toHaveLength(4);
  });

  it("reports a failed conversations.open as a failed send", async () => {
    api.failNext("conversations.open", { kind: "error", error: "user_not_found" });
    expect(await channel.send({ channel: "slack", chatId: "U0NOBODY", text: "hi" })).toMatchObject({
      ok: false,
      permanent: true,
    });
    // Not cached: the next send opens again.
    expect(await channel.send({ channel: "slack", chatId: "U0NOBODY", text: "hi" })).toMatchObject({
      ok: true,
    });
    expect(api.callsTo("conversations.open")).toHaveLength(2);
  });
});
