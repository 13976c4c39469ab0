import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { runCli } from "./cli";
import { dm, findButton, startHarness, textTo } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([
  { when: /电梯/, intent: "report", category: "elevator", priority: "high" },
  { when: /煤气|燃气/, intent: "report", category: "utilities", priority: "urgent" },
]);

let harness: Awaited<ReturnType<typeof startHarness>>;
afterEach(async () => harness?.close());

const WORKER = "p-chunhui-1-worker";
const ADMIN = "p-chunhui-admin";

async function consoleLogIn(personId: string): Promise<string> {
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  expect(
    await runCli(
      ["admin", "password", personId],
      { DATABASE_URL: harness.database.url, LOG_LEVEL: "silent" },
      io,
    ),
  ).toBe(0);
  const password = /: (\S+)$/.exec(out.find((l) => l.startsWith("console password"))!)![1]!;
  const response = await fetch(`${harness.url}/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ personId, password }).toString(),
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

async function consoleGet(url: string, cookie: string) {
  const response = await fetch(`${harness.url}${url}`, { headers: { cookie }, redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

async function consolePost(url: string, cookie: string, form: Record<string, string>) {
  const response = await fetch(`${harness.url}${url}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location") };
}

describe("early warnings in the running app", () => {
  it("a lift outage where a registered elderly resident lives: only the grid's worker is told whom to check on", async () => {
    const clock = fixedClock(new Date("2026-11-30T02:00:00Z"));
    harness = await startHarness(understanding, { clock });
    const runtime = harness.running.runtime;
    await harness.send(dm(WORKER), WORKER, "3栋201 王奶奶 独居 电话13800001111 已同意");
    await harness.send(dm("p-res-wang"), "p-res-wang", "3栋电梯坏了，困在一楼上不去");
    expect(await runtime.runWarnings(clock.now())).toMatchObject({ raised: 1 });
    expect(await runtime.runWarnings(clock.now())).toMatchObject({ raised: 0 });
    await runtime.dispatcher.deliverAll();
    const toWorker = runtime.playground.entries(dm(WORKER)).at(-1)!;
    expect(toWorker.text).toMatch(/^⚠️ 预警·重点人群：春晖小区3栋 出现电梯停运/);
    expect(toWorker.text).toContain("王奶奶 春晖小区3栋201 独居老人 ☎ 13800001111");
    const adminSaw = runtime.playground
      .entries(dm(ADMIN))
      .map((e) => e.text)
      .join("\n");
    expect(adminSaw).not.toContain("王奶奶");
    const prisma = harness.running.egrid.db.prisma;
    expect(await prisma.auditEntry.count({ where: { action: "registry.disclose", actorId: WORKER } })).toBe(
      1,
    );

    const ack = await harness.send(dm(WORKER), WORKER, { button: findButton([toWorker], "我来处理 ✅") });
    expect(textTo(ack, dm(WORKER))).toBe("已确认，由 李网格员 跟进。");
    const again = await harness.send(dm(WORKER), WORKER, { button: findButton([toWorker], "我来处理 ✅") });
    expect(textTo(again, dm(WORKER))).toBe("这条预警已经有人确认处理了。");
    expect(await prisma.warning.findFirstOrThrow()).toMatchObject({
      rule: "exposure",
      acknowledgedById: WORKER,
    });
  });

  it("three gas smells in a building raise a cluster for the worker and the community, listed by /warnings and in the summary", async () => {
    const clock = fixedClock(new Date("2026-11-30T02:00:00Z"));
    harness = await startHarness(understanding, { clock });
    const runtime = harness.running.runtime;
    for (const [who, words] of [
      ["p-res-wang", "3栋一楼有煤气味"],
      ["p-res-zhang", "3栋楼道燃气味很重"],
      ["p-res-emma", "3栋又闻到煤气味了"],
    ] as const) {
      await harness.send(dm(who), who, words);
      // 80 hours apart: beyond the 72-hour duplicate window (so three cases, not one with three
      // supporters), within the rule's week.
      clock.advanceMinutes(80 * 60);
    }
    const prisma = harness.running.egrid.db.prisma;
    expect(
      await prisma.ticket.count({ where: { categoryCode: "utilities", state: { notIn: ["merged"] } } }),
    ).toBe(3);
    clock.set(new Date(clock.now().getTime() - 79 * 60 * 60_000));
    expect(await runtime.runWarnings(clock.now())).toMatchObject({ raised: 1 });
    await runtime.dispatcher.deliverAll();
    for (const person of [WORKER, ADMIN]) {
      expect(runtime.playground.entries(dm(person)).at(-1)!.text).toMatch(
        /^⚠️ 预警·聚集：春晖小区3栋 168小时内有 3 起水电气暖问题/,
      );
    }
    const listed = await harness.send(dm(ADMIN), ADMIN, "/warnings");
    expect(textTo(listed, dm(ADMIN))).toMatch(/^未确认的预警：\n1\. 春晖小区3栋 · 水电气暖 · 聚集 · /);
    const summary = await harness.send(dm(ADMIN), ADMIN, "/summary 2026-12-07");
    expect(textTo(summary, dm(ADMIN))).toContain("预警 1 条（1 条未确认）");

    // The console lists it and acknowledges it with a note; a second time is refused.
    const cookie = await consoleLogIn(ADMIN);
    const page = await consoleGet("/admin/warnings?lang=zh", cookie);
    expect(page.text).toMatch(/<td>聚集<\/td><td>春晖小区3栋<\/td><td>水电气暖<\/td>/);
    const warning = await prisma.warning.findFirstOrThrow();
    const ack = await consolePost(`/admin/warnings/${warning.id}/ack?lang=zh`, cookie, {
      note: "已通知燃气公司上门检测",
    });
    expect([ack.status, ack.location]).toEqual([303, "/admin/warnings?lang=zh&done=1"]);
    expect(await prisma.warning.findFirstOrThrow()).toMatchObject({
      acknowledgedById: ADMIN,
      note: "已通知燃气公司上门检测",
    });
    expect((await consoleGet("/admin/warnings?lang=zh", cookie)).text).toContain(
      "孙主任 已确认：已通知燃气公司上门检测",
    );
    expect((await consolePost(`/admin/warnings/${warning.id}/ack?lang=zh`, cookie, {})).status).toBe(409);
    // Another street's admin does not see it and cannot acknowledge it.
    const other = await consoleLogIn("p-west-admin");
    expect((await consoleGet("/admin/warnings?lang=zh", other)).text).not.toContain("春晖小区3栋");
  });
});
