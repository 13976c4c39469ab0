// Two egrid instances behind one load balancer, on one PostgreSQL and one Redis, with Telegram in
// webhook mode: the same update pushed to both makes one ticket and one set of replies, and the
// deadline sweep, scheduled on both, nudges the worker once.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { TelegramChannel } from "../bot/channels/telegram-channel";
import { groupMessage, startFakeTelegramApi } from "../bot/channels/testing/fake-telegram-api";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { testDatabaseUrl, testPostgresUrl } from "../db/testing/temp-database";
import { deadlineSweepJob } from "./job-runner";
import { createLogger } from "./logger";
import { startHarness, until } from "./testing/egrid-harness";

const TOKEN = "123:test-token";
const GROUP = -1001234;
const WANG = 5001;
const WORKER = 7001;
const HOOK = "https://egrid.example/telegram/hook";
const SECRET = "s3cret";
const REDIS_URL = process.env.EGRID_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function twoInstances() {
  if (!testPostgresUrl()) throw new Error("this test needs EGRID_TEST_DATABASE (the postgresql project)");
  const api = await startFakeTelegramApi(TOKEN);
  cleanup.push(() => api.close());
  const prefix = `egrid-test-${randomBytes(4).toString("hex")}`;
  cleanup.push(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  const database = testDatabaseUrl("unused.db");
  cleanup.push(() => database.drop());
  const clock = fixedClock(new Date("2026-11-30T02:00:00Z"));
  const env = { REDIS_URL, REDIS_PREFIX: prefix, SWEEP_INTERVAL_SECONDS: "1" };
  const start = async () => {
    const channel = new TelegramChannel({
      token: TOKEN,
      apiRoot: api.apiRoot,
      webhookUrl: HOOK,
      webhookSecret: SECRET,
      logger: createLogger("silent"),
    });
    const harness = await startHarness(understanding, { clock, channels: [channel], env, database });
    cleanup.push(() => harness.close({ keepFiles: true }));
    return harness;
  };
  // One after the other: the first migrates and seeds the demo district, the second finds it done.
  const a = await start();
  const b = await start();
  const prisma = a.running.egrid.db.prisma;
  await prisma.groupChat.create({
    data: { channel: "telegram", chatId: String(GROUP), placeId: "g-chunhui-1", title: "春晖1网格" },
  });
  for (const [externalId, personId] of [
    [WANG, "p-res-wang"],
    [WORKER, "p-chunhui-1-worker"],
  ] as const) {
    await prisma.chatIdentity.create({
      data: { channel: "telegram", externalId: String(externalId), personId, lastSeenAt: clock.now() },
    });
  }
  const push = (url: string, update: object) =>
    fetch(`${url}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(update),
    });
  return { api, a, b, clock, prisma, push };
}

describe("two instances on one PostgreSQL and Redis", () => {
  it("the same update pushed to both instances at once makes one ticket and one reply each", async () => {
    const { api, a, b, prisma, push } = await twoInstances();
    const update = { update_id: 1, ...groupMessage(GROUP, WANG, 21, "3栋楼道灯坏了") };
    const answers = await Promise.all([push(a.url, update), push(b.url, update), push(b.url, update)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    await until(() => api.sent().some((m) => String(m.chat_id) === String(WORKER)), "the private dispatch");
    await until(() => api.sent().some((m) => String(m.chat_id) === String(GROUP)), "the group reply");
    await new Promise((r) => setTimeout(r, 1500)); // time for a second copy, if there were one
    expect(await prisma.inboxMessage.count()).toBe(1);
    expect(await prisma.ticket.count()).toBe(1);
    const toGroup = api.sent().filter((m) => String(m.chat_id) === String(GROUP));
    const toWorker = api.sent().filter((m) => String(m.chat_id) === String(WORKER));
    expect(toGroup).toHaveLength(1);
    expect(String(toGroup[0]!.text)).toMatch(/已受理，编号 2026-000001/);
    expect(toWorker).toHaveLength(1);
    expect(await prisma.outboxMessage.count({ where: { status: { not: "sent" } } })).toBe(0);
  }, 60_000);

  it("the sweep, scheduled on both and also run by both at once, nudges the worker once", async () => {
    const { api, a, b, clock, prisma, push } = await twoInstances();
    await push(a.url, { update_id: 2, ...groupMessage(GROUP, WANG, 22, "楼下路灯不亮") });
    await until(() => api.sent().some((m) => String(m.chat_id) === String(WORKER)), "the private dispatch");
    const ticket = await prisma.ticket.findFirstOrThrow();
    expect(ticket.nudgeDueAt).not.toBeNull();
    // Both instances sweep at the same moment by hand, while Redis ticks the scheduled sweep.
    clock.set(new Date(ticket.nudgeDueAt!.getTime() + 60_000));
    const sweep = (h: typeof a) =>
      deadlineSweepJob(h.running.egrid.tickets, 1, (notices) =>
        h.running.runtime.deliverNotices(notices),
      ).run(clock.now());
    await Promise.all([sweep(a), sweep(b)]);
    const nudges = () =>
      api.sent().filter((m) => String(m.chat_id) === String(WORKER) && /^⏰ 提醒/.test(String(m.text)));
    await until(() => nudges().length > 0 || undefined, "the nudge", 15_000);
    await new Promise((r) => setTimeout(r, 2500)); // a few more scheduled ticks
    expect(nudges()).toHaveLength(1);
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: "nudged" } })).toBe(1);
  }, 60_000);
});
