// Why an LLM call failed, as a stable code, and whether (and when) it is worth another try.

export const LLM_FAILURE_CODES = [
  "LLM.TIMEOUT",
  "LLM.RATE_LIMITED",
  "LLM.MALFORMED_OUTPUT",
  "LLM.SCHEMA_VIOLATION",
  "LLM.HTTP_ERROR",
  "LLM.UNREACHABLE",
  "LLM.FAILED",
] as const;
export type LlmFailureCode = (typeof LLM_FAILURE_CODES)[number];

export interface LlmFailureDetails {
  readonly attempts?: number;
  /** The HTTP status, when the server answered with an error. */
  readonly status?: number;
  /** Where a structured answer broke the schema ("intent: Invalid option", …); no model text. */
  readonly issues?: readonly string[];
  readonly cause?: unknown;
}

/**
 * A failed LLM understanding. `message` is written here and never quotes the model's output or the
 * resident's text, so it can be logged as is; the original error is `cause`.
 */
export class LlmUnderstandingError extends Error {
  override readonly name = "LlmUnderstandingError";
  readonly code: LlmFailureCode;
  readonly attempts: number;
  readonly status: number | undefined;
  readonly issues: readonly string[];

  constructor(code: LlmFailureCode, message: string, details: LlmFailureDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.attempts = details.attempts ?? 1;
    this.status = details.status;
    this.issues = details.issues ?? [];
  }

  /** Short form for `Understood.source`: "LLM.TIMEOUT" → "timeout", an HTTP error → "http_503". */
  get reason(): string {
    if (this.code === "LLM.HTTP_ERROR" && this.status !== undefined) return `http_${this.status}`;
    return this.code.slice("LLM.".length).toLowerCase();
  }

  withAttempts(attempts: number): LlmUnderstandingError {
    return new LlmUnderstandingError(this.code, this.message, {
      attempts,
      status: this.status,
      issues: this.issues,
      cause: this.cause,
    });
  }
}

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly lc_error_code?: unknown;
  readonly headers?: unknown;
  readonly error?: unknown;
}

const asErrorLike = (error: unknown): ErrorLike =>
  typeof error === "object" && error !== null ? (error as ErrorLike) : {};
const text = (value: unknown) => (typeof value === "string" ? value : "");

const MALFORMED_JSON =
  /SyntaxError|not valid JSON|JSON at position|Unexpected (token|end)|Unterminated string/i;

/** Map whatever the OpenAI client, LangChain or zod threw to a coded error. */
export function classifyLlmError(error: unknown): LlmUnderstandingError {
  if (error instanceof LlmUnderstandingError) return error;
  const e = asErrorLike(error);
  const name = text(e.name);
  const constructorName = typeof error === "object" && error !== null ? error.constructor.name : "";
  const message = text(e.message);
  const status = typeof e.status === "number" ? e.status : undefined;
  const details = { status, cause: error };

  if (
    name === "TimeoutError" ||
    constructorName === "APIConnectionTimeoutError" ||
    /timed out/i.test(message)
  ) {
    return new LlmUnderstandingError("LLM.TIMEOUT", "the model did not answer in time", details);
  }
  if (status === 429) {
    return new LlmUnderstandingError("LLM.RATE_LIMITED", "the model server is rate limiting (429)", details);
  }
  if (status !== undefined) {
    return new LlmUnderstandingError("LLM.HTTP_ERROR", `the model server answered HTTP ${status}`, details);
  }
  if (name === "SyntaxError") {
    return new LlmUnderstandingError(
      "LLM.MALFORMED_OUTPUT",
      "the structured answer is not valid JSON",
      details,
    );
  }
  if (name === "ZodError" || name === "$ZodError" || constructorName === "$ZodError") {
    return new LlmUnderstandingError(
      "LLM.SCHEMA_VIOLATION",
      "the structured answer does not match the schema",
      {
        ...details,
        issues: zodIssuePaths(error),
      },
    );
  }
  if (e.lc_error_code === "OUTPUT_PARSING_FAILURE" || constructorName === "OutputParserException") {
    return MALFORMED_JSON.test(message)
      ? new LlmUnderstandingError("LLM.MALFORMED_OUTPUT", "the structured answer is not valid JSON", details)
      : new LlmUnderstandingError(
          "LLM.SCHEMA_VIOLATION",
          "the structured answer does not match the schema",
          details,
        );
  }
  if (
    constructorName === "APIConnectionError" ||
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|Connection error|fetch failed/i.test(message)
  ) {
    return new LlmUnderstandingError("LLM.UNREACHABLE", "the model server cannot be reached", details);
  }
  return new LlmUnderstandingError(
    "LLM.FAILED",
    `the model call failed (${name || constructorName || "error"})`,
    details,
  );
}

/** "intent: Invalid option" lines from a zod error, without the offending values. */
export function zodIssuePaths(error: unknown): string[] {
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.slice(0, 10).map((issue: { path?: unknown; message?: unknown }) => {
    const where = Array.isArray(issue.path) ? issue.path.join(".") : "";
    return `${where || "(root)"}: ${text(issue.message)}`;
  });
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/** The server's wish in milliseconds (`retry-after-ms`, or `retry-after` as seconds or a date). */
export function retryAfterMs(error: unknown, nowMs: number = Date.now()): number | undefined {
  const headers = asErrorLike(error instanceof LlmUnderstandingError ? error.cause : error).headers;
  const ms = Number(header(headers, "retry-after-ms"));
  if (header(headers, "retry-after-ms") !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = header(headers, "retry-after")?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Worth another try: rate limits (but not an exhausted quota), server errors, an unreachable server. */
export function isRetryable(failure: LlmUnderstandingError): boolean {
  if (failure.code === "LLM.RATE_LIMITED") {
    const cause = asErrorLike(failure.cause);
    const inner = asErrorLike(cause.error);
    return cause.code !== "insufficient_quota" && inner.code !== "insufficient_quota";
  }
  if (failure.code === "LLM.HTTP_ERROR") return failure.status !== undefined && failure.status >= 500;
  return failure.code === "LLM.UNREACHABLE";
}
