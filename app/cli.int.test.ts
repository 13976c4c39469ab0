import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openTicket } from "../core/tickets/open-ticket";
import { runCli } from "./cli";
import { loadConfig } from "./config";
import { createEgrid } from "./egrid-app";
import { createLogger } from "./logger";

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function tempEnv() {
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-cli-"));
  dirs.push(dir);
  return { DATABASE_URL: `file:${path.join(dir, "egrid.db")}`, LOG_LEVEL: "silent" };
}

/** What `egrid start` needs in a test: a temp database and model, port 0, no scheduled jobs. */
function startEnv() {
  const base = tempEnv();
  return {
    ...base,
    PORT: "0",
    LOG_LEVEL: "info",
    SWEEP_INTERVAL_SECONDS: "0",
    SUMMARY_TIME: "off",
    MODEL_FILE: path.join(path.dirname(base.DATABASE_URL.slice("file:".length)), "model.json"),
  };
}

/** A started app's output so far, and its address once its log has said it. */
function listening(child: ChildProcess) {
  const seen = { output: "" };
  const address = new Promise<string>((resolve, reject) => {
    // The first start trains the offline model (a few seconds).
    const timer = setTimeout(() => reject(new Error(`no start: ${seen.output}`)), 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      seen.output += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      seen.output += chunk.toString();
      const match = seen.output.match(/"address":"(http:\/\/[^"]+)"/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { seen, address };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe("the egrid command line", () => {
  it("migrate, seed, then sweep --at prints the notices due at that time", async () => {
    const env = tempEnv();
    const c = capture();
    expect(await runCli(["migrate"], env, c.io)).toBe(0);
    expect(c.out.at(-1)).toMatch(/applied: 20261129000000_init/);
    expect(await runCli(["seed"], env, c.io)).toBe(0);
    expect(c.out.at(-1)).toMatch(/seeded the demo district: \d+ places/);
    expect(await runCli(["seed"], env, c.io)).toBe(0);
    expect(c.out.at(-1)).toBe("the database already has places: nothing seeded");

    // A report at 10:00 Shanghai time; normal priority: nudge at 13:00, escalate at 14:00.
    const egrid = await createEgrid(loadConfig(env), createLogger("silent"), {
      now: () => new Date("2026-11-30T02:00:00Z"),
    });
    const opened = await openTicket(egrid.tickets, {
      reporterId: "p-res-wang",
      placeId: "b-chunhui-3",
      text: "楼道灯坏了",
      categoryCode: "lighting",
      sourceChannel: "cli-test",
    });
    await egrid.close();
    expect(opened.ok).toBe(true);

    expect(await runCli(["sweep", "--at", "2026-11-30T13:00:00+08:00"], env, c.io)).toBe(0);
    expect(c.out.slice(-2)).toEqual([
      "nudge 2026-000001 level=grid to=p-chunhui-1-worker deadline=2026-11-30T06:00:00.000Z",
      "swept at 2026-11-30T05:00:00.000Z: escalated=0 breached=0 nudged=1 auto_closed=0 skipped=0",
    ]);
    // The nudge is also queued for delivery, privately, on the worker's channel.
    const check = await createEgrid(loadConfig(env), createLogger("silent"));
    const queued = await check.db.prisma.outboxMessage.findMany();
    await check.close();
    expect(queued).toEqual([
      expect.objectContaining({ channel: "playground", chatId: "dm-p-chunhui-1-worker", status: "pending" }),
    ]);
    expect(await runCli(["sweep", "--at", "2026-11-30T14:00:00+08:00"], env, c.io)).toBe(0);
    expect(c.out.at(-3)).toMatch(/^escalated 2026-000001 level=community to=p-chunhui-admin deadline=/);
  });

  it("refuses bad input with a clear message and exit code 2", async () => {
    const c = capture();
    expect(await runCli(["sweep", "--at", "yesterday"], tempEnv(), c.io)).toBe(2);
    expect(c.err.at(-1)).toMatch(/sweep needs --at <ISO time>/);
    expect(await runCli(["frobnicate"], tempEnv(), c.io)).toBe(2);
    expect(await runCli(["help"], { PORT: "x" }, c.io)).toBe(2);
    expect(c.err.at(-1)).toMatch(/PORT/);
  });

  it("`egrid start` serves /healthz and /readyz over HTTP and stops cleanly", async () => {
    const child = spawn(process.execPath, [path.resolve(import.meta.dirname, "../bin/egrid.mjs"), "start"], {
      env: { ...process.env, ...startEnv() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const address = await listening(child).address;
    const health = await fetch(`${address}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const ready = await fetch(`${address}/readyz`);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "ok" });
    // With the offline model wired in, a plain report is understood and filed.
    const said = await fetch(`${address}/api/playground/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        chatId: "grid-chunhui-1",
        userId: "p-res-wang",
        text: "3栋楼道灯坏了好几天了，晚上黑乎乎的",
      }),
    });
    const { replies } = (await said.json()) as { replies: { chatId: string; text: string }[] };
    expect(replies.find((r) => r.chatId === "grid-chunhui-1")?.text).toMatch(
      /已受理，编号 \d{4}-000001（照明）/,
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("`npm start` stops cleanly when npm itself gets SIGTERM, as from a container's stop", async () => {
    // npm signals only its own child: the script must exec tsx, or the app lives on, orphaned.
    const npm = spawn("npm", ["start"], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, ...startEnv() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const { seen, address: started } = listening(npm);
    const address = await started;
    expect((await fetch(`${address}/healthz`)).status).toBe(200);
    const exited = new Promise<void>((resolve) => npm.on("exit", () => resolve()));
    npm.kill("SIGTERM");
    await exited;
    // The app itself shut down (its log says so), and nothing answers at its address any more.
    const deadline = Date.now() + 20_000;
    while (!seen.output.includes('"msg":"shutting down"') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.output).toContain('"msg":"shutting down"');
    let answering = true;
    while (answering && Date.now() < deadline) {
      answering = await fetch(`${address}/healthz`).then(
        () => true,
        () => false,
      );
      if (answering) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(answering).toBe(false);
  });
});
