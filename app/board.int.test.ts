import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { runCli } from "./cli";
import { dm, findButton, startHarness, textTo } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);

let harness: Awaited<ReturnType<typeof startHarness>>;
afterEach(async () => harness?.close());

const ADMIN = "p-chunhui-admin";
const WORKER = "p-chunhui-1-worker";
const STREET = "p-east-admin";
const ZHANG = "p-res-zhang";
const LIU = "p-res-liu";
const HANDLER = "p-dept-east-chengguan-handler";
/** Monday 30 Nov 2026, 08:00 in Shanghai. */
const start = () => fixedClock(new Date("2026-11-30T00:00:00Z"));

async function say(personId: string, content: string | { button: string }, chatId = dm(personId)) {
  return harness.send(chatId, personId, content);
}

async function registerPharmacy() {
  const replies = await say(ADMIN, "/unit add 仁心大药房 商户 2栋 p-res-zhang");
  expect(textTo(replies, dm(ADMIN))).toBe(
    "已登记驻区单位：仁心大药房（商户，春晖小区2栋），联系人 张大爷。已私信告知联系人。",
  );
  expect(textTo(replies, dm(ZHANG))).toMatch(/^您已登记为驻区单位“仁心大药房”（春晖小区2栋）的联系人。/);
}

describe("the resident units' board through the playground", () => {
  it("the community posts a need, a unit claims it, the community agrees, the unit marks it done; counted and credited once", async () => {
    harness = await startHarness(understanding, { clock: start() });
    const prisma = harness.running.egrid.db.prisma;
    await registerPharmacy();

    const posted = await say(ADMIN, "/post 需求 3栋 周六上午 需要5名志愿者帮忙搬运物资");
    expect(textTo(posted, dm(ADMIN))).toBe(
      "已发布到需求清单：\nB1【需求】春晖小区3栋 · 周六上午 · 数量 5\n需要5名志愿者帮忙搬运物资\n—— 春晖社区 孙主任\n有人认领时我会请您确认。没人认领前可以撤回：/withdraw B1",
    );
    const board = await say(ZHANG, "/board");
    expect(textTo(board, dm(ZHANG))).toMatch(/^四张清单里待认领的事项（1 条），点“认领”即可：\n\nB1【需求】/);
    const claimed = await say(ZHANG, { button: findButton(board, "认领 B1") });
    expect(textTo(claimed, dm(ZHANG))).toBe("已认领 B1，已请发布方确认，确认后会通知您。");
    const request = claimed.find((r) => r.chatId === dm(ADMIN))!;
    expect(request.text).toMatch(/^🤝 仁心大药房（张大爷） 想认领您发布的事项：\nB1【需求】/);

    const agreed = await say(ADMIN, { button: findButton([request], "同意认领") });
    expect(textTo(agreed, dm(ADMIN))).toMatch(/^已同意 仁心大药房（张大爷） 认领 B1/);
    const toUnit = agreed.find((r) => r.chatId === dm(ZHANG))!;
    expect(toUnit.text).toMatch(/^✅ 春晖社区 孙主任 已同意由您认领 B1/);

    // Done with 2 hours each for two volunteers: 4 person-hours; each earns 2 × POINTS_PER_HOUR (10).
    const done = await say(ZHANG, "/done B1 2 p-vol-chen p-res-wang");
    expect(textTo(done, dm(ZHANG))).toBe("🎉 B1 已完成，志愿时长 4 小时。已为 2 位志愿者记积分。谢谢！");
    expect(textTo(done, dm(ADMIN))).toBe(
      "🎉 B1 已由 仁心大药房（张大爷） 标记完成，志愿时长 4 小时。感谢双方的共建！",
    );
    expect(textTo(done, dm("p-vol-chen"))).toBe("感谢您参与 B1，获得 20 积分，现有 280 分。");
    expect(textTo(done, dm("p-res-wang"))).toBe("感谢您参与 B1，获得 20 积分，现有 140 分。");
    // Done again (by command or the button): nothing more is credited.
    expect(textTo(await say(ZHANG, "/done B1 3 p-res-liu"), dm(ZHANG))).toBe("B1 已经标记完成了。");
    expect(textTo(await say(ZHANG, { button: findButton([toUnit], "已完成") }), dm(ZHANG))).toBe(
      "B1 已经标记完成了。",
    );
    const credits = await prisma.pointEntry.findMany({ where: { idempotencyKey: { startsWith: "board:" } } });
    expect(credits.map((c) => [c.personId, c.amount, c.kind]).sort()).toEqual([
      ["p-res-wang", 20, "activity"],
      ["p-vol-chen", 20, "activity"],
    ]);
    expect(await prisma.boardItem.findUniqueOrThrow({ where: { number: 1 } })).toMatchObject({
      status: "done",
      hours: 4,
      version: 4,
    });

    const units = await say(STREET, "/units");
    expect(textTo(units, dm(STREET))).toBe(
      "🏢 东街道 驻区单位共建（2026-11）：\n1. 仁心大药房（商户）完成 1 件 · 4 小时 · 认领 1 · 发布 0",
    );
    expect(await prisma.auditEntry.count({ where: { action: "unit.register", actorId: ADMIN } })).toBe(1);
  });

  it("the reverse: a unit posts a resource, the community's grid worker claims it, the unit agrees; the unit gave", async () => {
    harness = await startHarness(understanding, { clock: start() });
    await registerPharmacy();
    const posted = await say(ZHANG, "/post 资源 每周三下午 免费测血压和用药咨询");
    expect(textTo(posted, dm(ZHANG))).toMatch(
      /^已发布到资源清单：\nB1【资源】春晖小区2栋 · 每周三下午\n免费测血压和用药咨询\n—— 仁心大药房\n/,
    );

    const board = await say(WORKER, "/board 资源", "grid-chunhui-1");
    expect(textTo(board, "grid-chunhui-1")).toContain("B1【资源】");
    const claimed = await say(WORKER, { button: findButton(board, "认领 B1") }, "grid-chunhui-1");
    const request = claimed.find((r) => r.chatId === dm(ZHANG))!;
    expect(request.text).toMatch(/^🤝 春晖社区 李网格员 想认领您发布的事项/);
    const agreed = await say(ZHANG, { button: findButton([request], "同意认领") });
    expect(textTo(agreed, dm(WORKER))).toMatch(/^✅ 仁心大药房（张大爷） 已同意由您认领 B1/);

    // Hours of a resource are the giver's: the unit's contact is credited (张大爷 had 40).
    const done = await say(WORKER, "/done B1 1.5");
    expect(textTo(done, dm(ZHANG))).toContain("🎉 B1 已由 春晖社区 李网格员 标记完成，志愿时长 1.5 小时。");
    expect(textTo(done, dm(ZHANG))).toContain("感谢您参与 B1，获得 15 积分，现有 55 分。");
    expect(textTo(await say(ZHANG, "/units"), dm(ZHANG))).toContain(
      "1. 仁心大药房（商户）完成 1 件 · 1.5 小时 · 认领 0 · 发布 1",
    );
    // Residents and English speakers get the usage in their language on bad input.
    expect(textTo(await say("p-res-emma", "/post"), dm("p-res-emma"))).toMatch(
      /^Usage: \/post need\|resource/,
    );
    expect(textTo(await say(ZHANG, "/done 一"), dm(ZHANG))).toMatch(/^用法：\/done 编号/);
    expect(textTo(await say(ADMIN, "/unit add 仁心 银行 2栋 p-res-zhang"), dm(ADMIN))).toMatch(
      /^用法：\/unit add/,
    );
  });

  it("two units claim one need at once: one wins, the other is told it was taken; nobody claims their own", async () => {
    harness = await startHarness(understanding, { clock: start() });
    await registerPharmacy();
    expect(textTo(await say(ADMIN, "/unit add 春晖超市 商户 5栋 p-res-liu"), dm(ADMIN))).toMatch(
      /^已登记驻区单位/,
    );
    expect(textTo(await say(ADMIN, "/post 需求 9栋 重阳节慰问需要20箱牛奶"), dm(ADMIN))).toBe(
      "在您能发布的范围里找不到“9栋”。",
    );
    await say(ADMIN, "/post 需求 重阳节慰问需要20箱牛奶");

    const [a, b] = await Promise.all([say(ZHANG, "/claim B1"), say(LIU, "/claim B1")]);
    const answers = [textTo(a!, dm(ZHANG)), textTo(b!, dm(LIU))].sort();
    expect(answers).toEqual([
      "已认领 B1，已请发布方确认，确认后会通知您。",
      "手慢了一步，这个事项刚被别人认领了。",
    ]);
    const item = await harness.running.egrid.db.prisma.boardItem.findUniqueOrThrow({ where: { number: 1 } });
    expect(item.status).toBe("claimed");
    expect([ZHANG, LIU]).toContain(item.claimantId);
    expect(item.version).toBe(2);

    expect(textTo(await say(ADMIN, "/claim B1"), dm(ADMIN))).toBe(
      "这是您（或您单位）自己发布的事项，不能自己认领。",
    );
    expect(textTo(await say("p-res-wang", "/claim B9"), dm("p-res-wang"))).toBe(
      "没有找到这个事项，请检查编号。",
    );
  });

  it("街道吹哨: a street admin calls; a unit contact and a department handler report; counted per unit and department", async () => {
    harness = await startHarness(understanding, { clock: start() });
    await registerPharmacy();
    expect(textTo(await say(ADMIN, "/whistle 演练"), dm(ADMIN))).toBe(
      "只有街道和区的管理员可以在自己的辖区吹哨。",
    );

    const called = await say(STREET, "/whistle 暴雨红色预警，请各单位今晚派人到春晖社区协助转移");
    expect(textTo(called, dm(STREET))).toMatch(
      /^📣 已吹哨（编号 [0-9a-f]{8}）：通知 1 家单位、1 个部门，共 2 人。/,
    );
    const toUnit = called.find((r) => r.chatId === dm(ZHANG))!;
    expect(toUnit.text).toBe(
      "📣【街道吹哨】东街道 钱书记\n暴雨红色预警，请各单位今晚派人到春晖社区协助转移\n地点：东街道\n收到请点“报到”。",
    );
    const report = findButton([toUnit], "报到 🙋");
    const first = await say(ZHANG, { button: report });
    expect(textTo(first, dm(ZHANG))).toBe("已报到（仁心大药房）。目前 1/2 家已报到，街道会联系您。");
    expect(textTo(first, dm(STREET))).toBe("🙋 仁心大药房（张大爷）已报到，1/2。");
    expect(textTo(await say(ZHANG, { button: report }), dm(ZHANG))).toBe("您已经报到过了（仁心大药房）。");
    const second = await say(HANDLER, {
      button: findButton(
        called.filter((r) => r.chatId === dm(HANDLER)),
        /报到/,
      ),
    });
    expect(textTo(second, dm(HANDLER))).toMatch(/^已报到（东街道城管中队）。目前 2\/2 家已报到/);
    expect(textTo(await say("p-res-wang", { button: report }), dm("p-res-wang"))).toBe(
      "这次吹哨没有通知您的单位或部门。",
    );
    const status = textTo(await say(STREET, "/callstatus"), dm(STREET));
    expect(status).toMatch(/^📣 吹哨 [0-9a-f]{8}（11\/30 08:00）：暴雨红色预警/);
    expect(status).toContain(
      "已报到 2/2：\n✅ 仁心大药房 张大爷 11/30 08:00\n✅ 东街道城管中队（部门） 东街道城管中队办事员",
    );
    expect(await harness.running.egrid.db.prisma.unitCallAnswer.count()).toBe(2);
  });

  it("a whistle for a case also calls the departments responsible for its category", async () => {
    harness = await startHarness(understanding, { clock: start() });
    await registerPharmacy();
    await say("p-res-wang", "3栋楼道灯坏了", "grid-chunhui-1");
    const prisma = harness.running.egrid.db.prisma;
    const ticket = await prisma.ticket.findFirstOrThrow();
    const called = await say(STREET, `/whistle ${ticket.number} 请供电公司协助排查`);
    expect(textTo(called, dm(STREET))).toMatch(/通知 1 家单位、2 个部门，共 3 人/);
    const toPower = called.find((r) => r.chatId === dm("p-dept-power-handler"))!;
    expect(toPower.text).toContain(`工单 ${ticket.number}：请供电公司协助排查\n地点：春晖小区3栋`);
    await say("p-dept-power-handler", { button: findButton([toPower], /报到/) });
    const status = textTo(await say(STREET, "/callstatus"), dm(STREET));
    expect(status).toContain("已报到 1/3：");
    expect(status).toContain("⏳ 仁心大药房 未报到");
    expect(status).toMatch(/✅ 供电公司（部门） 供电公司办事员/);
  });

  it("the console shows the open items and the units' contributions of the admin's area, read only", async () => {
    harness = await startHarness(understanding, { clock: start() });
    await registerPharmacy();
    await say(ADMIN, "/post 项目 春晖社区 共建口袋公园，需要3家单位<出力>");
    const out: string[] = [];
    const env = { DATABASE_URL: harness.database.url, LOG_LEVEL: "silent" };
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runCli(["admin", "password", ADMIN], env, io)).toBe(0);
    const password = /: (\S+)$/.exec(out.find((l) => l.startsWith("console password"))!)![1]!;
    const login = await fetch(`${harness.url}/admin/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ personId: ADMIN, password }).toString(),
      redirect: "manual",
    });
    await login.arrayBuffer();
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const get = async (url: string, withCookie = true) => {
      const response = await fetch(`${harness.url}${url}`, {
        headers: withCookie ? { cookie } : {},
        redirect: "manual",
      });
      return { status: response.status, text: await response.text() };
    };
    expect((await get("/admin/board", false)).status).toBe(302);
    const page = await get("/admin/board?lang=zh");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h1>共建清单 · 春晖社区</h1>");
    expect(page.text).toContain("<td>B1</td><td>项目清单</td>");
    expect(page.text).toContain("共建口袋公园，需要3家单位&lt;出力&gt;");
    expect(page.text).toContain("<td>仁心大药房</td><td>商户</td><td>0</td>");
    expect((await get("/admin/board?lang=en")).text).toContain("<td>B1</td><td>projects list</td>");
    expect((await get("/admin/board?place=c-xihu")).status).toBe(404);
  });
});
