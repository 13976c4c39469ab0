import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { dm, findButton, startHarness, textTo } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);

let harness: Awaited<ReturnType<typeof startHarness>>;
afterEach(async () => harness?.close());

const GROUP = "grid-chunhui-1";
const WORKER = "p-chunhui-1-worker";
const WORKER2 = "p-chunhui-2-worker";
const ADMIN = "p-chunhui-admin";
const STREET = "p-east-admin";
/** Monday 30 Nov 2026, 08:00 in Shanghai. */
const start = () => fixedClock(new Date("2026-11-30T00:00:00Z"));

async function register(text: string, by = WORKER) {
  return textTo(await harness.send(dm(by), by, text), dm(by));
}

describe("the residents registry in the chat", () => {
  it("a worker keeps the registry in the chat; lookups are scoped, audited, masked by role and never in a group", async () => {
    harness = await startHarness(understanding, { clock: start() });
    expect(await register("3栋201 王奶奶 独居 电话13800001111 紧急联系人 王小明 13900002222 已同意")).toMatch(
      /^已登记：王奶奶（春晖小区3栋201），独居老人。$/,
    );
    expect(await register("2栋2单元302 李大爷 85岁 残疾 电话13800003333")).toMatch(
      /已登记：李大爷（春晖小区2栋2单元302），残疾人。\n提示：尚未记录/,
    );
    // Nothing said is nothing erased: a later entry adds the tag, keeps the phone.
    expect(await register("2栋2单元302 李大爷 慢性病")).toMatch(
      /已更新：李大爷（春晖小区2栋2单元302），残疾人、慢性病。/,
    );
    // Words that fit no field are kept in the note, and the worker is told so; a bad phone refuses it.
    expect(await register("1栋102 赵奶奶 二级残疾 已同意")).toBe(
      "已登记：赵奶奶（春晖小区1栋102），残疾人。\n“二级”没有对应的栏目，已原样记在备注里。",
    );
    expect(await register("1栋103 孙爷爷 独居 电话12345")).toMatch(
      /^登记信息格式不对，请检查电话号码等。 \(phone_invalid\)$/,
    );
    const zhao = await harness.running.egrid.db.prisma.resident.findFirstOrThrow({
      where: { name: "赵奶奶" },
    });
    expect(zhao.note).toBe("二级");
    // Building 4 is grid 2's: not this worker's.
    expect(await register("4栋101 赵爷爷 独居 电话13800004444")).toBe("在您负责的范围里找不到“4栋”。");

    const list = await harness.send(dm(WORKER), WORKER, "3栋的独居老人");
    expect(textTo(list, dm(WORKER))).toContain(
      "1. 王奶奶 · 春晖小区3栋201 · 独居老人 · ☎ 13800001111 · 紧急联系人 王小明 13900002222",
    );
    const count = await harness.send(GROUP, WORKER, "我们网格有多少独居老人");
    expect(textTo(count, GROUP)).toBe("春晖社区第1网格 独居老人：共 1 人。");
    // A list asked in the group goes privately; the group only hears that it did.
    const inGroup = await harness.send(GROUP, WORKER, "3栋的独居老人");
    expect(textTo(inGroup, GROUP)).toBe("详情已私信给您。");
    expect(textTo(inGroup, GROUP)).not.toContain("王奶奶");

    // The street admin sees the community's list with numbers masked.
    const street = await harness.send(dm(STREET), STREET, "/residents 春晖社区");
    expect(textTo(street, dm(STREET))).toContain("☎ 138****1111");
    expect(textTo(street, dm(STREET))).toContain("李大爷 · 春晖小区2栋2单元302 · ");
    // Grid 2's worker cannot read grid 1's building.
    const other = await harness.send(dm(WORKER2), WORKER2, "3栋的独居老人");
    expect(textTo(other, dm(WORKER2))).toBe("在您负责的范围里找不到“3栋”。");
    // Residents never reach the registry: their words go on to be understood as anything else.
    const resident = await harness.send(dm("p-res-wang"), "p-res-wang", "3栋的独居老人");
    expect(textTo(resident, dm("p-res-wang"))).not.toContain("王奶奶");

    const audit = await harness.running.egrid.db.prisma.auditEntry.findMany({ orderBy: { at: "asc" } });
    const reads = audit.filter((a) => a.action.startsWith("registry.list") || a.action === "registry.count");
    expect(reads.map((a) => a.actorId)).toEqual([WORKER, WORKER, WORKER, STREET]);
    expect(JSON.parse(reads[0]!.detail!)).toMatchObject({ purpose: "chat: 3栋的独居老人", total: 1 });
    expect(audit.filter((a) => a.action === "registry.update")).toHaveLength(4);

    // Moved away: out of the lists.
    expect(await register("3栋201 王奶奶 已搬走")).toMatch(/王奶奶（春晖小区3栋201）已不在此居住/);
    expect(textTo(await harness.send(dm(WORKER), WORKER, "有多少独居老人"), dm(WORKER))).toMatch(/共 0 人/);
  });

  it("welfare check: enrol with consent, link by code, a tap answers; a miss opens an assistance case with the contact", async () => {
    const clock = start();
    harness = await startHarness(understanding, { clock });
    const runtime = harness.running.runtime;
    await register("3栋201 王奶奶 独居 电话13800001111 紧急联系人 王小明 13900002222 已同意");
    await register("2栋101 钱爷爷 独居");
    // No consent: refused.
    expect(await register("/welfare 2栋101 钱爷爷 08:30")).toMatch(/还没有本人或监护人的同意/);
    const enrolled = await register("/welfare 3栋201 王奶奶 08:30 60");
    const code = /绑定码 ([2-9A-Z]{6})/.exec(enrolled)?.[1];
    expect(enrolled).toMatch(/每天 08:30 问候，60 分钟内没有回复/);
    expect(code).toBeDefined();
    // Her daughter links with the code (she is the one asked each day).
    const linked = await harness.send(dm("p-res-emma"), "p-res-emma", code!);
    expect(linked[0]?.text).toMatch(/Each day at 08:30 I will ask you to confirm 王奶奶 is well/);
    expect((await harness.send(dm("p-res-emma"), "p-res-emma", code!))[0]?.text).not.toMatch(/Linked/);

    // 08:00: too early. 08:31: asked once, however often the job runs.
    expect(await runtime.runWelfareChecks(clock.now())).toEqual({ prompted: 0, missed: 0 });
    clock.set(new Date("2026-11-30T00:31:00Z"));
    expect(await runtime.runWelfareChecks(clock.now())).toEqual({ prompted: 1, missed: 0 });
    expect(await runtime.runWelfareChecks(clock.now())).toEqual({ prompted: 0, missed: 0 });
    await runtime.dispatcher.deliverAll();
    const prompt = runtime.playground.entries(dm("p-res-emma")).at(-1)!;
    expect(prompt.text).toMatch(/Please confirm 王奶奶 is well today/);
    const thanks = await harness.send(dm("p-res-emma"), "p-res-emma", {
      button: findButton([prompt], /fine/),
    });
    expect(thanks[0]?.text).toBe("Thank you, stay well!");
    clock.set(new Date("2026-11-30T02:00:00Z"));
    expect(await runtime.runWelfareChecks(clock.now())).toEqual({ prompted: 0, missed: 0 });

    // Next day nobody answers: after the grace an assistance case goes to the grid worker.
    clock.set(new Date("2026-12-01T00:45:00Z"));
    expect((await runtime.runWelfareChecks(clock.now())).prompted).toBe(1);
    clock.set(new Date("2026-12-01T01:46:00Z"));
    expect((await runtime.runWelfareChecks(clock.now())).missed).toBeGreaterThan(0);
    expect((await runtime.runWelfareChecks(clock.now())).missed).toBe(0);
    const prisma = harness.running.egrid.db.prisma;
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { sourceChannel: "welfare" } });
    expect(ticket).toMatchObject({
      categoryCode: "assistance",
      priority: "high",
      placeId: "b-chunhui-3",
      assigneeId: WORKER,
    });
    expect(ticket.originalText).toContain("王奶奶（春晖小区3栋201）");
    expect(ticket.originalText).toContain("紧急联系人：王小明 139****2222");
    await runtime.dispatcher.deliverAll();
    const toWorker = runtime.playground
      .entries(dm(WORKER))
      .map((e) => e.text)
      .join("\n");
    expect(toWorker).toContain("紧急联系人：王小明 13900002222");
    expect(await prisma.auditEntry.count({ where: { action: "registry.disclose", actorId: WORKER } })).toBe(
      1,
    );
    // A late answer tells the worker.
    const late = await harness.send(dm("p-res-emma"), "p-res-emma", "ok");
    expect(late.find((r) => r.chatId === dm(WORKER))?.text).toMatch(/王奶奶 刚刚报了平安/);
  });

  it("emergency broadcast: groups and linked residents, acknowledgements per household, the unreached vulnerable first", async () => {
    const clock = start();
    harness = await startHarness(understanding, { clock });
    const runtime = harness.running.runtime;
    await register("3栋201 王奶奶 独居 电话13800001111 已同意");
    await register("2栋301 钱阿姨 孕妇 电话13800005555");
    await register("1栋101 Emma 电话13800007777");
    await register("1栋102 孙先生 电话13800008888");
    const prisma = harness.running.egrid.db.prisma;
    await prisma.resident.updateMany({ where: { name: "Emma" }, data: { personId: "p-res-emma" } });

    expect(textTo(await harness.send(dm(WORKER), WORKER, "/alert 今晚停水"), dm(WORKER))).toBe(
      "只有社区、街道和区的管理员可以在自己的辖区发布通知。",
    );
    const published = await harness.send(dm(ADMIN), ADMIN, "/alert 今晚22点起停水，请提前储水");
    expect(textTo(published, dm(ADMIN))).toMatch(/^已发布（编号 [0-9a-f]{8}），共 4 个群和居民/);
    expect(await runtime.queueBroadcasts(clock.now())).toBe(4);
    expect(await runtime.queueBroadcasts(clock.now())).toBe(0);
    await runtime.dispatcher.deliverAll();
    const inGroup = runtime.playground.entries(GROUP).at(-1)!;
    expect(inGroup.text).toMatch(
      /^【社区通知】今晚22点起停水，请提前储水\n—— 春晖社区 孙主任\n看到请点“收到”。/,
    );
    const ack = findButton([inGroup], "收到 ✅");
    const emma = runtime.playground.entries(dm("p-res-emma")).at(-1)!;
    expect(emma.text).toContain("今晚22点起停水");

    await harness.send(dm("p-res-emma"), "p-res-emma", { button: ack });
    await harness.send(dm("p-res-emma"), "p-res-emma", { button: ack });
    const status = textTo(await harness.send(dm(ADMIN), ADMIN, "/bcstatus"), dm(ADMIN));
    expect(status).toMatch(/对象 4，已排队 4，已送达 4\n已确认 1 人，覆盖 1 户/);

    const unreached = textTo(await harness.send(GROUP, WORKER, "/unreached"), dm(WORKER));
    expect(unreached.split("\n").slice(0, 4)).toEqual([
      "尚未确认的住户共 3 户（重点人群在前）：",
      "1. 春晖小区3栋201：王奶奶(独居老人) 13800001111",
      "2. 春晖小区2栋301：钱阿姨(孕产妇) 13800005555",
      "3. 春晖小区1栋102：孙先生 13800008888",
    ]);
    expect(await prisma.auditEntry.count({ where: { action: "broadcast.publish", actorId: ADMIN } })).toBe(1);
  });

  it("two broadcasts at once share the channel's pace: a tick queues what the platform takes, not twice it", async () => {
    // 36 a minute on the playground: 3 each 5-second tick.
    harness = await startHarness(understanding, {
      clock: start(),
      env: { BROADCAST_PER_MINUTE: "playground:36" },
    });
    const runtime = harness.running.runtime;
    await harness.send(dm(ADMIN), ADMIN, "/notice 今晚停水");
    await harness.send(dm(ADMIN), ADMIN, "/notice 明早恢复供水");
    const prisma = harness.running.egrid.db.prisma;
    const recipients = await prisma.broadcastRecipient.count();
    expect(recipients).toBeGreaterThan(3);
    expect(await runtime.queueBroadcasts(harness.clock.now())).toBe(3);
    expect(await runtime.queueBroadcasts(harness.clock.now())).toBe(3);
    let ticks = 2;
    while ((await runtime.queueBroadcasts(harness.clock.now())) > 0) ticks++;
    expect(await prisma.outboxMessage.count({ where: { causedBy: { startsWith: "broadcast:" } } })).toBe(
      recipients,
    );
    expect(ticks).toBe(Math.ceil(recipients / 3));
  });

  it("a duty call goes to volunteers and grid workers and counts who can come", async () => {
    harness = await startHarness(understanding, { clock: start() });
    const runtime = harness.running.runtime;
    const published = await harness.send(dm(ADMIN), ADMIN, "/dutycall 暴雨，需要志愿者今晚到3栋帮忙转移物资");
    expect(textTo(published, dm(ADMIN))).toMatch(/已发布/);
    await runtime.queueBroadcasts(harness.clock.now());
    await runtime.dispatcher.deliverAll();
    const call = runtime.playground.entries(dm(WORKER)).at(-1)!;
    expect(call.text).toMatch(/^【应急召集】暴雨/);
    const yes = await harness.send(dm(WORKER), WORKER, { button: findButton([call], "我能来 🙋") });
    expect(yes[0]?.text).toBe("谢谢您！已有 1 人报名，请等候社区安排。");
    const status = textTo(await harness.send(dm(ADMIN), ADMIN, "/bcstatus"), dm(ADMIN));
    expect(status).toMatch(/能来 1 人，来不了 0 人/);
  });

  it("the offline desk files for a resident without a chat; progress is relayed through the worker, who can confirm", async () => {
    harness = await startHarness(understanding, { clock: start() });
    const runtime = harness.running.runtime;
    const filed = await harness.send(dm(WORKER), WORKER, "/desk 3栋201 王奶奶 楼道灯坏了三天了");
    expect(textTo(filed, dm(WORKER))).toMatch(
      /^已代 王奶奶（春晖小区3栋201）登记为 (\S+)，已派给负责的网格员/,
    );
    const prisma = harness.running.egrid.db.prisma;
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { sourceChannel: "desk" } });
    expect(ticket).toMatchObject({ filedById: WORKER, categoryCode: "lighting" });
    const resident = await prisma.resident.findFirstOrThrow({ where: { name: "王奶奶" } });
    expect(ticket.reporterId).toBe(resident.personId);
    // The worker resolves it; the resident has no chat, so the confirmation request comes to the worker.
    const resolved = await harness.send(dm(WORKER), WORKER, { button: `t:resolve:${ticket.id}` });
    const done = await harness.send(dm(WORKER), WORKER, "换了新灯泡");
    const relay = [...resolved, ...done].find((r) => /请转告 王奶奶/.test(r.text));
    expect(relay?.text).toMatch(/^（请转告 王奶奶，春晖小区3栋）/);
    const confirmed = await harness.send(dm(WORKER), WORKER, { button: findButton([relay!], /确认|解决/) });
    expect(confirmed.length).toBeGreaterThan(0);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).state).toBe("closed");
    // Filed from a group: the resident's name and flat go to the worker privately, not to the group.
    const fromGroup = await harness.send(GROUP, WORKER, "/desk 2栋101 钱爷爷 门口垃圾三天没人收");
    expect(textTo(fromGroup, GROUP)).toBe("详情已私信给您。");
    expect(textTo(fromGroup, dm(WORKER))).toMatch(/^已代 钱爷爷（春晖小区2栋101）登记为 /);
    void runtime;
  });
});
