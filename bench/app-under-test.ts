import { mkdirSync } from "node:fs";
import { devNull } from "node:os";
import path from "node:path";
import pino from "pino";
import { type BotRuntime, createBotRuntime } from "../app/bot-runtime";
import { loadConfig } from "../app/config";
import { createEgrid, type Egrid } from "../app/egrid-app";
import { createLogger } from "../app/logger";
import { loadUnderstanding } from "../app/understanding-setup";
import { fixedClock } from "../core/shared/clock";

export type BenchClock = ReturnType<typeof fixedClock>;

export interface AppUnderTest {
  readonly egrid: Egrid;
  readonly runtime: BotRuntime;
  readonly clock: BenchClock;
  close(): Promise<void>;
}

/**
 * egrid wired the way app/egrid-server.ts does it (createEgrid + loadUnderstanding +
 * createBotRuntime), on the given SQLite file with the real database settings (WAL,
 * synchronous=NORMAL, foreign keys) and the offline understanding. Logs are written at the
 * default level ("info") to the null device: the app pays for formatting them, nobody reads them.
 * No HTTP server, no outbox delivery and no scheduler: the figure stops at "reply in the outbox".
 */
export async function buildApp(options: {
  dbFile: string;
  /** Another database than the SQLite file (the PostgreSQL intake); dbFile's folder still holds audio. */
  databaseUrl?: string;
  modelFile: string;
  start: Date;
  logLevel?: string;
}): Promise<AppUnderTest> {
  const dir = path.dirname(options.dbFile);
  mkdirSync(path.join(dir, "audio"), { recursive: true });
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl ?? `file:${options.dbFile}`,
    PORT: "0",
    SWEEP_INTERVAL_SECONDS: "0",
    AUDIO_DIR: path.join(dir, "audio"),
    MODEL_FILE: options.modelFile,
    UNDERSTANDING_MODE: "offline",
  });
  const logger = createLogger(
    options.logLevel ?? config.LOG_LEVEL,
    pino.destination({ dest: devNull, sync: true }),
  );
  const clock = fixedClock(options.start);
  const egrid = await createEgrid(config, logger, clock);
  const understanding = await loadUnderstanding(config, logger, await egrid.tickets.examples.list());
  const runtime = createBotRuntime(egrid, logger, clock, understanding, {
    act: config.UNDERSTANDING_ACT_THRESHOLD,
    offer: config.UNDERSTANDING_OFFER_THRESHOLD,
  });
  return {
    egrid,
    runtime,
    clock,
    async close() {
      await runtime.stop();
      await egrid.close();
    },
  };
}
