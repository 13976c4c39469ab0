// With REDIS_URL, the scheduled jobs and outbound delivery run through BullMQ queues on Redis, so
// with several instances each tick of each job runs on exactly one of them. BullMQ is loaded only
// then: the embedded default (one process, the in-process runner) never needs Redis.
import type { Clock } from "../core/shared/clock";
import type { ScheduledJob } from "./job-runner";
import type { Logger } from "./logger";

export interface RedisQueueOptions {
  readonly url: string;
  /** Keys start with it: two deployments (or test runs) on one Redis do not see each other. */
  readonly prefix: string;
}

export interface QueuedJobRunner {
  /** Ask for a run of a job now (on whichever instance takes it), besides its schedule. */
  trigger(name: string, data?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Register every job as a BullMQ job scheduler (one shared schedule per name, whatever the number
 * of instances) and work the queue here. `handlers` are jobs run only when triggered (delivery).
 * Schedulers of jobs no longer configured are removed, so a job switched off stops everywhere.
 */
export async function startQueuedJobRunner(
  redis: RedisQueueOptions,
  jobs: readonly ScheduledJob[],
  handlers: Readonly<Record<string, (data: Record<string, string>) => Promise<void>>>,
  clock: Clock,
  logger: Logger,
  onRan: (job: string, ms: number) => void = () => {},
): Promise<QueuedJobRunner> {
  const { Queue, Worker } = await import("bullmq");
  const { Redis } = await import("ioredis");
  // Workers block on Redis: BullMQ requires maxRetriesPerRequest null on their connection.
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null, lazyConnect: true });
  // ioredis reconnects by itself; without a listener its errors would crash the process.
  connection.on("error", (error: Error) => logger.warn({ err: error }, "redis connection error"));
  await connection.connect().catch((error: Error) => {
    connection.disconnect(false);
    throw new Error(`cannot reach Redis at ${safeRedisUrl(redis.url)}: ${error.message}`, { cause: error });
  });
  const name = "jobs";
  const queue = new Queue(name, {
    connection,
    prefix: redis.prefix,
    defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 1000 },
  });
  const byName = new Map(jobs.map((job) => [job.name, job]));
  for (const scheduler of await queue.getJobSchedulers()) {
    if (!byName.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
  }
  for (const job of jobs) {
    await queue.upsertJobScheduler(job.name, { every: job.everySeconds * 1000 }, { name: job.name });
  }
  // As the in-process runner: a job still busy here from its last tick is not started again here.
  const running = new Set<string>();
  const worker = new Worker(
    name,
    async (task) => {
      const scheduled = byName.get(task.name);
      const started = Date.now();
      if (scheduled) {
        if (running.has(task.name)) return;
        running.add(task.name);
        try {
          const report = await scheduled.run(clock.now());
          onRan(task.name, Date.now() - started);
          if (report) logger.info({ job: task.name, ...report, ms: Date.now() - started }, "job ran");
        } finally {
          running.delete(task.name);
        }
        return;
      }
      const handler = handlers[task.name];
      if (!handler) throw new Error(`no handler for job ${task.name}`);
      await handler((task.data ?? {}) as Record<string, string>);
    },
    // Different jobs side by side (a long summary must not hold up delivery).
    {
      connection,
      prefix: redis.prefix,
      concurrency: Math.max(1, jobs.length + Object.keys(handlers).length),
    },
  );
  worker.on("failed", (task, error) => logger.error({ job: task?.name, err: error }, "job crashed"));
  worker.on("error", (error) => logger.error({ err: error }, "job queue error"));
  // Connected before anyone can stop it: closing a worker mid-connect leaves a stray rejection.
  await worker.waitUntilReady();
  return {
    async trigger(jobName, data = {}) {
      await queue.add(jobName, data);
    },
    async stop() {
      await worker.close();
      await queue.close();
      connection.disconnect();
    },
  };
}

/** The URL without its password, for messages. */
export function safeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "redis://…";
  }
}
