import { afterEach, describe, expect, it } from "vitest";
import { INBOX_PROCESSING_LEASE_MS } from "../core/conversation/conversation-ports";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { findButton, startHarness } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([
  { when: /煤气|燃气/, intent: "report", category: "utilities", priority: "urgent" },
  { when: /灯/, intent: "report", category: "lighting" },
  {
    when: /垃圾/,
    intent: "report",
    category: "garbage",
    confidence: 0.5,
    alternatives: ["greening", "property_service"],
  },
  { when: /怪怪的|不对劲/, intent: "report", category: "other", confidence: 0.1 },
  { when: /我的报事|my reports/i, intent: "ticket_status" },
  { when: /帮助|help/i, intent: "help" },
  { when: /谢谢|你好/, intent: "chitchat" },
  { when: /汇总|情况/, intent: "summary" },
]);

let harness: Awaited<ReturnType<typeof startHarness>>;
afterEach(async () => harness?.close());

const GROUP = "grid-chunhui-1";

describe("the playground, over HTTP, with the whole pipeline on SQLite", () => {
  it("resident reports → worker signs for and resolves by reply → resident confirms and rates", async () => {
    harness = await startHarness(understanding);
    const filed = await harness.send(GROUP, "p-res-wang", "3栋楼道灯坏了好几天了，晚上黑乎乎的");
    const groupReply = filed.find((r) => r.chatId === GROUP)!;
    expect(groupReply.text).toMatch(/已受理，编号 2026-000001（照明）。由李网格员处理/);
    const dispatch = filed.find((r) => r.chatId === "dm-p-chunhui-1-worker")!;
    expect(dispatch.text).toContain("3栋楼道灯坏了好几天了");
    expect(dispatch.buttons?.[0]?.map((b) => b.label)).toEqual(["签收", "退回", "已处理"]);

    const signed = await harness.send("dm-p-chunhui-1-worker", "p-chunhui-1-worker", {
      button: findButton(filed, "签收"),
    });
    expect(signed.find((r) => r.chatId === "dm-p-chunhui-1-worker")?.text).toMatch(/已签收 2026-000001/);
    expect(signed.find((r) => r.chatId === "dm-p-res-wang")?.text).toMatch(/已被李网格员签收/);

    // Reply to the dispatch message with the result: that resolves the case.
    const dispatchEntry = harness.running.runtime.playground
      .entries("dm-p-chunhui-1-worker")
      .find((e) => e.text.startsWith("📋"))!;
    const resolved = await harness.send("dm-p-chunhui-1-worker", "p-chunhui-1-worker", {
      text: "换了新灯管，已经亮了",
      replyToMessageId: dispatchEntry.id,
    });
    const ask = resolved.find((r) => r.chatId === "dm-p-res-wang")!;
    expect(ask.text).toMatch(/已处理：换了新灯管/);
    const confirmed = await harness.send("dm-p-res-wang", "p-res-wang", {
      button: findButton(resolved, "已解决"),
    });
    expect(confirmed.find((r) => r.chatId === "dm-p-res-wang")?.text).toMatch(/已办结/);
    const rating = confirmed.find((r) => r.buttons && r.chatId === "dm-p-res-wang");
    const rated = await harness.send("dm-p-res-wang", "p-res-wang", {
      button: findButton([rating!], "★★★★★"),
    });
    expect(rated[0]?.text).toMatch(/5 分/);

    const mine = await harness.send(GROUP, "p-res-wang", "我的报事");
    expect(mine.find((r) => r.chatId === GROUP)?.text).toBe("详情已私信给您。");
    expect(mine.find((r) => r.chatId === "dm-p-res-wang")?.text).toMatch(/2026-000001 照明 · 已办结/);
  });

  it("not fixed reopens the case with the reason; the worker hears it", async () => {
    harness = await startHarness(understanding);
    const filed = await harness.send(GROUP, "p-res-wang", "楼下路灯不亮");
    await harness.send("dm-p-chunhui-1-worker", "p-chunhui-1-worker", {
      button: findButton(filed, "已处理"),
    });
    const resolved = await harness.send("dm-p-chunhui-1-worker", "p-chunhui-1-worker", "修好了");
    const asked = await harness.send("dm-p-res-wang", "p-res-wang", {
      button: findButton(resolved, "没修好"),
    });
    expect(asked[0]?.text).toMatch(/哪里还没解决/);
    const reopened = await harness.send("dm-p-res-wang", "p-res-wang", "晚上还是不亮");
    expect(reopened.find((r) => r.chatId === "dm-p-chunhui-1-worker")?.text).toMatch(
      /居民反映未解决.*晚上还是不亮/s,
    );
  });

  it("an unknown person in a bound group is asked once for their building, which is remembered", async () => {
    harness = await startHarness(understanding);
    const asked = await harness.send(GROUP, "newcomer-1", "楼道灯坏了");
    expect(asked[0]?.text).toMatch(/您住在哪一栋/);
    const filed = await harness.send(GROUP, "newcomer-1", { button: findButton(asked, "春晖小区2栋") });
    expect(filed.map((r) => r.text).join("\n")).toMatch(/记住了：您住在春晖小区2栋[\s\S]*已受理/);
    const second = await harness.send(GROUP, "newcomer-1", "门口的灯也不亮了");
    expect(second.some((r) => /您住在哪一栋/.test(r.text))).toBe(false);
  });

  it("a building named in the text is used; a second report of it joins the first case", async () => {
    harness = await startHarness(understanding);
    await harness.send(GROUP, "p-res-wang", "1栋楼道灯坏了");
    const again = await harness.send(GROUP, "p-res-zhang", "1栋楼道的灯也坏了");
    expect(again[0]?.text).toMatch(/已经有人反映了（2026-000001）.*共 2 人/);
  });

  it("unsure of the category: offers buttons; very unsure twice: hands it to the dispatchers", async () => {
    harness = await startHarness(understanding);
    const offered = await harness.send(GROUP, "p-res-wang", "门口垃圾好多");
    expect(offered[0]?.text).toBe("请问这属于哪一类问题？");
    expect(offered[0]?.buttons?.[0]?.map((b) => b.label)).toEqual(["环境卫生", "绿化", "物业服务"]);
    const filed = await harness.send(GROUP, "p-res-wang", { button: "c:garbage" });
    expect(filed.find((r) => r.chatId === GROUP)?.text).toMatch(/环境卫生/);

    const first = await harness.send(GROUP, "p-res-zhang", "最近感觉怪怪的");
    expect(first[0]?.text).toMatch(/再具体说说/);
    const triage = await harness.send(GROUP, "p-res-zhang", "就是不对劲");
    expect(triage.find((r) => r.chatId === GROUP)?.text).toMatch(/社区工作人员会尽快确认/);
    expect(triage.find((r) => r.chatId === "dm-p-chunhui-admin")?.text).toMatch(/待分派工单/);
  });

  it("urgent reports get safety advice at once", async () => {
    harness = await startHarness(understanding);
    const replies = await harness.send(GROUP, "p-res-wang", "楼道里好大的煤气味");
    expect(replies[0]?.text).toMatch(/燃气味.*开窗通风/);
    expect(replies[1]?.text).toMatch(/已受理/);
  });

  it("a redelivered message makes no second ticket; bad input gets a clear 400", async () => {
    harness = await startHarness(understanding);
    const body = { chatId: GROUP, userId: "p-res-wang", text: "3栋路灯坏了", messageId: "m-1" };
    const first = await harness.say(body);
    const second = await harness.say(body);
    expect(first.json.replies.length).toBeGreaterThan(0);
    expect(second.json).toMatchObject({ duplicate: true, replies: [] });
    const count = await harness.running.egrid.db.prisma.ticket.count();
    expect(count).toBe(1);

    const bad = await harness.say({ chatId: GROUP });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/请求有误/);
  });

  it("English speakers are answered in English; help and chit-chat are answered", async () => {
    harness = await startHarness(understanding);
    const help = await harness.send(GROUP, "p-res-emma", "help");
    expect(help[0]?.text).toMatch(/I am the community grid assistant/);
    const hi = await harness.send(GROUP, "p-res-wang", "你好");
    expect(hi[0]?.text).toMatch(/您好/);
    const unknownIntent = await harness.send(GROUP, "p-res-wang", "。。。");
    expect(unknownIntent.length).toBeGreaterThan(0);
  });

  it("admins see open and overdue cases in their scope and can reassign; residents cannot", async () => {
    harness = await startHarness(understanding);
    await harness.send(GROUP, "p-res-wang", "3栋路灯坏了");
    (harness.clock as ReturnType<typeof fixedClock>).advanceMinutes(300);
    const overview = await harness.send("dm-p-chunhui-admin", "p-chunhui-admin", "/overdue");
    expect(overview[0]?.text).toMatch(
      /春晖社区：在办 1 件，其中超期 1 件。\n2026-000001 照明 · 已派单 · 李网格员 · 期限 .* · ⏰超期/,
    );
    const moved = await harness.send(
      "dm-p-chunhui-admin",
      "p-chunhui-admin",
      "/reassign 2026-000001 p-chunhui-1-backup",
    );
    expect(moved.find((r) => r.chatId === "dm-p-chunhui-admin")?.text).toMatch(
      /已将 2026-000001 转派给 马网格员/,
    );
    expect(moved.find((r) => r.chatId === "dm-p-chunhui-1-backup")?.text).toMatch(/新派单/);
    expect(moved.find((r) => r.chatId === "dm-p-chunhui-1-worker")?.text).toMatch(/已转给其他人/);
    const refused = await harness.send(
      "dm-p-res-zhang",
      "p-res-zhang",
      "/reassign 2026-000001 p-chunhui-1-worker",
    );
    expect(refused[0]?.text).toMatch(/没有权限/);
  });

  it("identities list the demo people with their chats", async () => {
    harness = await startHarness(understanding);
    const response = await fetch(`${harness.url}/api/playground/identities`);
    const { identities } = (await response.json()) as {
      identities: { userId: string; roles: string[]; chats: { chatId: string }[] }[];
    };
    const wang = identities.find((i) => i.userId === "p-res-wang")!;
    expect(wang.roles).toEqual(["resident"]);
    expect(wang.chats.map((c) => c.chatId)).toEqual(
      expect.arrayContaining(["grid-chunhui-1", "community-chunhui", "dm-p-res-wang"]),
    );
    const worker = identities.find((i) => i.userId === "p-chunhui-1-worker")!;
    expect(worker.chats.map((c) => c.chatId)).toContain("grid-chunhui-1");
  });
});

describe("nothing a resident sent is lost", () => {
  it("a message stored before a crash is processed at the next start", async () => {
    harness = await startHarness(understanding);
    const dir = harness.dir;
    // Simulate a crash right after the inbox write: store without processing.
    await harness.running.runtime.deps.inbox.store(
      {
        channel: "playground",
        chatId: GROUP,
        chatType: "group",
        userId: "p-res-wang",
        messageId: "crash-1",
        text: "3栋楼道灯坏了",
      },
      harness.clock.now(),
    );
    await harness.close({ keepFiles: true });
    // Started again before the claim of the instance that stored it ran out: left alone (it may
    // still be working on it, if it is another instance), then taken once the claim is over.
    const { database } = harness;
    harness = await startHarness(understanding, { dir, database });
    expect(await harness.running.egrid.db.prisma.ticket.count()).toBe(0);
    await harness.close({ keepFiles: true });
    const later = fixedClock(new Date(harness.clock.now().getTime() + INBOX_PROCESSING_LEASE_MS));
    harness = await startHarness(understanding, { dir, database, clock: later });
    const prisma = harness.running.egrid.db.prisma;
    expect(await prisma.ticket.count()).toBe(1);
    expect(await prisma.inboxMessage.findFirst({ where: { messageId: "crash-1" } })).toMatchObject({
      outcome: "ticket_dispatched",
    });
  });

  it("a failure inside the pipeline apologises, and the message stays in the inbox with the error", async () => {
    const broken = { understand: async () => Promise.reject(new Error("model file corrupt")) };
    harness = await startHarness(broken);
    const replies = await harness.send(GROUP, "p-res-wang", "3栋楼道灯坏了");
    expect(replies[0]?.text).toMatch(/抱歉，系统刚才出了点问题，您的消息已经保存/);
    const row = await harness.running.egrid.db.prisma.inboxMessage.findFirst();
    expect(row).toMatchObject({ outcome: "failed", payload: expect.stringContaining("3栋楼道灯坏了") });
    expect(row?.error).toMatch(/model file corrupt/);
  });
});
