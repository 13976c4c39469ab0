import { afterEach, describe, expect, it } from "vitest";
import { createSlackChannel } from "../bot/channels/slack-channel";
import {
  signSlackRequest,
  slackEventCallback,
  slackMessageEvent,
  startFakeSlackApi,
} from "../bot/channels/testing/fake-slack-api";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { startHarness, until } from "./testing/egrid-harness";

const BOT_TOKEN = "xoxb-test-token";
const SECRET = "slack-signing-secret";
const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe("Slack through the whole pipeline", () => {
  it("a channel report becomes a ticket, the worker gets a DM with buttons, pressing 签收 signs for it", async () => {
    const api = await startFakeSlackApi({ token: BOT_TOKEN });
    cleanup.push(() => api.close());
    const channel = createSlackChannel({
      botToken: BOT_TOKEN,
      signingSecret: SECRET,
      apiUrl: api.url,
      port: 0,
      host: "127.0.0.1",
    });
    const harness = await startHarness(understanding, { channels: [channel] });
    cleanup.push(() => harness.close());
    const prisma = harness.running.egrid.db.prisma;
    await prisma.groupChat.create({
      data: { channel: "slack", chatId: "C0GRID1", placeId: "g-chunhui-1", title: "chunhui-1" },
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

    const post = async (body: string, contentType: string) =>
      fetch(`http://127.0.0.1:${channel.port()}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": contentType,
          ...signSlackRequest(SECRET, body, Math.floor(Date.now() / 1000)),
        },
        body,
      });
    const event = JSON.stringify(slackEventCallback(slackMessageEvent({ text: "3号楼楼道的灯坏了三天了" })));
    expect((await post(event, "application/json")).status).toBe(200);
    await until(async () => (await prisma.ticket.count()) === 1, "the ticket");
    await until(
      async () => api.callsTo("chat.postMessage").some((c) => c.params.channel !== "C0GRID1"),
      "the DM",
    );
    const dm = api.callsTo("chat.postMessage").find((c) => c.params.channel !== "C0GRID1")!;
    const blocks = dm.params.blocks as {
      type: string;
      elements?: { text: { text: string }; value: string }[];
    }[];
    const buttons = blocks.find((b) => b.type === "actions")!.elements!;
    expect(buttons.map((b) => b.text.text)).toEqual(["签收", "退回", "已处理"]);

    // Redelivery of the same event (Slack retries when slow): no second ticket.
    await post(event, "application/json");
    const press = {
      type: "block_actions",
      user: { id: "U0WORKER", name: "li" },
      trigger_id: "trig-1",
      container: { type: "message", message_ts: "1700000999.000100", channel_id: "D0WORKER" },
      actions: [
        { type: "button", action_id: "a1", value: buttons[0]!.value, action_ts: "1700001000.000001" },
      ],
      team: { id: "T0GRID" },
    };
    await post(`payload=${encodeURIComponent(JSON.stringify(press))}`, "application/x-www-form-urlencoded");
    await until(
      async () => (await prisma.ticket.count({ where: { state: "accepted" } })) === 1,
      "signed for",
    );
    expect(await prisma.ticket.count()).toBe(1);
  });
});
