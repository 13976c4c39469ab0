// The console's residents registry and notices: over HTTP (scope, masking by role, filters, the
// audit of every view, publishing from the form, the unreached households) and one walk in real
// Chromium. Residents are registered the way grid workers do it, in the chat. Screenshots go to test-output/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { runCli } from "./cli";
import { launchChromium } from "./testing/chromium";
import { startHarness } from "./testing/egrid-harness";

const OUTPUT = path.resolve(import.meta.dirname, "..", "test-output");
const WORKER = "p-chunhui-1-worker";
const ADMIN = "p-chunhui-admin";
const STREET = "p-east-admin";
const GROUP = "grid-chunhui-1";

let harness: Awaited<ReturnType<typeof startHarness>>;
const passwords = new Map<string, string>();

beforeAll(async () => {
  harness = await startHarness(new ScriptedUnderstanding([]));
  const register = async (by: string, text: string) => {
    const replies = await harness.send(`dm-${by}`, by, text);
    expect(replies.map((r) => r.text).join("\n")).toMatch(/已登记/);
  };
  await register(WORKER, "3栋201 王奶奶 独居 电话13800001111 紧急联系人 王小明 13900002222 已同意");
  await register(WORKER, "2栋2单元302 李大爷 85岁 残疾 电话13800003333");
  // Another street's resident: nobody in 东街道 may see her.
  await register("p-xihu-1-worker", "3栋101 周奶奶 独居 电话13800009999 已同意");
  const env = { DATABASE_URL: harness.database.url, LOG_LEVEL: "silent" };
  for (const admin of [ADMIN, STREET, "p-district-admin"]) {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runCli(["admin", "password", admin], env, io)).toBe(0);
    passwords.set(admin, /: (\S+)$/.exec(out.find((l) => l.startsWith("console password"))!)![1]!);
  }
});
afterAll(async () => harness?.close());

async function logIn(as: string): Promise<string> {
  const response = await fetch(`${harness.url}/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ personId: as, password: passwords.get(as)! }).toString(),
    redirect: "manual",
  });
  await response.arrayBuffer(); // read to the end, or the connection stays busy and close() waits on it
  const cookie = response.headers.get("set-cookie");
  expect(cookie).toMatch(/^egrid_admin=/);
  return cookie!.split(";")[0]!;
}

/** GET without following redirects, the body read. */
async function get(url: string, cookie?: string) {
  const response = await fetch(`${harness.url}${url}`, {
    headers: cookie ? { cookie } : {},
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

/** POST the notice form as a browser does (url-encoded), without following the redirect. */
async function publish(cookie: string | undefined, form: Record<string, string>) {
  const response = await fetch(`${harness.url}/admin/broadcasts?lang=zh`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

const prisma = () => harness.running.egrid.db.prisma;
const views = (actorId: string) =>
  prisma().auditEntry.findMany({ where: { action: "registry.list", actorId }, orderBy: { at: "asc" } });
/** The resident table's rows, one string each (the count and the filters left out). */
const tableRows = (page: string) => [...page.matchAll(/<tr><td>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);

describe("the residents registry in the console", () => {
  it("shows the admin's area, masked by role, filtered by place, tag and unit; each view is audited", async () => {
    expect((await get("/admin/residents")).status).toBe(302); // no login, no registry
    const cookie = await logIn(ADMIN);
    expect((await get("/admin?lang=zh", cookie)).text).toContain('href="/admin/residents?lang=zh"');

    const before = (await views(ADMIN)).length;
    const all = await get("/admin/residents?lang=zh", cookie);
    expect(all.status).toBe(200);
    expect(all.text).toMatch(/id="resident-count">春晖社区 · 符合条件的登记居民人数：<strong>2<\/strong>/);
    const rows = tableRows(all.text);
    expect(rows).toHaveLength(2);
    const wang = rows.find((r) => r.includes("王奶奶"))!;
    // The community admin rings residents: full numbers.
    expect(wang).toContain("春晖小区3栋201");
    expect(wang).toContain("独居老人");
    expect(wang).toContain("13800001111");
    expect(wang).toContain("王小明 13900002222");
    expect(wang).toMatch(/<td class="wide">是<\/td><td class="wide">否<\/td>$/); // consented, no chat account
    expect(rows.find((r) => r.includes("李大爷"))).toMatch(/<td>85<\/td><td>残疾人<\/td>/);
    expect(all.text).not.toContain("周奶奶");
    // Only the admin's own places are offered, down to the buildings.
    expect(all.text).toContain('<option value="b-chunhui-3">');
    expect(all.text).not.toContain('value="c-xihu"');

    const audited = (await views(ADMIN)).slice(before);
    expect(audited).toHaveLength(1);
    expect(audited[0]!.subject).toBe("/d-demo/s-east/c-chunhui/");
    expect(JSON.parse(audited[0]!.detail!)).toMatchObject({ purpose: "console: residents", total: 2 });

    const names = async (query: string) => {
      const page = await get(`/admin/residents?lang=zh&${query}`, cookie);
      expect(page.status).toBe(200);
      return tableRows(page.text).map((r) => /^([^<]+)<\/td>/.exec(r)![1]);
    };
    expect(await names("tag=elderly_alone")).toEqual(["王奶奶"]);
    expect(await names("tag=disabled")).toEqual(["李大爷"]);
    expect((await names("tag=elderly_alone&tag=disabled")).sort()).toEqual(["李大爷", "王奶奶"].sort());
    expect(await names("tag=pregnant")).toEqual([]);
    expect(await names("place=b-chunhui-3")).toEqual(["王奶奶"]);
    expect(await names("place=g-chunhui-1&unit=2")).toEqual(["李大爷"]);
    // The filter is kept in the form.
    const filtered = await get("/admin/residents?lang=zh&tag=elderly_alone&place=b-chunhui-3", cookie);
    expect(filtered.text).toContain('<input type="checkbox" name="tag" value="elderly_alone" checked>');
    expect(filtered.text).toContain('<option value="b-chunhui-3" selected>');
    const after = (await views(ADMIN)).slice(before);
    expect(after).toHaveLength(8); // one per page view
    expect(after.at(-1)!.subject).toBe(
      "/d-demo/s-east/c-chunhui/g-chunhui-1/b-chunhui-3/?tags=elderly_alone",
    );

    // Another street's place, an unknown one, a tag that is not one: refused, and nothing read.
    expect((await get("/admin/residents?place=c-xihu", cookie)).status).toBe(404);
    expect((await get("/admin/residents?place=g-xihu-1", cookie)).status).toBe(404);
    expect((await get("/admin/residents?place=nowhere", cookie)).status).toBe(404);
    expect((await get("/admin/residents?tag=rich", cookie)).status).toBe(400);
    expect((await views(ADMIN)).length).toBe(before + 8);
    // A sibling community of the same street is not the community admin's either.
    expect((await get("/admin/residents?place=c-wenchang", cookie)).status).toBe(404);
  });

  it("the street admin sees the whole street with phone numbers masked", async () => {
    const cookie = await logIn(STREET);
    const before = (await views(STREET)).length;
    const page = await get("/admin/residents?lang=en", cookie);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/East Street|东街道/);
    expect(page.text).toContain("Registered residents matching: <strong>2</strong>");
    const wang = tableRows(page.text).find((r) => r.includes("王奶奶"))!;
    expect(wang).toContain("138****1111");
    expect(wang).toContain("王小明 139****2222");
    expect(wang).toContain("elderly living alone");
    expect(page.text).not.toContain("13800001111");
    expect(page.text).not.toContain("13900002222");
    expect(page.text).not.toContain("周奶奶");
    expect((await get("/admin/residents?place=c-xihu", cookie)).status).toBe(404);
    expect((await get("/admin/residents?place=s-west", cookie)).status).toBe(404);
    const audited = (await views(STREET)).slice(before);
    expect(audited.map((a) => a.subject)).toEqual(["/d-demo/s-east/"]);
  });
});

describe("notices from the console", () => {
  it("publishes from the form (refusing bad input in the admin's words), delivers, lists and shows the unreached", async () => {
    const cookie = await logIn(ADMIN);
    const text = "今晚22点起停水，请提前储水";
    // Not logged in: to the login page, nothing published.
    const anonymous = await publish(undefined, { place: "c-chunhui", kind: "notice", text });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/admin\/login/);

    const empty = await publish(cookie, { place: "c-chunhui", kind: "notice", text: "   " });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("请填写通知内容，1到1500字。");
    const badKind = await publish(cookie, { place: "c-chunhui", kind: "shout", text });
    expect(badKind.status).toBe(400);
    expect(badKind.text).toContain("请选择通知类型。");
    expect(badKind.text).toContain(`required>${text}</textarea>`); // what was typed is kept
    const tooLong = await publish(cookie, { place: "c-chunhui", kind: "notice", text: "停".repeat(1501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain("请填写通知内容，1到1500字。");
    const script = await publish(cookie, { place: "", kind: "notice", text: "<script>alert(1)</script>" });
    expect(script.status).toBe(400);
    expect(script.text).toContain("请选择发布范围。");
    expect(script.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>");
    expect(script.text).not.toContain("<script>alert");
    const foreign = await publish(cookie, { place: "c-xihu", kind: "notice", text });
    expect(foreign.status).toBe(404);
    expect(await prisma().broadcast.count()).toBe(0);

    const done = await publish(cookie, { place: "c-chunhui", kind: "notice_ack", text });
    expect(done.status).toBe(303);
    expect(done.location).toBe("/admin/broadcasts?lang=zh&done=1");
    const broadcast = await prisma().broadcast.findFirstOrThrow();
    expect(broadcast).toMatchObject({
      authorId: ADMIN,
      placeId: "c-chunhui",
      kind: "notice",
      askAck: true,
      text,
    });
    expect(await prisma().auditEntry.count({ where: { action: "broadcast.publish", actorId: ADMIN } })).toBe(
      1,
    );

    // The same paced delivery as the chat's /alert.
    const runtime = harness.running.runtime;
    expect(await runtime.queueBroadcasts(harness.clock.now())).toBeGreaterThan(0);
    await runtime.dispatcher.deliverAll();
    const inGroup = runtime.playground.entries(GROUP).map((e) => e.text);
    expect(inGroup.some((t) => t.startsWith(`【社区通知】${text}`))).toBe(true);

    const list = await get("/admin/broadcasts?lang=zh&done=1", cookie);
    expect(list.status).toBe(200);
    expect(list.text).toContain('<p class="notice">已发布，正在按平台限速发送。</p>');
    const progress = await runtime.deps.broadcasts.broadcasts.progress(broadcast.id);
    expect(progress.sent).toBe(broadcast.recipients);
    const row = [...list.text.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .map((m) => m[1]!)
      .find((r) => r.includes(text))!;
    expect(row).toContain("春晖社区");
    expect(row).toContain("通知（需回复收到）");
    expect(row).toContain(
      `<td>${broadcast.recipients}</td><td class="wide">${progress.queued}</td><td>${progress.sent}</td>`,
    );
    expect(row).toContain(`href="/admin/broadcasts/${broadcast.id}/unreached?lang=zh"`);
    // The form offers only the admin's places.
    expect(list.text).toContain('<option value="g-chunhui-1">');
    expect(list.text).not.toContain('value="c-xihu"');

    // The unreached: every registered household of the community, 王奶奶's (living alone) first; audited.
    const before = (await views(ADMIN)).length;
    const unreached = await get(`/admin/broadcasts/${broadcast.id}/unreached?lang=zh`, cookie);
    expect(unreached.status).toBe(200);
    expect(unreached.text).toContain("尚未确认收到的住户（重点人群在前）：<strong>2</strong> 户");
    const households = [...unreached.text.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]*)<\/td><\/tr>/g)];
    expect(households.map((m) => [m[1], m[2]])).toEqual([
      ["春晖小区3栋201", "王奶奶（独居老人） 13800001111"],
      ["春晖小区2栋2单元302", "李大爷（残疾人） 13800003333"],
    ]);
    const audited = (await views(ADMIN)).slice(before);
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.detail!).purpose).toBe(`broadcast ${broadcast.id}: households not reached`);

    // The street admin follows it too, with numbers masked.
    const streetCookie = await logIn(STREET);
    expect((await get("/admin/broadcasts?lang=zh", streetCookie)).text).toContain(text);
    const fromStreet = await get(`/admin/broadcasts/${broadcast.id}/unreached?lang=zh`, streetCookie);
    expect(fromStreet.text).toContain("王奶奶（独居老人） 138****1111");
    expect(fromStreet.text).not.toContain("13800001111");

    // Another street's notice is neither listed nor open to this admin.
    const west = await harness.send("dm-p-west-admin", "p-west-admin", "/notice 西街道明天检修电梯");
    expect(west.map((r) => r.text).join("\n")).toMatch(/已发布/);
    const westId = (await prisma().broadcast.findFirstOrThrow({ where: { placeId: "s-west" } })).id;
    expect((await get("/admin/broadcasts?lang=zh", cookie)).text).not.toContain("西街道明天检修电梯");
    expect((await get(`/admin/broadcasts/${westId}/unreached`, cookie)).status).toBe(404);
    expect((await get("/admin/broadcasts/no-such-id/unreached", cookie)).status).toBe(404);
  });
});

describe("the audit log in the console", () => {
  it("shows who read residents' data, when and why, for the admin's area only, and logs its own reading", async () => {
    // A read by the grid worker, in the chat, to find in the log.
    await harness.send(`dm-${WORKER}`, WORKER, "3栋的独居老人");
    const community = await logIn(ADMIN);
    const log = await get("/admin/audit?lang=zh", community);
    expect(log.status).toBe(200);
    expect(log.text).toMatch(
      /<td>李网格员<\/td><td>registry\.list<\/td><td>[^<]*elderly_alone<\/td><td>chat: 3栋的独居老人 total=1 residentIds=\[1\]/,
    );
    // Grid 1 of Xihu is another street: its worker's registrations are not this admin's to review.
    expect(log.text).not.toContain("杨网格员");
    const filtered = await get("/admin/audit?lang=zh&action=registry.update", community);
    expect(filtered.text).toContain("<td>registry.update</td>");
    expect(filtered.text).not.toContain("<td>registry.list</td>");
    expect((await get("/admin/audit?lang=zh&action=drop.table", community)).status).toBe(400);
    const prisma = harness.running.egrid.db.prisma;
    expect(await prisma.auditEntry.count({ where: { action: "audit.read", actorId: ADMIN } })).toBe(2);
    // The street admin's log covers the community's staff too.
    const street = await get("/admin/audit?lang=zh&action=registry.list", await logIn(STREET));
    expect(street.text).toContain("李网格员");
    expect(street.text).not.toContain("杨网格员");
    // The district admin reviews every street's staff.
    const district = await get(
      "/admin/audit?lang=zh&action=registry.update",
      await logIn("p-district-admin"),
    );
    expect(district.text).toContain("杨网格员");
  });
});

describe("the registry and notices in real Chromium", () => {
  it("log in, the residents, filter by tag, the notices, publish one and see it listed", async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, locale: "zh-CN" });
      await page.goto(`${harness.url}/admin`);
      await page.locator('input[name="personId"]').fill(ADMIN);
      await page.locator('input[name="password"]').fill(passwords.get(ADMIN)!);
      await page.locator("button").click();
      await page.waitForURL(/\/admin\?lang=zh$/);

      await page.locator('header a[href^="/admin/residents"]').click();
      await page.waitForURL(/\/admin\/residents/);
      expect(await page.locator("#resident-count").textContent()).toContain("2");
      expect(await page.locator("main table").textContent()).toContain("13800001111");
      await page.locator('input[name="tag"][value="elderly_alone"]').check();
      await page.locator('select[name="place"]').selectOption("g-chunhui-1");
      await page.locator("form.filters button").click();
      await page.waitForURL(/tag=elderly_alone/);
      expect(page.url()).toContain("place=g-chunhui-1");
      const table = await page.locator("main table").textContent();
      expect(table).toContain("王奶奶");
      expect(table).not.toContain("李大爷");
      await page.screenshot({ path: path.join(OUTPUT, "admin-residents.png"), fullPage: true });

      await page.locator('header a[href^="/admin/broadcasts"]').click();
      await page.waitForURL(/\/admin\/broadcasts/);
      const text = "明早9点小区消杀，请关好门窗";
      await page.locator('#publish select[name="place"]').selectOption("g-chunhui-1");
      await page.locator('#publish select[name="kind"]').selectOption("notice");
      await page.locator('#publish textarea[name="text"]').fill(text);
      await page.locator("#publish button").click();
      await page.waitForURL(/done=1/);
      expect(await page.locator(".notice").first().textContent()).toBe("已发布，正在按平台限速发送。");
      // The test's clock stands still, so both notices share a time: find this one by its text.
      const row = page.locator("#broadcasts tbody tr", { hasText: text });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain("第1网格");
      await page.screenshot({ path: path.join(OUTPUT, "admin-broadcasts.png"), fullPage: true });
      expect(
        await prisma().broadcast.count({ where: { text, placeId: "g-chunhui-1", authorId: ADMIN } }),
      ).toBe(1);

      await row.locator('a:has-text("未确认住户")').click();
      await page.waitForURL(/\/unreached/);
      expect(await page.locator("#unreached").textContent()).toContain("王奶奶");
      await page.screenshot({ path: path.join(OUTPUT, "admin-unreached.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
