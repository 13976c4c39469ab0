// Speech to text over any OpenAI-compatible `POST {baseUrl}/audio/transcriptions` endpoint: OpenAI
// itself, or a self-hosted Whisper server (faster-whisper-server, whisper.cpp server) with the same route.
import { z } from "zod";
import { fail, ok, type Result } from "../../core/shared/result";
import type { Transcriber, Transcript, TranscriptionRequest } from "../../core/voice/transcriber";

/** Whisper's initial prompt: community words it would otherwise spell with the wrong characters. */
export const DEFAULT_TRANSCRIPTION_PROMPT = "小区 楼道 路灯 下水道 垃圾 网格员 物业 电梯";

/** No wait between attempts is longer than this, whatever Retry-After asks: a resident is waiting. */
export const MAX_RETRY_DELAY_MS = 20_000;

const MAX_ERROR_MESSAGE_CHARS = 300;

export interface OpenAiTranscriberOptions {
  /** e.g. "https://api.openai.com/v1" or "http://127.0.0.1:8000/v1"; a trailing slash is fine. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer`; leave out (or empty) for self-hosted servers that need none. */
  readonly apiKey?: string;
  /** e.g. "whisper-1". */
  readonly model: string;
  /** ISO-639-1 code used when a request names none; "zh" by default. */
  readonly language?: string;
  /** Per attempt, including reading the answer; 30 000 by default. */
  readonly timeoutMs?: number;
  /** Extra attempts after a 429, a 5xx, a network failure or a timeout; 2 by default. */
  readonly retries?: number;
  /** First backoff; doubles each retry, with jitter; 500 by default. */
  readonly backoffMs?: number;
  /** Whisper's initial prompt; "" sends none. */
  readonly prompt?: string;
  readonly fetch?: typeof fetch;
  /** Injected by tests so retries do not really wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const isFunction = (value: unknown) => typeof value === "function";

const optionsSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/, error: "baseUrl must be an http(s) URL" })
    .transform((url) => url.replace(/\/+$/, "")),
  apiKey: z.string().optional(),
  model: z.string().trim().min(1, "model must not be empty"),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, "language must be an ISO-639-1 code such as zh")
    .default("zh"),
  timeoutMs: z.number().int().positive().default(30_000),
  retries: z.number().int().min(0).max(10).default(2),
  backoffMs: z.number().int().min(0).default(500),
  prompt: z.string().default(DEFAULT_TRANSCRIPTION_PROMPT),
  fetch: z.custom<typeof fetch>(isFunction, "fetch must be a function").optional(),
  sleep: z.custom<(ms: number) => Promise<void>>(isFunction, "sleep must be a function").optional(),
});

type Settings = z.output<typeof optionsSchema>;

const transcriptSchema = z.object({ text: z.string() });
const errorBodySchema = z.union([
  z.object({ error: z.object({ message: z.string() }) }).transform((body) => body.error.message),
  // FastAPI-based servers (faster-whisper-server) answer errors as { detail: "..." }.
  z.object({ detail: z.string() }).transform((body) => body.detail),
]);

type RetryReason = "http_status" | "timeout" | "network" | "malformed_response";

type AttemptOutcome =
  | { readonly kind: "final"; readonly result: Result<Transcript> }
  | {
      readonly kind: "retry";
      readonly reason: RetryReason;
      readonly status?: number;
      /** The network error's code (ECONNREFUSED, ...), for the logs. */
      readonly cause?: string;
      readonly retryAfterMs?: number;
    };

type RetryOutcome = Extract<AttemptOutcome, { kind: "retry" }>;

/** Throws a plain Error naming the bad options (never their values) when they are invalid. */
export function createOpenAiTranscriber(options: OpenAiTranscriberOptions): Transcriber {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(`Invalid OpenAI transcriber options:\n${z.prettifyError(parsed.error)}`);
  }
  const settings = parsed.data;
  const sleep = settings.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    name: `openai-compatible:${settings.model}@${new URL(settings.baseUrl).host}`,
    async transcribe(request) {
      const attempts = settings.retries + 1;
      let last: RetryOutcome = { kind: "retry", reason: "network" };
      try {
        for (let attempt = 1; attempt <= attempts; attempt++) {
          const outcome = await attemptOnce(settings, request);
          if (outcome.kind === "final") return outcome.result;
          last = outcome;
          if (attempt < attempts) await sleep(retryDelayMs(settings.backoffMs, attempt, outcome));
        }
      } catch (error) {
        // Only an injected sleep could get here; transcribe promises never to throw.
        return fail("TRANSCRIBE.UNAVAILABLE", { reason: "unexpected", message: errorName(error) });
      }
      return fail("TRANSCRIBE.UNAVAILABLE", unavailableDetail(last, attempts));
    },
  };
}

async function attemptOnce(settings: Settings, request: TranscriptionRequest): Promise<AttemptOutcome> {
  const fetchImpl = settings.fetch ?? fetch;
  try {
    const response = await fetchImpl(`${settings.baseUrl}/audio/transcriptions`, {
      method: "POST",
      headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
      body: multipartBody(settings, request),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    // Read the body under the same timeout, which also frees the connection for reuse.
    const body = await response.text();
    if (response.ok) return transcriptOutcome(settings.model, response, body);
    if (response.status === 429 || response.status >= 500) {
      return {
        kind: "retry",
        reason: "http_status",
        status: response.status,
        retryAfterMs:
          response.status === 429 || response.status === 503
            ? parseRetryAfter(response.headers.get("retry-after"))
            : undefined,
      };
    }
    const message = serverErrorMessage(body, settings.apiKey);
    const detail: Record<string, string | number> = { status: response.status };
    if (message !== null) detail.message = message;
    return { kind: "final", result: fail("TRANSCRIBE.REJECTED", detail) };
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      return { kind: "retry", reason: "timeout" };
    }
    return { kind: "retry", reason: "network", cause: networkCause(error) };
  }
}

function multipartBody(settings: Settings, request: TranscriptionRequest): FormData {
  const form = new FormData();
  // A copy: the bytes stay as they were for every retry, whatever the caller does meanwhile.
  form.append("file", new Blob([new Uint8Array(request.audio)], { type: request.mime }), request.fileName);
  form.append("model", settings.model);
  form.append("language", request.language?.trim() || settings.language);
  form.append("response_format", "json");
  if (settings.prompt.trim()) form.append("prompt", settings.prompt);
  return form;
}

function transcriptOutcome(model: string, response: Response, body: string): AttemptOutcome {
  const text = isPlainText(response) ? body : parseTranscriptJson(body);
  // A 2xx we cannot read is the server's fault, like a 500: worth another try.
  if (text === null) return { kind: "retry", reason: "malformed_response", status: response.status };
  const trimmed = text.trim();
  if (!trimmed) return { kind: "final", result: fail("TRANSCRIBE.EMPTY", { model }) };
  return { kind: "final", result: ok({ text: trimmed, model }) };
}

function isPlainText(response: Response): boolean {
  return (response.headers.get("content-type") ?? "").toLowerCase().startsWith("text/plain");
}

function parseTranscriptJson(body: string): string | null {
  const parsed = transcriptSchema.safeParse(parseJsonOrNull(body));
  return parsed.success ? parsed.data.text : null;
}

function parseJsonOrNull(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function serverErrorMessage(body: string, apiKey: string | undefined): string | null {
  const parsed = errorBodySchema.safeParse(parseJsonOrNull(body));
  if (!parsed.success) return null;
  // Some servers echo what they were sent; the key must never reach a log or a reply.
  const redacted = apiKey ? parsed.data.split(apiKey).join("[redacted]") : parsed.data;
  return redacted.slice(0, MAX_ERROR_MESSAGE_CHARS);
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Retry-After when the server gave one, else exponential backoff with jitter (50-100 % of the step). */
function retryDelayMs(backoffMs: number, attempt: number, outcome: RetryOutcome): number {
  const delay =
    outcome.retryAfterMs ?? Math.round(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
  return Math.min(delay, MAX_RETRY_DELAY_MS);
}

function unavailableDetail(outcome: RetryOutcome, attempts: number) {
  return {
    reason: outcome.reason,
    attempts,
    ...(outcome.status === undefined ? {} : { status: outcome.status }),
    ...(outcome.cause === undefined ? {} : { cause: outcome.cause }),
  };
}

function networkCause(error: unknown): string {
  // Node's fetch fails with TypeError("fetch failed") whose cause carries the socket's code.
  const cause = error instanceof Error ? error.cause : undefined;
  if (typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string") {
    return cause.code;
  }
  return errorName(error);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
