import { z } from "zod";
import { summaryTimeSchema } from "../core/summaries/summary-period";

/**
 * The whole configuration, read from the environment once at start and checked here; nothing
 * else reads process.env. Every variable, with its default, is documented in .env.example.
 */
const intFrom = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const numberFrom = (fallback: number, min: number, max: number) =>
  z.coerce.number().min(min).max(max).default(fallback);

export const configSchema = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/egrid.db"),
  /** Several instances: the scheduled jobs and delivery through BullMQ on this Redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "must be redis://host:port or rediss://…")
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "letters, digits and _ . : - only")
    .default("egrid"),
  /** How long places, categories, group bindings, routing and SLA rules are kept in memory (0: never). */
  REFERENCE_CACHE_SECONDS: intFrom(60, 0, 3600),
  /** The admin console: how long a login lasts. */
  ADMIN_SESSION_HOURS: intFrom(8, 1, 24 * 30),
  /** Open311: requests a partner's key may make per minute (per instance). */
  OPEN311_RATE_PER_MINUTE: intFrom(120, 1, 100_000),
  /** PostgreSQL: connections per instance. */
  DATABASE_POOL_SIZE: intFrom(10, 1, 200),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: intFrom(3000, 0, 65535),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  EGRID_TIME_ZONE: z
    .string()
    .default("Asia/Shanghai")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "not an IANA time zone, e.g. Asia/Shanghai"),
  AUTO_CLOSE_HOURS: numberFrom(72, 1, 24 * 30),
  DUPLICATE_WINDOW_HOURS: numberFrom(72, 0, 24 * 30),
  DUPLICATE_SIMILARITY: numberFrom(0.25, 0, 1),
  SUPPORTERS_FOR_PRIORITY_RAISE: intFrom(3, 2, 1000),
  SWEEP_INTERVAL_SECONDS: intFrom(60, 0, 3600),
  // Early warnings: how often the rules run over the case stream (0: off), and the rules (JSON; defaults built in).
  WARNING_INTERVAL_SECONDS: intFrom(300, 0, 24 * 3600),
  WARNING_RULES_FILE: z.string().optional(),
  // Broadcasts go into the outbox at most this fast per channel ("channel:per minute,…"; others: default).
  BROADCAST_PER_MINUTE: z
    .string()
    .default("telegram:1200,slack:60,wechat:20,playground:6000,default:60")
    .transform((value, ctx) => {
      const pace = new Map<string, number>();
      for (const part of value
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const match = /^([a-z0-9_-]+):(\d{1,6})$/.exec(part);
        if (!match || Number(match[2]) < 1) {
          ctx.addIssue({
            code: "custom",
            message: `"${part}": use channel:messages-per-minute, e.g. telegram:1200`,
          });
          return z.NEVER;
        }
        pace.set(match[1]!, Number(match[2]));
      }
      return pace;
    }),
  QUIET_HOURS: z
    .string()
    .default("22:00-07:00")
    .transform((value, ctx) => {
      if (value === "off") return null;
      const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
      if (!match) {
        ctx.addIssue({
          code: "custom",
          message: 'use "HH:MM-HH:MM" in the deployment\'s time zone, or "off"',
        });
        return z.NEVER;
      }
      const [, h1, m1, h2, m2] = match.map(Number);
      return { startMinute: h1! * 60 + m1!, endMinute: h2! * 60 + m2! };
    }),
  MESSAGES_PER_MINUTE: intFrom(20, 1, 1000),
  UNDERSTANDING_ACT_THRESHOLD: numberFrom(0.7, 0, 1),
  UNDERSTANDING_OFFER_THRESHOLD: numberFrom(0.4, 0, 1),
  // Understanding: the offline model, an OpenAI-compatible LLM, or both (auto).
  UNDERSTANDING_MODE: z.enum(["offline", "llm", "auto"]).optional(),
  MODEL_FILE: z.string().min(1).default("data/model/offline-model.json"),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: intFrom(15_000, 100, 120_000),
  LLM_MAX_RETRIES: intFrom(2, 0, 10),
  LLM_STRUCTURED_OUTPUT: z.enum(["jsonSchema", "functionCalling", "jsonMode"]).default("jsonSchema"),
  LLM_BUDGET_MS: intFrom(20_000, 100, 300_000),
  // Voice notes: kept under AUDIO_DIR; transcribed when an OpenAI-compatible server is set.
  AUDIO_DIR: z.string().min(1).default("data/audio"),
  VOICE_MAX_BYTES: intFrom(10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  VOICE_MAX_SECONDS: intFrom(180, 1, 3600),
  TRANSCRIBE_BASE_URL: z.url().optional(),
  TRANSCRIBE_API_KEY: z.string().min(1).optional(),
  TRANSCRIBE_MODEL: z.string().min(1).default("whisper-1"),
  TRANSCRIBE_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2}$/, "an ISO-639-1 code such as zh")
    .default("zh"),
  TRANSCRIBE_TIMEOUT_MS: intFrom(30_000, 100, 300_000),
  TRANSCRIBE_RETRIES: intFrom(2, 0, 10),
  /** How many times `egrid transcribe --pending` tries one voice note before leaving it to a person. */
  TRANSCRIBE_MAX_ATTEMPTS: intFrom(5, 1, 100),
  // Summaries: the daily one at SUMMARY_TIME (local), and the chart's CJK font.
  SUMMARY_TIME: z.string().default("08:00").pipe(summaryTimeSchema),
  CHART_FONT_FILE: z.string().min(1).default("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
  CHART_FONT_FAMILY: z.string().min(1).default("Noto Sans CJK SC"),
  CHART_WIDTH: intFrom(800, 300, 4000),
  CHART_HEIGHT: intFrom(1000, 300, 4000),
  /** Bookings: how long before the start the reminder goes out. */
  BOOKING_REMINDER_MINUTES: intFrom(60, 5, 7 * 24 * 60),
  // Volunteer points: the earning rules (core/points/points-rules.ts checks them again).
  POINTS_PER_VERIFIED_REPORT: intFrom(5, 0, 10_000),
  POINTS_PER_HOUR: intFrom(10, 0, 10_000),
  POINTS_ROUNDING_MINUTES: intFrom(15, 1, 240),
  POINTS_CHECKIN_RADIUS_METRES: intFrom(200, 10, 50_000),
  POINTS_CHECKIN_EARLY_MINUTES: intFrom(30, 0, 24 * 60),
  POINTS_CHECKOUT_GRACE_MINUTES: intFrom(240, 0, 7 * 24 * 60),
  POINTS_LEADERBOARD_SIZE: intFrom(10, 1, 100),
  POINTS_MAX_ADJUSTMENT: intFrom(1000, 1, 1_000_000),
  // Channels: each starts only when its settings are present.
  TELEGRAM_BOT_TOKEN: z.string().min(10).optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "letters, digits, _ and - only")
    .optional(),
  SLACK_BOT_TOKEN: z.string().min(10).optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z.string().min(10).optional(),
  SLACK_SOCKET_MODE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  SLACK_PORT: intFrom(3001, 0, 65535),
  SLACK_API_URL: z.url().optional(),
  WECHAT_PUPPET: z.string().min(1).optional(),
  WECHAT_PUPPET_TOKEN: z.string().min(1).optional(),
  WECHAT_PUPPET_ENDPOINT: z.string().min(3).optional(),
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parse the environment; on a bad value, fail with each variable's name and what is wrong. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most .env tooling.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
}
