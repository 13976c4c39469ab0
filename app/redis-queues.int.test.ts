// The BullMQ job runner against the machine's Redis: each tick of a job, and each triggered job,
// runs on exactly one of the instances sharing a prefix.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import type { ScheduledJob } from "./job-runner";
import { createLogger } from "./logger";
import { type QueuedJobRunner, startQueuedJobRunner } from "./redis-queues";

const REDIS_URL = process.env.EGRID_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const clock = fixedClock(new Date("2026-11-30T02:00:00Z"));
const logger = createLogger("silent");
let runners: QueuedJobRunner[] = [];
let prefixes: string[] = [];

afterEach(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  runners = [];
  const redis = new Redis(REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
  prefixes = [];
});

function newPrefix(): string {
  const prefix = `egrid-test-${randomBytes(4).toString("hex")}`;
  prefixes.push(prefix);
  return prefix;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("jobs through BullMQ on Redis", () => {
  it("two instances with the same schedule: each tick runs once, on one of them", async () => {
    const prefix = newPrefix();
    const runs: string[] = [];
    const job = (instance: string): ScheduledJob => ({
      name: "sweep",
      everySeconds: 1,
      async run() {
        runs.push(instance);
        return null;
      },
    });
    const started = Date.now();
    runners.push(await startQueuedJobRunner({ url: REDIS_URL, prefix }, [job("a")], {}, clock, logger));
    runners.push(await startQueuedJobRunner({ url: REDIS_URL, prefix }, [job("b")], {}, clock, logger));
    await sleep(4_200);
    const seconds = (Date.now() - started) / 1000;
    // One schedule shared by both: about one run a second, not two.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  }, 20_000);

  it("a triggered job runs once whichever instance takes it, with its data", async () => {
    const prefix = newPrefix();
    const delivered: string[] = [];
    const handlers = { deliver: async (data: Record<string, string>) => void delivered.push(data.channel!) };
    const a = await startQueuedJobRunner({ url: REDIS_URL, prefix }, [], handlers, clock, logger);
    const b = await startQueuedJobRunner({ url: REDIS_URL, prefix }, [], handlers, clock, logger);
    runners.push(a, b);
    await Promise.all([
      a.trigger("deliver", { channel: "telegram" }),
      b.trigger("deliver", { channel: "slack" }),
    ]);
    for (let i = 0; i < 50 && delivered.length < 2; i++) await sleep(100);
    await sleep(300);
    expect(delivered.sort()).toEqual(["slack", "telegram"]);
  }, 20_000);

  it("a job no longer configured loses its schedule everywhere", async () => {
    const prefix = newPrefix();
    const quiet: ScheduledJob = { name: "daily-summary", everySeconds: 3600, run: async () => null };
    const first = await startQueuedJobRunner({ url: REDIS_URL, prefix }, [quiet], {}, clock, logger);
    await first.stop();
    const { Queue } = await import("bullmq");
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue("jobs", { connection, prefix });
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(["daily-summary"]);
    runners.push(await startQueuedJobRunner({ url: REDIS_URL, prefix }, [], {}, clock, logger));
    expect(await queue.getJobSchedulers()).toEqual([]);
    await queue.close();
    connection.disconnect();
  });

  it("says which Redis it could not reach", async () => {
    await expect(
      startQueuedJobRunner({ url: "redis://127.0.0.1:1", prefix: newPrefix() }, [], {}, clock, logger),
    ).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});
