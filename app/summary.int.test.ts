// Summaries end to end over the playground: admins ask in the chat and get the figures and the
// chart privately; residents keep their old answer; the daily job sends each admin one summary
// however often (and however concurrently) it runs; the CLI prints and draws the same.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { summaryFixture } from "../core/testing/summary-fixture";
import type { EgridDatabase } from "../db/database";
import { toTicketEventRow, toTicketRow } from "../db/repositories/ticket-row-mapping";
import { runCli } from "./cli";
import { loadConfig } from "./config";
import { createEgrid } from "./egrid-app";
import { dailySummaryJob } from "./job-runner";
import { createLogger } from "./logger";
import { type PlaygroundReply, startHarness } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([
  { when: /汇总|情况|考评|summary|this week/i, intent: "summary" },
  { when: /灯/, intent: "report", category: "lighting" },
]);

const GROUP = "grid-chunhui-1";
const ADMIN = "p-chunhui-admin";
const STREET = "p-east-admin";
const dm = (personId: string) => `dm-${personId}`;
const to = (replies: readonly PlaygroundReply[], chatId: string) =>
  replies.filter((r) => r.chatId === chatId);
/** Tuesday 1 Dec 2026, 09:00 in Shanghai: "yesterday" is the fixture's Monday. */
const TUESDAY_9AM = new Date("2026-12-01T01:00:00Z");
const ADMINS = 11; // 7 community, 3 street, 1 district admin in the demo district

async function loadFixture(db: EgridDatabase) {
  const { tickets, events } = summaryFixture();
  await db.prisma.$transaction(async (tx) => {
    await tx.ticket.createMany({ data: tickets.map(toTicketRow) });
    await tx.ticketEvent.createMany({ data: events.map(toTicketEventRow) });
  });
}

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness(understanding, { clock: fixedClock(TUESDAY_9AM) });
  await loadFixture(harness.running.egrid.db);
});
afterAll(async () => harness.close());

describe("summaries in the chat", () => {
  it("an admin asking in the group gets the figures and the chart privately", async () => {
    const replies = await harness.send(GROUP, ADMIN, "昨天的汇总");
    expect(to(replies, GROUP).map((r) => r.text)).toEqual(["详情已私信给您。"]);
    const [summary] = to(replies, dm(ADMIN));
    expect(summary?.text.split("\n").slice(0, 4)).toEqual([
      "📊 春晖社区｜11月30日",
      "新增 6 ↑2　办结 3 ↑2",
      "在办 6　超期 4 ↑3",
      "按时办结 33%　重开 20%　满意度 3.7（3人评）",
    ]);
    expect(summary?.text).toContain("高发：照明3 环境卫生2 噪音扰民1");
    expect(summary?.text).toContain(
      "热点：春晖社区第1网格 照明3起；春晖小区3栋 照明2起；春晖小区5栋 环境卫生2起",
    );
    expect(summary?.text).toContain("超期分布：春晖社区第2网格3 春晖社区第1网格1");
    expect(summary?.text).toContain("· 2026-000012 环境卫生 春晖小区6栋 已6天16小时");
    expect(summary?.image).toMatchObject({ mime: "image/png", caption: "春晖社区 11月30日" });
    expect(summary?.image?.ref).toMatch(/^audio:[0-9a-f]{64}\.png$/);

    // The page shows it: the chat log carries the image, the media route serves the PNG.
    const log = (await (await fetch(`${harness.url}/api/playground/chats/${dm(ADMIN)}/messages`)).json()) as {
      messages: { image?: { ref: string } }[];
    };
    expect(log.messages.at(-1)?.image?.ref).toBe(summary?.image?.ref);
    const png = await fetch(`${harness.url}/api/playground/media/${summary!.image!.ref}`);
    expect(png.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(Buffer.from(bytes.subarray(16, 24)).readUInt32BE(0)).toBe(800);
  });

  it("a street admin names a place within their scope and asks for the week so far, in English too", async () => {
    const week = await harness.send(dm(STREET), STREET, "本周东街道情况");
    expect(week[0]?.text).toMatch(/^📊 东街道｜本周（11月30日–12月1日，截至09:00）\n新增 7 /);
    expect(week[0]?.image?.ref).toMatch(/\.png$/);
    const chunhui = await harness.send(dm(STREET), STREET, "春晖社区今天的汇总");
    expect(chunhui[0]?.text).toMatch(/^📊 春晖社区｜今天（12月1日，截至09:00）\n新增 0　办结 0/);
    const english = await harness.send(dm(STREET), STREET, "summary of this week");
    expect(english[0]?.text).toMatch(/^📊 东街道 \| this week \(30 Nov–1 Dec, until 09:00\)\nNew 7 /);
    expect(english[0]?.text).toContain("Top: Lighting 4");
  });

  it("a community admin cannot see another street; a grid worker gets their grid; residents are unchanged", async () => {
    const refused = await harness.send(dm(ADMIN), ADMIN, "本周东街道情况");
    expect(refused[0]?.text).toBe("您只能查看自己负责范围内的汇总，“东街道”不在您的范围内。");
    expect(refused[0]?.image).toBeUndefined();
    const worker = await harness.send(dm("p-chunhui-1-worker"), "p-chunhui-1-worker", "/summary 2026-11-30");
    expect(worker[0]?.text).toMatch(/^📊 春晖社区第1网格｜11月30日\n新增 4　/);
    const resident = await harness.send(GROUP, "p-res-wang", "今天的汇总");
    expect(resident.map((r) => [r.chatId, r.text])).toEqual([[GROUP, "这个功能是给管理员用的。"]]);
  });

  it("/summary and /scores take a date, week and a scope; scores are for admins", async () => {
    const week = await harness.send(dm(ADMIN), ADMIN, "/summary 2026-11-30 week");
    expect(week[0]?.text).toMatch(/^📊 春晖社区｜11月30日–12月6日\n新增 6 ↓1　办结 3 ↑2\n在办 6　超期 6 ↑5/);
    const scores = await harness.send(GROUP, ADMIN, "/scores 2026-11-30");
    expect(to(scores, dm(ADMIN))[0]?.text).toBe(
      [
        "👷 春晖社区｜11月30日 办件考评",
        "李网格员：办结4　按时75%　满意度3.5　重开25%",
        "孙主任：办结1　按时100%　满意度4.0　重开0%",
        "（重开：居民说“没修好”退回的比例）",
      ].join("\n"),
    );
    const asked = await harness.send(dm(ADMIN), ADMIN, "昨天网格员考评");
    expect(asked[0]?.text).toBe(to(scores, dm(ADMIN))[0]?.text);
    const notAdmin = await harness.send(dm("p-chunhui-1-worker"), "p-chunhui-1-worker", "/scores");
    expect(notAdmin[0]?.text).toBe("这个功能是给管理员用的。");
    expect((await harness.send(dm(ADMIN), ADMIN, "/summary 2026-02-30"))[0]?.text).toMatch(
      /^用法：\/summary/,
    );
  });
});

describe("the daily summary job", () => {
  it("sends each admin their summary once, however often and however concurrently it runs", async () => {
    const { runtime, egrid } = harness.running;
    const at = new Date("2026-12-01T00:00:00Z");
    const first = await runtime.sendDailySummaries("2026-11-30", at);
    expect(first).toEqual({ date: "2026-11-30", queued: ADMINS, alreadySent: 0, unreachable: 0, failed: 0 });
    expect(await runtime.sendDailySummaries("2026-11-30", at)).toMatchObject({
      queued: 0,
      alreadySent: ADMINS,
    });
    // Two instances at the same moment: the unique key lets one of them queue each summary.
    const [a, b] = await Promise.all([
      runtime.sendDailySummaries("2026-11-29", at),
      runtime.sendDailySummaries("2026-11-29", at),
    ]);
    expect(a.queued + b.queued).toBe(ADMINS);
    const prisma = egrid.db.prisma;
    for (const day of ["day:2026-11-30", "day:2026-11-29"]) {
      const rows = await prisma.outboxMessage.findMany({ where: { causedBy: `summary:${day}` } });
      expect(rows).toHaveLength(ADMINS);
      expect(new Set(rows.map((r) => r.chatId)).size).toBe(ADMINS);
    }
    // Delivered like any reply: the community admin's private chat shows Monday's summary with its chart.
    await runtime.dispatcher.deliverDue("playground");
    const daily = runtime.playground
      .entries(dm(ADMIN))
      .find((e) => e.text.startsWith("📊 春晖社区｜11月30日") && e.image);
    expect(daily?.text).toContain("新增 6 ↑2");
  }, 120_000); // 33 charts drawn: about 0.4 s each, far more on a busy CI machine

  it("is due at SUMMARY_TIME in the deployment's zone, for yesterday, and then not again that day", async () => {
    const sent: string[] = [];
    const job = dailySummaryJob(8 * 60, "Asia/Shanghai", async (date) => {
      sent.push(date);
      return { queued: 1 };
    });
    expect(await job.run(new Date("2026-11-30T23:59:00Z"))).toBeNull(); // 07:59 on 1 Dec
    expect(await job.run(new Date("2026-12-01T00:00:00Z"))).not.toBeNull(); // 08:00
    expect(await job.run(new Date("2026-12-01T00:01:00Z"))).toBeNull();
    expect(await job.run(new Date("2026-12-02T00:00:00Z"))).not.toBeNull();
    expect(sent).toEqual(["2026-11-30", "2026-12-01"]);
  });
});

describe("egrid summary", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-summary-cli-"));
  const env = { DATABASE_URL: `file:${path.join(dir, "egrid.db")}`, LOG_LEVEL: "silent" };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints a day's summary in Chinese and writes the chart; --send queues the daily job once", async () => {
    const egrid = await createEgrid(loadConfig(env), createLogger("silent"));
    await loadFixture(egrid.db);
    await egrid.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const file = path.join(dir, "chart.png");
    expect(
      await runCli(["summary", "--date", "2026-11-30", "--scope", "c-chunhui", "--out", file], env, io),
    ).toBe(0);
    expect(out[0]).toMatch(/^📊 春晖社区｜11月30日\n新增 6 ↑2　办结 3 ↑2\n在办 6　超期 4 ↑3/);
    expect(out[1]).toMatch(/^chart: .*chart\.png \(\d+ bytes\)$/);
    expect([...readFileSync(file).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    expect(await runCli(["summary", "--send", "--date", "2026-11-30"], env, io)).toBe(0);
    expect(out.at(-1)).toBe(
      `daily summary 2026-11-30: queued=${ADMINS} already_sent=0 unreachable=0 failed=0`,
    );
    expect(await runCli(["summary", "--send", "--date", "2026-11-30"], env, io)).toBe(0);
    expect(out.at(-1)).toBe(
      `daily summary 2026-11-30: queued=0 already_sent=${ADMINS} unreachable=0 failed=0`,
    );

    expect(await runCli(["summary", "--date", "30/11"], env, io)).toBe(2);
    expect(err.at(-1)).toMatch(/usage: egrid summary --date/);
    expect(
      await runCli(
        ["summary", "--date", "2026-11-30", "--out", file],
        { ...env, CHART_FONT_FILE: "/nowhere.ttc" },
        io,
      ),
    ).toBe(1);
    expect(err.at(-1)).toMatch(/chart font not found: \/nowhere\.ttc\. Install Debian's fonts-noto-cjk/);
  }, 120_000);
});
