// The admin console in real Chromium: log in, the tree, filter tickets, open one, reassign and
// reclassify it; scope, CSV and the login's refusals over HTTP. Screenshots go to test-output/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { runCli } from "./cli";
import { launchChromium } from "./testing/chromium";
import { startHarness } from "./testing/egrid-harness";

const OUTPUT = path.resolve(import.meta.dirname, "..", "test-output");

let harness: Awaited<ReturnType<typeof startHarness>>;
let password = "";
let chunhuiNumber = "";
let xihuNumber = "";

beforeAll(async () => {
  harness = await startHarness(
    new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]),
  );
  await harness.send("grid-chunhui-1", "p-res-wang", "3栋楼道灯坏了好几天了");
  await harness.send("grid-xihu-2", "p-res-zhou", "4栋门口路灯不亮");
  const tickets = await harness.running.egrid.db.prisma.ticket.findMany({ orderBy: { number: "asc" } });
  chunhuiNumber = tickets.find(
    (t) => t.placePath.includes("/c-chunhui/") || t.placeId.includes("chunhui"),
  )!.number;
  xihuNumber = tickets.find((t) => t.placeId.includes("xihu"))!.number;
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  const env = { DATABASE_URL: harness.database.url, LOG_LEVEL: "silent" };
  expect(await runCli(["admin", "password", "p-res-wang"], env, io)).toBe(1); // a resident: no console
  expect(await runCli(["admin", "password", "p-chunhui-admin"], env, io)).toBe(0);
  password = /: (\S+)$/.exec(out.find((l) => l.startsWith("console password"))!)![1]!;
});
afterAll(async () => harness?.close());

async function logIn(as = "p-chunhui-admin", secret = password): Promise<string | null> {
  const response = await fetch(`${harness.url}/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ personId: as, password: secret }).toString(),
    redirect: "manual",
  });
  await response.arrayBuffer(); // read to the end, or the connection stays busy and close() waits on it
  const cookie = response.headers.get("set-cookie");
  return cookie ? cookie.split(";")[0]! : null;
}

/** GET without following redirects; the body is read so the connection is free again. */
async function getManual(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: "manual" });
  await response.arrayBuffer();
  return response;
}

describe("the admin console over HTTP", () => {
  it("refuses a wrong password and pages without a login, and keeps each admin to their area", async () => {
    expect(await logIn("p-chunhui-admin", "wrong")).toBeNull();
    const anonymous = await getManual(`${harness.url}/admin/tickets`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/admin\/login/);
    const cookie = (await logIn())!;
    expect(cookie).toMatch(/^egrid_admin=/);
    const list = await (await fetch(`${harness.url}/admin/tickets`, { headers: { cookie } })).text();
    expect(list).toContain(chunhuiNumber);
    expect(list).not.toContain(xihuNumber); // another street's case
    const foreign = await getManual(`${harness.url}/admin/tickets/${xihuNumber}`, { cookie });
    expect(foreign.status).toBe(404);
    const csv = await (
      await fetch(`${harness.url}/admin/tickets.csv?category=lighting`, { headers: { cookie } })
    ).text();
    expect(csv.split("\r\n")[0]).toBe(
      '"number","state","category","priority","level","place","assignee","created","deadline","overdue","text"',
    );
    expect(csv).toContain(`"${chunhuiNumber}"`);
    expect(csv).not.toContain(xihuNumber);
    // Dates are local days: the case filed at 10:00 on 30 Nov is in "30 Nov to 30 Nov", not "from 1 Dec".
    const onDay = async (query: string) =>
      (await (await fetch(`${harness.url}/admin/tickets?${query}`, { headers: { cookie } })).text()).includes(
        chunhuiNumber,
      );
    expect(await onDay("from=2026-11-30&to=2026-11-30")).toBe(true);
    expect(await onDay("from=2026-12-01")).toBe(false);
    expect(await onDay("to=2026-11-29")).toBe(false);
    const bad = await getManual(`${harness.url}/admin/tickets?state=lost`, { cookie });
    expect(bad.status).toBe(400);
    // Today's summary of the admin's community, with its chart.
    const summary = await (await fetch(`${harness.url}/admin/summary`, { headers: { cookie } })).text();
    expect(summary).toContain("春晖社区");
    expect(summary).toContain('src="/admin/summary.png?lang=zh"');
    const chart = await fetch(`${harness.url}/admin/summary.png`, { headers: { cookie } });
    expect(chart.headers.get("content-type")).toBe("image/png");
    expect((await chart.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    // Logged out, the cookie opens nothing.
    await getManual(`${harness.url}/admin/logout`, { cookie });
    expect((await getManual(`${harness.url}/admin`, { cookie })).status).toBe(302);
  });
});

describe("the admin console in real Chromium", () => {
  it("log in, see the tree, filter, open a ticket, reassign and reclassify it, on a desk and on a phone", async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, locale: "zh-CN" });
      await page.goto(`${harness.url}/admin`);
      await page.locator('input[name="personId"]').fill("p-chunhui-admin");
      await page.locator('input[name="password"]').fill(password);
      await page.locator("button").click();
      await page.waitForURL(/\/admin\?lang=zh$/);
      expect(await page.locator("main").textContent()).toContain("春晖社区");
      await page.screenshot({ path: path.join(OUTPUT, "admin-tree.png"), fullPage: true });

      await page.goto(`${harness.url}/admin/tickets?lang=zh`);
      await page.locator('select[name="category"]').selectOption("lighting");
      await page.locator('select[name="place"]').selectOption("g-chunhui-1");
      await page.locator("form.filters button").click();
      await page.waitForURL(/category=lighting/);
      expect(page.url()).toContain("place=g-chunhui-1");
      // Only the admin's own places are offered.
      const offered = await page
        .locator('select[name="place"] option')
        .evaluateAll((os) => os.map((o) => o.getAttribute("value")));
      expect(offered).toContain("c-chunhui");
      expect(offered).not.toContain("c-xihu");
      await page.screenshot({ path: path.join(OUTPUT, "admin-tickets.png"), fullPage: true });
      await page.locator(`a:has-text("${chunhuiNumber}")`).click();
      await page.waitForURL(new RegExp(`/admin/tickets/${chunhuiNumber}`));
      expect(await page.locator("main").textContent()).toContain("3栋楼道灯坏了好几天了");

      await page.locator('form[action$="/reassign?lang=zh"] select').selectOption("p-chunhui-admin");
      await page.locator('form[action$="/reassign?lang=zh"] button').click();
      await page.waitForURL(/done=1|error=/);
      expect(page.url()).toMatch(/done=1/);
      await page.locator('form[action$="/reclassify?lang=zh"] select').selectOption("facilities");
      await page.locator('form[action$="/reclassify?lang=zh"] button').click();
      await page.waitForURL(/done=1|error=/);
      expect(page.url()).toMatch(/done=1/);
      expect(await page.locator(".notice").textContent()).toBe("已保存。");
      await page.screenshot({ path: path.join(OUTPUT, "admin-ticket.png"), fullPage: true });
      const ticket = await harness.running.egrid.db.prisma.ticket.findUniqueOrThrow({
        where: { number: chunhuiNumber },
      });
      expect(ticket).toMatchObject({ assigneeId: "p-chunhui-admin", categoryCode: "facilities" });
      // The correction teaches the model: it becomes a training example.
      expect(
        await harness.running.egrid.db.prisma.trainingExample.count({ where: { category: "facilities" } }),
      ).toBeGreaterThan(0);

      // English, on a phone.
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
      await phone.context().addCookies(await page.context().cookies());
      await phone.goto(`${harness.url}/admin/tickets?lang=en`);
      expect(await phone.locator("header").textContent()).toContain("Tickets");
      await phone.screenshot({ path: path.join(OUTPUT, "admin-tickets-phone.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
