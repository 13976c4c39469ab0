import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { launchChromium } from "./testing/chromium";
import { startHarness } from "./testing/egrid-harness";

const OUTPUT = path.resolve(import.meta.dirname, "..", "test-output");
const FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures", "voice");

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness(
    new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]),
  );
});
afterAll(async () => harness?.close());

function launch() {
  // A fake microphone (a beep) that needs no permission prompt: the record button's path.
  return launchChromium(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]);
}

describe("the playground page in real Chromium", () => {
  it("a resident types a report in the group and sees the ticket number", async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
      await page.goto(`${harness.url}/playground`);
      await page.locator("#identity").selectOption("p-res-wang");
      await page.locator('#chats button[data-chat="grid-chunhui-1"]').click();
      await page.locator("#text").fill("3栋楼道灯坏了好几天了");
      await page.locator(`#composer button[type="submit"]`).click();
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

  it("a resident records a voice note and uploads one; the worker gets a player", async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
      await page.goto(`${harness.url}/playground`);
      await page.locator("#identity").selectOption("p-res-zhang");
      await page.locator('#chats button[data-chat="grid-chunhui-1"]').click();
      await page.locator("#record").click();
      await expect.poll(() => page.locator("#record").textContent()).toContain("发送");
      await page.waitForTimeout(1500);
      await page.locator("#record").click();
      await expect
        .poll(() => page.locator("#log").textContent(), { timeout: 10_000 })
        .toMatch(/收到您的语音（\d+秒），已登记为 2026-\d{6}/);
      await page.locator("#file").setInputFiles(path.join(FIXTURES, "light-broken.ogg"));
      await expect
        .poll(() => page.locator("#log .msg").filter({ hasText: "收到您的语音" }).count(), {
          timeout: 10_000,
        })
        .toBe(2);
      await page.screenshot({ path: path.join(OUTPUT, "playground-voice.png") });

      await page.locator("#identity").selectOption("p-chunhui-1-worker");
      await page.locator('#chats button[data-chat="dm-p-chunhui-1-worker"]').click();
      await expect.poll(() => page.locator("#log audio").count(), { timeout: 10_000 }).toBe(2);
      const notes = await harness.running.egrid.db.prisma.voiceNote.findMany({
        orderBy: { createdAt: "asc" },
      });
      expect(notes.map((n) => n.format)).toEqual(["webm", "ogg-opus"]);
      expect(notes[0]!.durationMs).toBeGreaterThan(800);
      await page.screenshot({ path: path.join(OUTPUT, "playground-voice-worker.png") });
    } finally {
      await browser.close();
    }
  });
});
