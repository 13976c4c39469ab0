// A case's whole life over the playground, driven by the scheduler's deadline job at times an
// injected clock chooses: report → nudge (once) → escalation → resolved by replying to the notice
// → closed by the sweep when nobody objects → rated. And quiet hours: a night nudge waits.
import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { deadlineSweepJob } from "./job-runner";
import { findButton, startHarness } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([
  { when: /灯/, intent: "report", category: "lighting" },
  { when: /健身器材/, intent: "report", category: "facilities", priority: "low" },
]);

const GROUP = "grid-chunhui-1";
const WANG = "p-res-wang";
const WORKER = "p-chunhui-1-worker";
const ADMIN = "p-chunhui-admin";
const dm = (personId: string) => `dm-${personId}`;
/** Monday 30 Nov 2026 at hh:mm in Shanghai, plus whole days. */
const monday = (hhmm: string, plusDays = 0) =>
  new Date(new Date(`2026-11-30T${hhmm}:00+08:00`).getTime() + plusDays * 86_400_000);

let harness: Awaited<ReturnType<typeof startHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function setup() {
  const clock = fixedClock(monday("10:00"));
  const h = await startHarness(understanding, { clock });
  harness = h;
  const { egrid, runtime } = h.running;
  // The job `egrid start` schedules, run at the moments the test picks.
  const job = deadlineSweepJob(egrid.tickets, 60, async (notices) => {
    await runtime.deliverNotices(notices);
    await runtime.sendBookingReminders();
  });
  const seen = new Map<string, number>();
  /** Run the sweep at `at` and return what each chat received since the last look. */
  const tick = async (at: Date) => {
    clock.set(at);
    await job.run(at);
    await runtime.dispatcher.deliverDue("playground");
  };
  const newIn = (chatId: string) => {
    const entries = runtime.playground.entries(chatId, seen.get(chatId) ?? 0).filter((e) => e.from === "bot");
    const all = runtime.playground.entries(chatId);
    seen.set(chatId, all.at(-1)?.seq ?? 0);
    return entries;
  };
  return { h, clock, tick, newIn, prisma: egrid.db.prisma };
}

describe("a case's whole life, driven by the scheduler with an injected clock", () => {
  it("report → nudge once → escalation → resolved from the chat → closed unopposed → rated", async () => {
    const { h, clock, tick, newIn, prisma } = await setup();
    await h.send(GROUP, WANG, "3栋楼道灯坏了");
    expect(newIn(dm(WORKER)).map((e) => e.text)).toEqual([
      expect.stringMatching(/^📋 新派单\n【2026-000001】照明/),
    ]);
    newIn(dm(WANG));

    // Normal priority: 4 h to sign for; the nudge comes at 75 %, 13:00, and only once.
    await tick(monday("12:59"));
    expect(newIn(dm(WORKER))).toEqual([]);
    await tick(monday("13:00"));
    const [nudge, ...more] = newIn(dm(WORKER));
    expect(more).toEqual([]);
    expect(nudge?.text).toMatch(/^⏰ 提醒：工单还剩 1小时0分 到期\n【2026-000001】/);
    expect(nudge?.buttons?.flat().map((b) => b.label)).toEqual(expect.arrayContaining(["签收", "已处理"]));
    await tick(monday("13:00"));
    await tick(monday("13:30"));
    expect(newIn(dm(WORKER))).toEqual([]);

    // At the deadline it climbs to the community: the admin is told why, the worker that it went up.
    await tick(monday("14:00"));
    const [escalated] = newIn(dm(ADMIN));
    expect(escalated?.text).toMatch(/^⬆️ 工单已上报到您这一级（下级超时未办结）\n【2026-000001】/);
    expect(newIn(dm(WORKER)).map((e) => e.text)).toEqual(["工单 2026-000001 已超时，已上报到社区。"]);

    // The admin replies to the notice with what was done: that resolves it; the reporter is asked.
    clock.set(monday("15:00"));
    const done = await h.send(dm(ADMIN), ADMIN, {
      text: "已处理，换了新灯泡",
      replyToMessageId: escalated!.id,
    });
    expect(done.find((r) => r.chatId === dm(ADMIN))?.text).toBe("已提交处理结果 2026-000001，等待居民确认。");
    const [ask] = newIn(dm(WANG));
    expect(ask?.text).toMatch(
      /^您的报事 2026-000001 已处理：已处理，换了新灯泡。请确认是否解决（12\/3 15:00前无异议将自动办结）/,
    );

    // Nobody objects for AUTO_CLOSE_HOURS (72): the sweep closes it and asks for a rating.
    await tick(monday("14:59", 3));
    expect(newIn(dm(WANG))).toEqual([]);
    await tick(monday("15:00", 3));
    const closed = newIn(dm(WANG));
    expect(closed.map((e) => e.text)).toEqual(
      expect.arrayContaining(["工单 2026-000001 已办结，请为这次处理打分："]),
    );
    const rated = await h.send(dm(WANG), WANG, { button: findButton(closed, "★★★★★") });
    expect(rated[0]?.text).toMatch(/谢谢/);

    const ticket = await prisma.ticket.findFirstOrThrow();
    expect(ticket).toMatchObject({ state: "closed", level: "community", rating: 5 });
    const events = await prisma.ticketEvent.findMany({
      where: { ticketId: ticket.id },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual([
      "created",
      "dispatched",
      "nudged",
      "escalated",
      "resolved",
      "auto_closed",
      "rated",
    ]);
  });

  it("quiet hours: a nudge due at 04:00 waits until 07:00", async () => {
    const { h, tick, newIn } = await setup();
    // Low priority: 24 h to sign for, so the nudge is due 18 h later, at 04:00 on Tuesday.
    await h.send(GROUP, WANG, "小区健身器材掉漆了");
    newIn(dm(WORKER));
    await tick(monday("04:00", 1));
    expect(newIn(dm(WORKER))).toEqual([]);
    await tick(monday("06:59", 1));
    expect(newIn(dm(WORKER))).toEqual([]);
    await tick(monday("07:00", 1));
    expect(newIn(dm(WORKER)).map((e) => e.text)).toEqual([
      expect.stringMatching(/^⏰ 提醒：工单还剩 3小时0分 到期/),
    ]);
  });
});
