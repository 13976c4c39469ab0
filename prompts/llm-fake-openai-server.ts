// A test helper: a small fake of the OpenAI chat-completions HTTP API (POST /v1/chat/completions)
// on 127.0.0.1, port 0. It records every request and lets the test choose each answer.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatMessage {
  readonly role: string;
  readonly content: unknown;
}

/** The parts of a chat-completions request the tests look at; `raw` has all of it. */
export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  /** How the client asked for structured output. */
  readonly mode: "tool" | "json_schema" | "json_object" | "text";
  readonly toolName: string | null;
  readonly raw: Record<string, unknown>;
}

export type FakeReply =
  /** The structured answer, placed where the request asked for it (a forced tool call, or the content). */
  | { readonly kind: "answer"; readonly json: unknown }
  /** Raw text placed where the answer goes (tool-call arguments or content): malformed JSON and the like. */
  | { readonly kind: "answerText"; readonly text: string }
  /** An HTTP error, e.g. 429 with Retry-After, or 500. */
  | {
      readonly kind: "status";
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Never answer: the client's timeout has to fire. The socket is closed when the server closes. */
  | { readonly kind: "hang" };

export type FakeHandler = (request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAi {
  /** Pass as `baseURL` to an OpenAI client: `http://127.0.0.1:<port>/v1`. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export const rateLimited = (retryAfterSeconds: number): FakeReply => ({
  kind: "status",
  status: 429,
  headers: { "retry-after": String(retryAfterSeconds) },
  body: { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } },
});

function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      raw += chunk;
    });
    request.on("end", () => {
      try {
        const parsed: unknown = raw ? JSON.parse(raw) : {};
        resolve(typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {});
      } catch (error) {
        reject(error);
      }
    });
    request.on("error", reject);
  });
}

function recordOf(path: string, headers: IncomingHttpHeaders, raw: Record<string, unknown>): RecordedRequest {
  const tools = Array.isArray(raw.tools) ? (raw.tools as { function?: { name?: string } }[]) : [];
  const format = (raw.response_format as { type?: string } | undefined)?.type;
  const mode =
    tools.length > 0 ? "tool" : format === "json_schema" || format === "json_object" ? format : "text";
  return {
    path,
    headers,
    model: typeof raw.model === "string" ? raw.model : "",
    messages: Array.isArray(raw.messages) ? (raw.messages as ChatMessage[]) : [],
    mode,
    toolName: tools[0]?.function?.name ?? null,
    raw,
  };
}

function completion(request: RecordedRequest, text: string, index: number) {
  const message =
    request.mode === "tool"
      ? {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: `call_${index}`,
              type: "function",
              function: { name: request.toolName ?? "extract", arguments: text },
            },
          ],
        }
      : { role: "assistant", content: text, refusal: null };
  return {
    id: `chatcmpl-fake-${index}`,
    object: "chat.completion",
    created: 1_700_000_000,
    model: request.model,
    choices: [{ index: 0, message, finish_reason: request.mode === "tool" ? "tool_calls" : "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/** Start the fake; `handler` chooses the reply to each chat-completions request (index from 0). */
export async function startFakeOpenAi(handler: FakeHandler): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const path = (request.url ?? "").split("?")[0] ?? "";
    if (request.method !== "POST" || path !== "/v1/chat/completions") {
      return send(response, 404, { error: { message: `no route ${request.method} ${path}` } });
    }
    let record: RecordedRequest;
    try {
      record = recordOf(path, request.headers, await readJson(request));
    } catch {
      return send(response, 400, { error: { message: "body is not JSON" } });
    }
    const index = requests.length;
    requests.push(record);
    const reply = await handler(record, index);
    switch (reply.kind) {
      case "answer":
        return send(response, 200, completion(record, JSON.stringify(reply.json), index));
      case "answerText":
        return send(response, 200, completion(record, reply.text, index));
      case "status":
        return send(response, reply.status, reply.body ?? { error: { message: "error" } }, {
          ...reply.headers,
        });
      case "hang":
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The text of the first message with this role in a recorded request ("" if none). */
export function messageText(request: RecordedRequest, role: "system" | "user"): string {
  const message = request.messages.find((m) => m.role === role);
  if (!message) return "";
  if (typeof message.content === "string") return message.content;
  if (Array.isArray(message.content)) {
    return (message.content as { text?: unknown }[])
      .map((part) => (typeof part.text === "string" ? part.text : ""))
      .join("");
  }
  return "";
}
