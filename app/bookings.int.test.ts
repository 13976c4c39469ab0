import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { findButton, startHarness } from "./testing/egrid-harness";

// Monday 2026-11-30 10:00 in Shanghai.
const T0 = new Date("2026-11-30T02:00:00Z");
const understanding = new ScriptedUnderstanding([
  { when: /我的预约|my bookings|空|free/i, intent: "booking_query" },
  { when: /订|预约|约|book/i, intent: "booking_create" },
]);

let harness: Awaited<ReturnType<typeof startHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const WANG = "dm-p-res-wang";
const ZHANG = "dm-p-res-zhang";
const text = (replies: { text: string }[]) => replies.map((r) => r.text).join("\n");

describe("booking rooms and services from the chat (playground, SQLite)", () => {
  it("proposes a concrete slot, books on confirmation, and offers the nearest free times on a clash", async () => {
    harness = await startHarness(understanding, { clock: fixedClock(T0) });
    const asked = await harness.send(WANG, "p-res-wang", "我想订周三晚上7点到9点的会议室");
    expect(text(asked)).toContain("春晖社区党群服务中心 会议室\n时间：12月2日（周三）19:00–21:00");
    const booked = await harness.send(WANG, "p-res-wang", { button: findButton(asked, "确认预约") });
    expect(text(booked)).toMatch(
      /✅ 已预约 会议室\n时间：12月2日（周三）19:00–21:00\n地点：.*南门旁.*\n开放时间：08:30-21:00/,
    );

    const clash = await harness.send(ZHANG, "p-res-zhang", "订周三晚上7点到9点的会议室，10个人");
    expect(text(clash)).toMatch(/12月2日（周三）19:00–21:00 的会议室已经被预约了。\n最近的空闲时间：/);
    const labels = clash
      .flatMap((r) => r.buttons ?? [])
      .flat()
      .map((b) => b.label);
    expect(labels[0]).toBe("多功能活动室 12月2日（周三）19:00–21:00");
    expect(labels).toContain("会议室 12月2日（周三）17:00–19:00");
    const other = await harness.send(ZHANG, "p-res-zhang", { button: findButton(clash, /^多功能活动室/) });
    expect(text(other)).toMatch(/✅ 已预约 多功能活动室/);

    const prisma = harness.running.egrid.db.prisma;
    const rows = await prisma.booking.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((b) => [b.personId, b.resourceId, b.people])).toEqual([
      ["p-res-wang", "room-chunhui-meeting", null],
      ["p-res-zhang", "room-chunhui-activity", 10],
    ]);
  });

  it("asks for what is missing: the room, then the time", async () => {
    harness = await startHarness(understanding, { clock: fixedClock(T0) });
    const which = await harness.send(WANG, "p-res-wang", "我想预约明天下午");
    expect(text(which)).toContain("想预约哪个场地或服务？");
    const legal = await harness.send(WANG, "p-res-wang", { button: findButton(which, "法律咨询") });
    // Tuesday afternoon: legal advice runs 14:00–17:00 in 30-minute appointments.
    expect(text(legal)).toContain("法律咨询\n时间：12月1日（周二）14:00–14:30");
    const when = await harness.send(WANG, "p-res-wang", "预约书画室");
    expect(text(when)).toMatch(/想约书画室的什么时间/);
    const proposal = await harness.send(WANG, "p-res-wang", "周四上午10点到11点半");
    expect(text(proposal)).toContain("12月3日（周四）10:00–11:30");
  });

  it("lists, moves and cancels a person's bookings, and says what is free on a day", async () => {
    harness = await startHarness(understanding, { clock: fixedClock(T0) });
    const asked = await harness.send(WANG, "p-res-wang", "订周三晚上7点到9点的会议室");
    await harness.send(WANG, "p-res-wang", { button: findButton(asked, "确认预约") });
    const free = await harness.send(WANG, "p-res-wang", "周三有什么空的");
    expect(text(free)).toContain("会议室：08:30–19:00");
    expect(text(free)).toContain("书画室：08:30–21:00");

    const mine = await harness.send(WANG, "p-res-wang", "我的预约");
    expect(text(mine)).toContain("您的预约（1 个）：\n会议室 · 12月2日（周三）19:00–21:00");
    const ask = await harness.send(WANG, "p-res-wang", { button: findButton(mine, "改时间") });
    expect(text(ask)).toMatch(/想改到什么时间/);
    const proposal = await harness.send(WANG, "p-res-wang", "周四晚上7点到9点");
    const moved = await harness.send(WANG, "p-res-wang", { button: findButton(proposal, "确认预约") });
    expect(text(moved)).toContain("✅ 已改到 12月3日（周四）19:00–21:00");
    const after = await harness.send(WANG, "p-res-wang", "我的预约");
    expect(text(after)).toContain("会议室 · 12月3日（周四）19:00–21:00");
    const cancelled = await harness.send(WANG, "p-res-wang", { button: findButton(after, /^取消预约/) });
    expect(text(cancelled)).toContain("已取消 会议室（12月3日（周四）19:00–21:00）的预约");
    expect(text(await harness.send(WANG, "p-res-wang", "我的预约"))).toContain("您目前没有预约");
  });

  it("answers in English and reminds an hour before the start", async () => {
    const clock = fixedClock(T0);
    harness = await startHarness(understanding, { clock });
    const asked = await harness.send(WANG, "p-res-wang", "book the meeting room on Friday 3pm");
    expect(text(asked)).toContain("When: Fri 4 Dec 15:00–16:00");
    const booked = await harness.send(WANG, "p-res-wang", { button: findButton(asked, "Confirm") });
    expect(text(booked)).toMatch(/✅ Booked: meeting room/);
    clock.set(new Date("2026-12-04T06:00:00Z")); // 14:00 in Shanghai
    expect(await harness.running.runtime.sendBookingReminders()).toBe(1);
    expect(await harness.running.runtime.sendBookingReminders()).toBe(0);
    const queued = await harness.running.egrid.db.prisma.outboxMessage.findMany({ where: { chatId: WANG } });
    expect(queued.map((m) => JSON.parse(m.payload).text).join("\n")).toMatch(
      /⏰ 提醒：您预约的会议室在 12月4日（周五）15:00–16:00/,
    );
  });
});
