import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { startHarness } from "./testing/egrid-harness";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUTPUT = path.resolve(import.meta.dirname, "..", "test-output");

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness(
    new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]),
  );
});
afterAll(async () => harness?.close());

describe("the playground page in real Chromium", () => {
  it("a resident types a report in the group and sees the ticket number", async () => {
    // .ci/run installs Debian's chromium; a machine without it cannot run this test.
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
      await page.goto(`${harness.url}/playground`);
      await page.locator("#identity").selectOption("p-res-wang");
      await page.locator('#chats button[data-chat="grid-chunhui-1"]').click();
      await page.locator("#text").fill("3栋楼道灯坏了好几天了");
      await page.locator("#composer button").click();
      await expect
        .poll(() => page.locator("#log").textContent(), { timeout: 10_000 })
        .toMatch(/已受理，编号 2026-\d{6}/);
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, "playground-report.png") });

      // The worker sees the dispatch in their private chat and signs for it with the button.
      await page.locator("#identity").selectOption("p-chunhui-1-worker");
      await page.locator('#chats button[data-chat="dm-p-chunhui-1-worker"]').click();
      await expect.poll(() => page.locator("#log").textContent(), { timeout: 10_000 }).toContain("新派单");
      await page.getByRole("button", { name: "签收" }).first().click();
      await expect
        .poll(() => page.locator("#log").textContent(), { timeout: 10_000 })
        .toMatch(/已签收 2026-/);
      await page.screenshot({ path: path.join(OUTPUT, "playground-worker.png") });
    } finally {
      await browser.close();
    }
  });
});
