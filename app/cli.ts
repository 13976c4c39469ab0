import { parseArgs } from "node:util";
import { transcribePending } from "../bot/conversation/transcribe-pending";
import { sweepDeadlines } from "../core/tickets/sweep-deadlines";
import type { TicketNotice } from "../core/tickets/ticket-notice";
import { openDatabase } from "../db/database";
import { seedDemoDistrict } from "../db/seed/seed-database";
import { ensureOfflineModel } from "../prompts/offline-model/ensure-offline-model";
import { TriageOnlyUnderstanding } from "../prompts/triage-only-understanding";
import { adminCommand } from "./admin/admin-cli";
import { apikeyCommand } from "./apikey-cli";
import { createBotRuntime } from "./bot-runtime";
import { channelsFromConfig } from "./channels-setup";
import { type Config, ConfigError, loadConfig } from "./config";
import { createEgrid, type Egrid } from "./egrid-app";
import { startEgrid } from "./egrid-server";
import { importCommand } from "./import-cli";
import { createLogger } from "./logger";
import { summaryCommand } from "./summary-cli";
import { systemClock } from "./system-clock";
import { loadUnderstanding } from "./understanding-setup";

const USAGE = `egrid — community grid governance from the group chats residents already use

Usage: egrid <command> [options]

Commands:
  start                 apply migrations, seed the demo district when empty, serve HTTP and run the scheduler
  migrate               apply pending database migrations
  seed                  seed the demo district into an empty database
  sweep --at <ISO time> run the deadline sweep as if it were that time, print the notices and queue them
  summary --date <YYYY-MM-DD> [--scope <place id>] [--week] [--out <chart.png>]
                        print a place's summary of that day (or its week) and write the chart
  summary --send [--date <YYYY-MM-DD>]
                        send each admin their summary of that day (default yesterday); sends once
  train                 (re)train the offline model on the shipped corpus and the corrections learnt in use
  transcribe --pending  try again to transcribe voice notes filed without words (needs TRANSCRIBE_BASE_URL)
  apikey create --name <partner> | list | revoke <id or prefix>
                        partners' Open311 keys
  admin password <person id>
                        a new password for an admin's web console (/admin), printed once
  import residents <file.csv|file.xlsx> [--skip-invalid] [--by <person id>]
                        the residents registry from a spreadsheet; all rows or none, refusals row by row
  help                  this text

Configuration comes from the environment; see .env.example.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function formatNotice(notice: TicketNotice): string {
  const deadline = notice.deadline ? ` deadline=${notice.deadline.toISOString()}` : "";
  const note = notice.note ? ` note=${JSON.stringify(notice.note)}` : "";
  return `${notice.kind} ${notice.ticketNumber} level=${notice.level} to=${notice.to.join(",") || "-"}${deadline}${note}`;
}

/** Runs one command; returns the process exit code (start resolves only when the server stops). */
export async function runCli(argv: string[], env: Record<string, string | undefined>, io: CliIo = consoleIo) {
  const [command = "help", ...rest] = argv;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  switch (command) {
    case "start":
      return start(config);
    case "migrate": {
      const db = await openDatabase(config.DATABASE_URL);
      io.out(
        db.migrations.applied.length > 0
          ? `applied: ${db.migrations.applied.join(", ")}`
          : `up to date (${db.migrations.alreadyApplied} migrations)`,
      );
      await db.close();
      return 0;
    }
    case "seed": {
      const db = await openDatabase(config.DATABASE_URL);
      const report = await seedDemoDistrict(db.prisma, systemClock.now());
      io.out(
        report.seeded
          ? `seeded the demo district: ${report.places} places, ${report.people} people`
          : "the database already has places: nothing seeded",
      );
      await db.close();
      return 0;
    }
    case "sweep": {
      const { values } = parseArgs({ args: rest, options: { at: { type: "string" } } });
      const at = values.at ? new Date(values.at) : null;
      if (!at || Number.isNaN(at.getTime())) {
        io.err("sweep needs --at <ISO time>, e.g. --at 2026-12-01T09:00:00+08:00");
        return 2;
      }
      const logger = createLogger("warn");
      const egrid = await createEgrid({ ...config, SEED_DEMO: false }, logger);
      try {
        const result = await sweepDeadlines(egrid.tickets, at);
        if (!result.ok) {
          io.err(`sweep failed: ${result.code}`);
          return 1;
        }
        const { notices, ...counts } = result.value;
        for (const notice of notices) io.out(formatNotice(notice));
        // The same road as the scheduler's: into the outbox, which a running egrid delivers.
        const clock = { now: () => at };
        const runtime = createBotRuntime(
          egrid,
          logger,
          clock,
          new TriageOnlyUnderstanding(),
          { act: 1, offer: 1 },
          await channelsFromConfig(config, logger),
        );
        await runtime.deliverNotices(notices);
        io.out(
          `swept at ${at.toISOString()}: escalated=${counts.escalated} breached=${counts.breached} nudged=${counts.nudged} auto_closed=${counts.autoClosed} skipped=${counts.skipped}`,
        );
        return 0;
      } finally {
        await egrid.close();
      }
    }
    case "train": {
      const logger = createLogger("warn");
      const egrid = await createEgrid({ ...config, SEED_DEMO: false }, logger);
      try {
        const examples = await egrid.tickets.examples.list();
        const started = Date.now();
        await ensureOfflineModel(config.MODEL_FILE, { examples, force: true });
        io.out(
          `trained the offline model on the shipped corpus and ${examples.length} learned examples in ${Date.now() - started} ms: ${config.MODEL_FILE}`,
        );
        return 0;
      } finally {
        await egrid.close();
      }
    }
    case "transcribe":
      return transcribeCommand(config, rest, io);
    case "summary":
      return summaryCommand(config, rest, io);
    case "apikey":
      return apikeyCommand(config, rest, io);
    case "admin":
      return adminCommand(config, rest, io);
    case "import":
      return importCommand(config, rest, io);
    case "help":
    case "--help":
    case "-h":
      io.out(USAGE);
      return 0;
    default:
      io.err(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

async function transcribeCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { pending: { type: "boolean" } }, strict: true });
  if (!values.pending) {
    io.err("usage: egrid transcribe --pending");
    return 2;
  }
  if (!config.TRANSCRIBE_BASE_URL) {
    io.err("no transcriber configured: set TRANSCRIBE_BASE_URL (and TRANSCRIBE_API_KEY if it needs one)");
    return 1;
  }
  const logger = createLogger("warn");
  const egrid = await createEgrid({ ...config, SEED_DEMO: false }, logger);
  try {
    const understanding = await loadUnderstanding(config, logger, await egrid.tickets.examples.list());
    // The configured channels are built (not started) so workers' private chats can be addressed;
    // the messages wait in the outbox for the running egrid to deliver.
    const runtime = createBotRuntime(
      egrid,
      logger,
      systemClock,
      understanding,
      { act: config.UNDERSTANDING_ACT_THRESHOLD, offer: config.UNDERSTANDING_OFFER_THRESHOLD },
      await channelsFromConfig(config, logger),
    );
    const report = await transcribePending(runtime.deps, { maxAttempts: config.TRANSCRIBE_MAX_ATTEMPTS });
    io.out(
      `voice notes tried=${report.tried} transcribed=${report.transcribed} dispatched=${report.dispatched} failed=${report.failed}`,
    );
    return 0;
  } finally {
    await egrid.close();
  }
}

async function start(config: ReturnType<typeof loadConfig>): Promise<number> {
  const logger = createLogger(config.LOG_LEVEL);
  const understanding = async (egrid: Egrid) =>
    loadUnderstanding(config, logger, await egrid.tickets.examples.list());
  const running = await startEgrid(
    config,
    logger,
    systemClock,
    understanding,
    await channelsFromConfig(config, logger),
  );
  return new Promise<number>((resolve) => {
    const shutdown = async (signal: string) => {
      logger.info({ signal }, "shutting down");
      await running.stop();
      resolve(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
  });
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("app/cli.ts")) {
  runCli(process.argv.slice(2), process.env)
    .then((code) => process.exit(code))
    .catch((error) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
