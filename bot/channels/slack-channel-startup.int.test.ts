// Starting the Slack channel: failures at start and without an API, and Socket Mode, offline: the fake's apps.connections.open hands out a WebSocket URL on the fake
// itself, which says hello, pushes envelopes and records the client's acks.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../core/conversation/inbound-message";
import { createSlackChannel, type SlackChannel, type SlackChannelLogger } from "./slack-channel";
import {
  type FakeSlackApi,
  slackEventCallback,
  slackMessageEvent,
  startFakeSlackApi,
  waitUntil,
} from "./testing/fake-slack-api";

const BOT_TOKEN = "xoxb-test-token";
const SIGNING_SECRET = "unused-in-socket-mode";
const quiet: SlackChannelLogger = { info: () => {}, warn: () => {}, error: () => {} };

describe("the Slack channel in Socket Mode, against the fake's WebSocket endpoint", () => {
  let api: FakeSlackApi;
  let channel: SlackChannel;
  let received: InboundMessage[];

  beforeEach(async () => {
    api = await startFakeSlackApi({ token: BOT_TOKEN, appToken: "xapp-test-token" });
    received = [];
    channel = createSlackChannel({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      socketMode: true,
      appToken: "xapp-test-token",
      apiUrl: api.url,
      logger: quiet,
    });
    await channel.start(async (message) => {
      received.push(message);
    });
  });

  afterEach(async () => {
    await channel.stop();
    await api.close();
  });

  it("opens the connection with the app token and listens on no port", () => {
    expect(api.callsTo("apps.connections.open").map((c) => c.token)).toEqual(["xapp-test-token"]);
    expect(api.socketConnections()).toBe(1);
    expect(channel.port()).toBeNull();
  });

  it("acknowledges an events_api envelope and delivers the message", async () => {
    const envelope = api.pushEnvelope("events_api", slackEventCallback(slackMessageEvent()));
    await waitUntil(() => received.length === 1 && api.acks.includes(envelope), "the message and its ack");
    expect(received[0]).toMatchObject({ chatId: "C0GRID1", messageId: "C0GRID1:1700000100.000200" });
  });

  it("acknowledges an interactive envelope and delivers the button", async () => {
    const envelope = api.pushEnvelope("interactive", {
      type: "block_actions",
      user: { id: "U0RESIDENT", username: "zhang.wei", team_id: "T0GRID" },
      team: { id: "T0GRID" },
      container: { type: "message", message_ts: "1700000000.000007", channel_id: "D0RESIDENT" },
      trigger_id: "1.2.abc",
      actions: [
        { type: "button", action_id: "egrid_button_0_0", value: "confirm:yes", action_ts: "1700000800.1" },
      ],
    });
    await waitUntil(() => received.length === 1 && api.acks.includes(envelope), "the button and its ack");
    expect(received[0]).toMatchObject({
      chatType: "private",
      button: "confirm:yes",
      messageId: "action:1700000800.1",
    });
  });
});

describe("the Slack channel without a usable API", () => {
  it("reports a network error as retryable", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const channel = createSlackChannel({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: `http://127.0.0.1:${port}/api`,
      logger: quiet,
    });
    const result = await channel.send({ channel: "slack", chatId: "C0GRID1", text: "hello" });
    expect(result).toMatchObject({ ok: false, permanent: false });
  });

  it("fails to start with a token Slack rejects", async () => {
    const api = await startFakeSlackApi({ token: "xoxb-the-right-one" });
    const channel = createSlackChannel({
      botToken: "xoxb-wrong",
      signingSecret: SIGNING_SECRET,
      host: "127.0.0.1",
      apiUrl: api.url,
      logger: quiet,
    });
    await expect(channel.start(async () => {})).rejects.toThrow(/invalid_auth/);
    expect(channel.port()).toBeNull();
    await channel.stop();
    await api.close();
  });

  it("needs an app token for Socket Mode", () => {
    expect(() =>
      createSlackChannel({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: true }),
    ).toThrow(/appToken/);
  });
});
