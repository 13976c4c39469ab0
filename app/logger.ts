import pino, { type Logger } from "pino";

const PHONE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Residents' mobile numbers never reach a log line in full: 138****0001. */
export function maskPhones(text: string): string {
  return text.replace(PHONE, "$1****$2");
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskPhones(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  if (value instanceof Error) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item, depth + 1)]));
}

/** Structured logs, one line per event; secrets redacted by key, phone numbers masked in any string. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "*.token",
          "*.apiKey",
          "*.password",
          "*.secret",
          "*.authorization",
          "*.api_key",
          "*.keyHash",
          "token",
          "apiKey",
          "api_key",
          "password",
        ],
        censor: "[redacted]",
      },
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === "string" ? maskPhones(arg) : arg)) as typeof args;
          method.apply(this, masked);
        },
      },
    },
    destination,
  );
}

export type { Logger };
