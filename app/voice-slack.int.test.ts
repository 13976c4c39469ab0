// Voice notes over Slack, end to end against the fake Web API: a resident's audio file is
// downloaded from its url_private with the bot token (only from Slack's own hosts), kept, filed,
// and uploaded to the grid worker's DM with the buttons posted under it.
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSlackChannel } from "../bot/channels/slack-channel";
import {
  signSlackRequest,
  slackEventCallback,
  slackMessageEvent,
  startFakeSlackApi,
} from "../bot/channels/testing/fake-slack-api";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { FileAudioStore } from "../db/files/file-audio-store";
import { sha256Hex } from "../prompts/transcription/fake-transcription-server";
import { startHarness, until } from "./testing/egrid-harness";

const BOT_TOKEN = "xoxb-test-token";
const SECRET = "slack-signing-secret";
const GRID_CHANNEL = "C0GRID1";
const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "voice");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const LIGHT = fixture("light-broken.ogg");
const LIGHT_WEBM = fixture("light-broken.webm");
const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function setup() {
  const api = await startFakeSlackApi({ token: BOT_TOKEN });
  cleanup.push(() => api.close());
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-voice-slack-"));
  const channel = createSlackChannel({
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    apiUrl: api.url,
    port: 0,
    host: "127.0.0.1",
    readMedia: (ref) => new FileAudioStore(path.join(dir, "audio")).get(ref),
  });
  const harness = await startHarness(understanding, { channels: [channel], dir });
  cleanup.push(() => harness.close());
  const prisma = harness.running.egrid.db.prisma;
  await prisma.groupChat.create({
    data: { channel: "slack", chatId: GRID_CHANNEL, placeId: "g-chunhui-1", title: "chunhui-1" },
  });
  await prisma.chatIdentity.create({
    data: { channel: "slack", externalId: "U0RESIDENT", personId: "p-res-wang" },
  });
  await prisma.chatIdentity.create({
    data: {
      channel: "slack",
      externalId: "U0WORKER",
      personId: "p-chunhui-1-worker",
      lastSeenAt: harness.clock.now(),
    },
  });

  /** POST a signed Events API callback carrying a message with these files, as Slack does. */
  const postFiles = async (files: Record<string, unknown>[], ts = "1700000100.000200") => {
    const event = slackMessageEvent({ subtype: "file_share", text: "", files, ts, event_ts: ts });
    const body = JSON.stringify(slackEventCallback(event, `Ev${ts}`));
    const response = await fetch(`http://127.0.0.1:${channel.port()}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signSlackRequest(SECRET, body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
    expect(response.status).toBe(200);
  };
  const postsTo = (channelId: string) =>
    api.callsTo("chat.postMessage").filter((c) => c.params.channel === channelId);
  return { api, harness, prisma, postFiles, postsTo };
}

type Blocks = { type: string; elements?: { text: { text: string }; value: string }[] }[];

describe("voice notes over Slack (fake Web API over HTTP)", () => {
  it("an audio file in a bound channel is downloaded with the token, filed, and uploaded to the worker's DM with buttons", async () => {
    const { api, prisma, postFiles, postsTo } = await setup();
    const url = api.hostFile("T0GRID-F1/light.ogg", LIGHT);
    await postFiles([
      {
        id: "F0VOICE1",
        name: "light.ogg",
        mimetype: "audio/ogg",
        url_private: url,
        size: LIGHT.byteLength,
        duration_ms: 4484,
      },
    ]);

    const ack = await until(() => postsTo(GRID_CHANNEL)[0], "the acknowledgement in the channel");
    expect(String(ack.params.text)).toMatch(/收到您的语音（\d+秒），已登记为 2026-000001/);

    // Shared with the DM once files.completeUploadExternal names the channel (after the bytes went up).
    const upload = await until(() => api.uploads.find((u) => u.channelId !== null), "the upload");
    expect(sha256Hex(upload.bytes)).toBe(sha256Hex(LIGHT));
    expect(upload.channelId).toBe("DU0WORKER");
    expect(upload.filename).toMatch(/\.ogg$/);

    const dm = await until(() => postsTo("DU0WORKER")[0], "the DM with buttons");
    expect(String(dm.params.text)).toMatch(/语音报事 2026-000001/);
    const buttons = (dm.params.blocks as Blocks).find((b) => b.type === "actions")!.elements!;
    expect(buttons.map((b) => b.text.text)).toEqual(["✍️ 输入内容", "🏷 选择分类"]);
    const ticket = await prisma.ticket.findFirstOrThrow();
    expect(buttons.map((b) => b.value)).toEqual([`v:t:${ticket.id}`, `v:c:${ticket.id}`]);
    expect(ticket).toMatchObject({ state: "triage", categoryCode: null });
    expect(await prisma.voiceNote.findFirstOrThrow()).toMatchObject({
      state: "pending",
      channel: "slack",
      chatId: GRID_CHANNEL,
      senderExternalId: "U0RESIDENT",
      sha256: sha256Hex(LIGHT),
      ticketId: ticket.id,
    });
    // The file went up before the words about it: completeUploadExternal before the DM.
    const order = api.calls.map(
      (c) => `${c.method}:${String(c.params.channel ?? c.params.channel_id ?? "")}`,
    );
    expect(order.indexOf("files.completeUploadExternal:DU0WORKER")).toBeLessThan(
      order.indexOf("chat.postMessage:DU0WORKER"),
    );
  });

  it("a Slack voice clip (subtype slack_audio, webm) is taken as a voice note too", async () => {
    const { api, prisma, postFiles, postsTo } = await setup();
    const url = api.hostFile("T0GRID-F2/audio_message.webm", LIGHT_WEBM);
    await postFiles([
      {
        id: "F0CLIP1",
        subtype: "slack_audio",
        mimetype: "audio/webm",
        url_private: url,
        size: LIGHT_WEBM.byteLength,
        duration_ms: 4485,
      },
    ]);
    await until(
      () => postsTo(GRID_CHANNEL).find((c) => /已登记为 2026-000001/.test(String(c.params.text))),
      "the acknowledgement in the channel",
    );
    const upload = await until(() => api.uploads.find((u) => u.channelId !== null), "the upload");
    expect(sha256Hex(upload.bytes)).toBe(sha256Hex(LIGHT_WEBM));
    expect(upload.filename).toMatch(/\.webm$/);
    expect(await prisma.voiceNote.findFirstOrThrow()).toMatchObject({ state: "pending", mime: "audio/webm" });
  });

  it("a url_private on a foreign host is refused without sending the token there, or anything at all", async () => {
    const { api, prisma, postFiles, postsTo } = await setup();
    const seen: { url: string | undefined; authorization: string | undefined }[] = [];
    const foreign = createServer((request, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization });
      response.writeHead(200, { "content-type": "audio/ogg" });
      response.end(Buffer.from(LIGHT));
    });
    await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          foreign.closeAllConnections();
          foreign.close(() => resolve());
        }),
    );
    // "localhost:<port>" is not the fake's host ("127.0.0.1:<port>") nor files.slack.com.
    const port = (foreign.address() as AddressInfo).port;
    await postFiles([
      {
        id: "F0EVIL",
        mimetype: "audio/ogg",
        url_private: `http://localhost:${port}/x.ogg`,
        size: LIGHT.byteLength,
      },
    ]);
    const refusal = await until(() => postsTo(GRID_CHANNEL)[0], "the refusal in the channel");
    expect(refusal.params.text).toBe("这条语音没有收到，请再发一次。");
    const inbox = await until(
      async () => (await prisma.inboxMessage.findFirst({ where: { outcome: { not: null } } })) ?? undefined,
      "the inbox outcome",
    );
    expect(inbox.outcome).toBe("voice_refused_VOICE.FETCH_FAILED");
    expect(seen).toEqual([]);
    expect(await prisma.ticket.count()).toBe(0);
    expect(await prisma.voiceNote.count()).toBe(0);
    expect(api.uploads).toEqual([]);
  });
});
