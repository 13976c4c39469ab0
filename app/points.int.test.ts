import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { sweepDeadlines } from "../core/tickets/sweep-deadlines";
import { findButton, type PlaygroundReply, startHarness } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([
  { when: /排行|leaderboard/i, intent: "points_balance" },
  { when: /多少积分|how many points/i, intent: "points_balance" },
  { when: /可以换|兑换/, intent: "points_redeem" },
  { when: /签到|签退|check (in|out)/i, intent: "checkin" },
  { when: /灯/, intent: "report", category: "lighting" },
]);

let harness: Awaited<ReturnType<typeof startHarness>>;
afterEach(async () => harness?.close());

const GROUP = "grid-chunhui-1";
const WANG = "p-res-wang";
const ADMIN = "p-chunhui-admin";
const dm = (personId: string) => `dm-${personId}`;
const to = (replies: readonly PlaygroundReply[], chatId: string) =>
  replies.filter((r) => r.chatId === chatId);
const textTo = (replies: readonly PlaygroundReply[], chatId: string) =>
  to(replies, chatId)
    .map((r) => r.text)
    .join("\n");

/** Monday 30 Nov 2026, 10:00 in Shanghai; the demo's 小区绿化养护 is tomorrow 09:00–11:00. */
const start = () => fixedClock(new Date("2026-11-30T02:00:00Z"));

describe("volunteer points over the playground", () => {
  it("asked in the group, the balance and the latest entries come privately", async () => {
    harness = await startHarness(understanding, { clock: start() });
    const replies = await harness.send(GROUP, WANG, "我有多少积分");
    expect(textTo(replies, GROUP)).toBe("详情已私信给您。");
    expect(textTo(replies, dm(WANG))).toMatch(
      /您现在有 120 积分。\n最近记录：\n.*\+120 奖励：示范数据：开通积分/,
    );
    const english = await harness.send(dm("p-res-emma"), "p-res-emma", "how many points do I have");
    expect(english[0]?.text).toMatch(/You have 0 points/);
  });

  it("rewards → confirm → pickup code; pressing the confirmation again gives the same order", async () => {
    harness = await startHarness(understanding, { clock: start() });
    const listed = await harness.send(GROUP, WANG, "有什么可以换");
    const list = to(listed, dm(WANG))[0]!;
    expect(list.text).toMatch(/您有 120 积分/);
    expect(list.buttons?.flat().map((b) => b.label)).toContain("鸡蛋一盒 · 20分");
    const asked = await harness.send(dm(WANG), WANG, { button: findButton(listed, "鸡蛋一盒 · 20分") });
    expect(asked[0]?.text).toBe("确认用 20 积分兑换“鸡蛋一盒”吗？（您有 120 积分）");
    const confirm = findButton(asked, "确认兑换");
    const done = await harness.send(dm(WANG), WANG, { button: confirm });
    const code = /取货码：([2-9A-HJKMNP-Z]{6})/.exec(done[0]!.text)?.[1];
    expect(done[0]?.text).toMatch(/已兑换“鸡蛋一盒”，扣 20 积分，还剩 100 分/);
    expect(code).toBeDefined();
    const again = await harness.send(dm(WANG), WANG, { button: confirm });
    expect(again[0]?.text).toContain(`取货码：${code}`);
    const prisma = harness.running.egrid.db.prisma;
    expect(await prisma.rewardOrder.count()).toBe(1);
    expect((await prisma.reward.findUniqueOrThrow({ where: { id: "rw-chunhui-eggs" } })).stock).toBe(99);

    // Too dear: told at once, no confirmation button.
    const camp = await harness.send(dm("p-res-zhang"), "p-res-zhang", { button: "p:rw:rw-chunhui-camp" });
    expect(camp[0]?.text).toBe("积分不够：需要 200 分，您有 40 分。");
    expect(camp[0]?.buttons).toBeUndefined();
  });

  it("sign up → check in with the code word → check out two hours later: points capped at the window", async () => {
    const clock = start();
    harness = await startHarness(understanding, { clock });
    const listed = await harness.send(GROUP, WANG, "/activities");
    expect(textTo(listed, GROUP)).toMatch(/小区绿化养护｜12\/1 09:00–11:00｜10分\/小时｜剩 10 个名额/);
    const signed = await harness.send(GROUP, WANG, { button: findButton(listed, "报名：小区绿化养护") });
    expect(textTo(signed, dm(WANG))).toMatch(/已报名“小区绿化养护”/);
    expect(textTo(signed, dm(WANG))).not.toContain("绿化123"); // the code word is given out on site

    clock.set(new Date("2026-12-01T01:30:00Z")); // 09:30
    expect(textTo(await harness.send(GROUP, WANG, "签到 绿化321"), GROUP)).toBe(
      "口令不对，请向现场组织者确认口令。",
    );
    expect(textTo(await harness.send(GROUP, WANG, "签到 绿化123"), GROUP)).toMatch(/“小区绿化养护”签到成功/);
    clock.advanceMinutes(120); // 11:30, half an hour after the end
    const out = await harness.send(GROUP, WANG, "签退 绿化123");
    expect(textTo(out, dm(WANG))).toBe("✅ “小区绿化养护”签退成功，获得 15 积分，现在共 135 分。辛苦了！");
    expect(textTo(await harness.send(GROUP, WANG, "签退 绿化123"), GROUP)).toBe("这次活动的积分已经发过了。");

    // 张大爷 checks in with a location pin near the activity; 刘女士, with nothing on, starts a report.
    clock.set(new Date("2026-12-01T01:00:00Z"));
    await harness.send(GROUP, "p-res-zhang", { button: findButton(listed, "报名：小区绿化养护") });
    const pin = { location: { latitude: 30.2745, longitude: 120.1553 } };
    expect(textTo(await harness.send(GROUP, "p-res-zhang", pin), GROUP)).toMatch(/签到成功/);
    expect(textTo(await harness.send(GROUP, "p-res-liu", pin), GROUP)).toMatch(/收到位置/);
  });

  it("admins award and deduct within their communities; residents and other communities may not", async () => {
    harness = await startHarness(understanding, { clock: start() });
    const byResident = await harness.send(GROUP, "p-res-zhang", "/award p-res-wang 10 帮忙");
    expect(byResident[0]?.text).toMatch(/管理员/);
    const awarded = await harness.send(dm(ADMIN), ADMIN, "/award p-res-wang 10 帮忙搬桌椅");
    expect(textTo(awarded, dm(ADMIN))).toBe("已为 王阿姨 奖励 10 积分，现余 130 分。");
    expect(textTo(awarded, dm(WANG))).toBe("🎉 您获得 10 积分（帮忙搬桌椅），现在共 130 分。");
    const other = await harness.send(dm("p-wenchang-admin"), "p-wenchang-admin", "/award p-res-wang 10 x");
    expect(other[0]?.text).toMatch(/没有权限/);
    const tooMuch = await harness.send(dm(ADMIN), ADMIN, "/deduct p-res-zhang 41 误报");
    expect(tooMuch[0]?.text).toBe("积分不够。");
    const deducted = await harness.send(dm(ADMIN), ADMIN, "/deduct p-res-zhang 40 误报");
    expect(textTo(deducted, dm("p-res-zhang"))).toBe("您被扣减 40 积分（误报），现在共 0 分。");
    expect((await harness.send(dm(ADMIN), ADMIN, "/award p-res-wang ten x"))[0]?.text).toMatch(
      /用法：\/award/,
    );
  });

  it("a verified report earns its reporter points once; a case the sweep closes earns too", async () => {
    const clock = start();
    harness = await startHarness(understanding, { clock });
    const worker = "p-chunhui-1-worker";
    const fileAndResolve = async (text: string) => {
      const filed = await harness.send(GROUP, WANG, text);
      await harness.send(dm(worker), worker, { button: findButton(filed, "已处理") });
      return harness.send(dm(worker), worker, "修好了");
    };
    const resolved = await fileAndResolve("3栋楼道灯坏了");
    const confirmed = await harness.send(dm(WANG), WANG, { button: findButton(resolved, "已解决") });
    expect(textTo(confirmed, dm(WANG))).toMatch(
      /您反映的问题 2026-000001 已核实解决，获得 5 积分，现在共 125 分/,
    );
    await harness.send(dm(WANG), WANG, { button: findButton(resolved, "已解决") }); // pressed again
    const prisma = harness.running.egrid.db.prisma;
    expect(await prisma.pointEntry.count({ where: { kind: "report" } })).toBe(1);

    // Nobody objects for 72 hours: the sweep closes it and the reporter is credited.
    await fileAndResolve("楼下路灯不亮");
    const later = new Date(clock.now().getTime() + 73 * 3_600_000);
    const swept = await sweepDeadlines(harness.running.egrid.tickets, later);
    if (!swept.ok) throw new Error(swept.code);
    await harness.running.runtime.deliverNotices(swept.value.notices);
    await harness.running.runtime.deliverNotices(swept.value.notices); // a repeated run credits nothing more
    expect(await prisma.pointEntry.count({ where: { kind: "report" } })).toBe(2);
    expect(await harness.running.egrid.points.ledger.balanceOf(WANG)).toBe(130);
  });

  it("an admin publishes an activity in the chat; the organiser confirms attendance", async () => {
    const clock = start();
    harness = await startHarness(understanding, { clock });
    const community = "community-chunhui";
    const refused = await harness.send(community, WANG, "/publish 扫雪1 2026-12-02 08:00-10:00 5 30 扫雪");
    expect(refused[0]?.text).toMatch(/管理员/);
    const bad = await harness.send(community, ADMIN, "/publish 扫雪1 2026-12-02 10:00-08:00 5 30 扫雪");
    expect(bad[0]?.text).toBe("格式不对，请检查后再试。");
    const published = await harness.send(
      community,
      ADMIN,
      "/publish 扫雪1 2026-12-02 08:00-10:00 5 30 小区扫雪",
    );
    const id = /活动编号：(\S+)/.exec(published[0]!.text)?.[1];
    expect(published[0]?.text).toMatch(/已发布“小区扫雪”（12\/2 08:00–10:00，5 个名额）/);
    const listed = await harness.send(community, WANG, "/activities");
    expect(textTo(listed, community)).toMatch(/小区扫雪｜12\/2 08:00–10:00｜30分\/次｜剩 5 个名额/);
    await harness.send(community, WANG, { button: findButton(listed, "报名：小区扫雪") });
    clock.set(new Date("2026-12-02T02:00:00Z")); // 10:00, it has ended; 王阿姨 forgot to check in
    const confirmed = await harness.send(dm(ADMIN), ADMIN, `/attended ${id} ${WANG}`);
    expect(textTo(confirmed, dm(ADMIN))).toBe("已确认 王阿姨 参加了“小区扫雪”，发放 30 积分。");
    expect(textTo(confirmed, dm(WANG))).toMatch(/获得 30 积分，现在共 150 分/);
    expect((await harness.send(dm(ADMIN), ADMIN, `/attended ${id} ${WANG}`))[0]?.text).toBe(
      "这次活动的积分已经发过了。",
    );
  });

  it("the monthly leaderboard of the chat's community", async () => {
    harness = await startHarness(understanding, { clock: start() });
    const board = await harness.send(GROUP, WANG, "积分排行");
    expect(board[0]?.text).toBe(
      "🏅 2026-11 最美志愿者（本月积分）\n1. 陈志愿者 260分\n2. 王阿姨 120分\n3. 张大爷 40分",
    );
    expect((await harness.send("community-wenchang", "p-res-huang", "/leaderboard"))[0]?.text).toMatch(
      /2026-11 还没有人攒到积分/,
    );
  });
});
