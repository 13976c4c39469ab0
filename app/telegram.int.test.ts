import { afterEach, describe, expect, it } from "vitest";
import { TelegramChannel } from "../bot/channels/telegram-channel";
import { buttonPress, groupMessage, startFakeTelegramApi } from "../bot/channels/testing/fake-telegram-api";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { createLogger } from "./logger";
import { startHarness, until } from "./testing/egrid-harness";

const TOKEN = "123:test-token";
const GROUP = -1001234;
const WANG = 5001;
const WORKER = 7001;
const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function setup() {
  const api = await startFakeTelegramApi(TOKEN);
  cleanup.push(() => api.close());
  const clock = fixedClock(new Date("2026-11-30T02:00:00Z"));
  const channel = new TelegramChannel({ token: TOKEN, apiRoot: api.apiRoot, logger: createLogger("silent") });
  const harness = await startHarness(understanding, { clock, channels: [channel] });
  cleanup.push(() => harness.close());
  const prisma = harness.running.egrid.db.prisma;
  // The group is bound to Chunhui grid 1; the worker and a resident use Telegram.
  await prisma.groupChat.create({
    data: { channel: "telegram", chatId: String(GROUP), placeId: "g-chunhui-1", title: "春晖1网格" },
  });
  await prisma.chatIdentity.create({
    data: { channel: "telegram", externalId: String(WANG), personId: "p-res-wang", lastSeenAt: clock.now() },
  });
  await prisma.chatIdentity.create({
    data: {
      channel: "telegram",
      externalId: String(WORKER),
      personId: "p-chunhui-1-worker",
      lastSeenAt: clock.now(),
    },
  });
  return { api, harness, clock, prisma };
}

describe("Telegram over real HTTP against a fake Bot API", () => {
  it("a group report becomes a ticket, the worker gets the private dispatch, a button press signs for it", async () => {
    const { api, prisma } = await setup();
    api.push(groupMessage(GROUP, WANG, 11, "3栋楼道灯坏了"));
    const dispatch = await until(
      () => api.sent().find((m) => String(m.chat_id) === String(WORKER)),
      "the private dispatch",
    );
    expect(String(dispatch.text)).toContain("3栋楼道灯坏了");
    const keyboard = (
      dispatch.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard;
    expect(keyboard[0]?.map((b) => b.text)).toEqual(["签收", "退回", "已处理"]);
    const groupReply = await until(
      () => api.sent().find((m) => String(m.chat_id) === String(GROUP)),
      "the group reply",
    );
    expect(String(groupReply.text)).toMatch(/已受理，编号 2026-000001/);

    api.push(buttonPress(WORKER, WORKER, 1001, keyboard[0]![0]!.callback_data, "cb-1"));
    await until(
      async () => (await prisma.ticket.findFirst({ where: { state: "accepted" } })) ?? undefined,
      "signed for",
    );
    expect(api.calls.some((c) => c.method === "answerCallbackQuery")).toBe(true);
  });

  it("a redelivered update makes no second ticket", async () => {
    const { api, prisma } = await setup();
    api.push(groupMessage(GROUP, WANG, 12, "楼下路灯不亮"));
    await until(async () => (await prisma.ticket.count()) === 1 || undefined, "the ticket");
    api.push(groupMessage(GROUP, WANG, 12, "楼下路灯不亮")); // same message, new update id
    await until(async () => (await prisma.inboxMessage.count()) >= 1 || undefined, "the inbox");
    await new Promise((r) => setTimeout(r, 300));
    expect(await prisma.ticket.count()).toBe(1);
    expect(await prisma.inboxMessage.count()).toBe(1);
  });

  it("a 429 from Telegram is retried after the time it asked for", async () => {
    const { api, harness, clock, prisma } = await setup();
    api.rateLimitNextSends(1);
    api.push(groupMessage(GROUP, WANG, 13, "路灯坏了"));
    await until(
      async () =>
        (await prisma.outboxMessage.count({ where: { lastError: { not: null } } })) > 0 || undefined,
      "a failed attempt",
    );
    const waiting = await prisma.outboxMessage.findFirst({ where: { lastError: { not: null } } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(3000);
    clock.advanceMinutes(1);
    await harness.running.runtime.dispatcher.deliverAll();
    expect(await prisma.outboxMessage.count({ where: { status: { not: "sent" } } })).toBe(0);
  });

  it("a wrong token gives one clear log line and the other channels keep working", async () => {
    const api = await startFakeTelegramApi(TOKEN);
    cleanup.push(() => api.close());
    const channel = new TelegramChannel({
      token: "999:wrong",
      apiRoot: api.apiRoot,
      logger: createLogger("silent"),
    });
    const harness = await startHarness(understanding, { channels: [channel] });
    cleanup.push(() => harness.close());
    expect(harness.running.runtime.channels.has("telegram")).toBe(false);
    const replies = await harness.send("grid-chunhui-1", "p-res-wang", "3栋灯坏了");
    expect(replies.length).toBeGreaterThan(0);
    // …and the instance says it is not ready, naming the channel.
    const ready = await fetch(`${harness.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: "not ready",
      database: "ok",
      channels: { telegram: "failed" },
    });
  });
});

describe("Telegram webhook mode", () => {
  it("registers the webhook and takes pushed updates only with the secret", async () => {
    const api = await startFakeTelegramApi(TOKEN);
    cleanup.push(() => api.close());
    const channel = new TelegramChannel({
      token: TOKEN,
      apiRoot: api.apiRoot,
      webhookUrl: "https://egrid.example/telegram/hook",
      webhookSecret: "s3cret",
      logger: createLogger("silent"),
    });
    const harness = await startHarness(understanding, { channels: [channel] });
    cleanup.push(() => harness.close());
    expect(api.calls.find((c) => c.method === "setWebhook")?.body).toMatchObject({
      url: "https://egrid.example/telegram/hook",
      secret_token: "s3cret",
    });
    const post = (secret: string) =>
      fetch(`${harness.url}/telegram/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify({ update_id: 1, ...groupMessage(GROUP, WANG, 21, "你好") }),
      });
    expect((await post("wrong")).status).toBe(401);
    expect((await post("s3cret")).status).toBe(200);
    expect(await harness.running.egrid.db.prisma.inboxMessage.count({ where: { channel: "telegram" } })).toBe(
      1,
    );
  });
});
