// A small fake of Slack's Web API over real HTTP (127.0.0.1, a free port), for channel tests:
// answers auth.test, chat.postMessage, conversations.open and apps.connections.open, records
// every call, and can be told to fail the next calls of a method (429 with Retry-After, a Slack
// error, an HTTP status). apps.connections.open hands out a WebSocket URL on the same server,
// where a minimal Socket Mode endpoint says hello, pushes envelopes and records the acks.
// Also signs requests the way Slack signs the events it POSTs to an app.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { acceptWebSocket, webSocketFrame } from "./fake-websocket";

export interface FakeSlackCall {
  readonly method: string;
  /** The bearer token the client sent, or null. */
  readonly token: string | null;
  /** Form fields as sent; JSON-valued fields (blocks, …) parsed. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface FakeSlackUpload {
  readonly fileId: string;
  readonly filename: string;
  bytes: Uint8Array;
  channelId: string | null;
  comment: string | null;
}

export type FakeSlackFailure =
  | { readonly kind: "ratelimited"; readonly retryAfterSeconds: number }
  | { readonly kind: "error"; readonly error: string }
  | { readonly kind: "http"; readonly status: number };

export interface FakeSlackApi {
  /** The base URL to give the client as its API URL ("http://127.0.0.1:<port>/api/"). */
  readonly url: string;
  /** Offer a file at a url_private (downloadable with the bot token); returns the URL. */
  hostFile(name: string, bytes: Uint8Array): string;
  /** Files the bot uploaded (files.uploadV2), with the channel and comment they were shared with. */
  readonly uploads: readonly FakeSlackUpload[];
  readonly calls: readonly FakeSlackCall[];
  callsTo(method: string): FakeSlackCall[];
  /** Fail the next `times` calls of `method` this way. */
  failNext(method: string, failure: FakeSlackFailure, times?: number): void;
  /** Socket Mode clients connected now (after their hello). */
  socketConnections(): number;
  /** Push an envelope (`events_api` with an event_callback body, `interactive` with a block_actions body, …) to every connected client; its envelope id. */
  pushEnvelope(type: string, payload: object): string;
  /** Envelope ids the clients acknowledged. */
  readonly acks: readonly string[];
  close(): Promise<void>;
}

export interface FakeSlackApiOptions {
  /** When set, any other token gets `invalid_auth`. */
  readonly token?: string;
  /** The same, for apps.connections.open (Socket Mode's app-level token). */
  readonly appToken?: string;
  readonly botUserId?: string;
  readonly botId?: string;
  readonly teamId?: string;
}

function readRaw(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => resolve(Buffer.concat(parts)));
    request.on("error", reject);
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  return (await readRaw(request)).toString("utf8");
}

/** An upload's bytes: the file part of a multipart body, or the raw body. */
async function uploadedBytes(request: IncomingMessage): Promise<Uint8Array> {
  const raw = await readRaw(request);
  const type = request.headers["content-type"] ?? "";
  if (!type.startsWith("multipart/form-data")) return new Uint8Array(raw);
  const form = await new Request("http://fake/", {
    method: "POST",
    headers: { "content-type": type },
    body: raw,
  }).formData();
  for (const value of form.values()) {
    if (typeof value !== "string") return new Uint8Array(await value.arrayBuffer());
  }
  return new Uint8Array();
}

function parseValue(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function parseParams(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) {
    const parsed = body.length > 0 ? (JSON.parse(body) as unknown) : {};
    return typeof parsed === "object" && parsed !== null ? { ...parsed } : {};
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) params[key] = parseValue(value);
  return params;
}

function answer(
  response: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const botUserId = options.botUserId ?? "UEGRIDBOT";
  const botId = options.botId ?? "BEGRIDBOT";
  const teamId = options.teamId ?? "T0GRID";
  const calls: FakeSlackCall[] = [];
  const failures = new Map<string, FakeSlackFailure[]>();
  const sockets = new Set<Duplex>();
  const acks: string[] = [];
  let messages = 0;
  let envelopes = 0;
  let port = 0;
  const hosted = new Map<string, Uint8Array>();
  const uploads: FakeSlackUpload[] = [];

  function respond(method: string, params: Record<string, unknown>): object {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://egrid.slack.com/",
          team: "egrid",
          user: "egrid",
          team_id: teamId,
          user_id: botUserId,
          bot_id: botId,
        };
      case "chat.postMessage": {
        messages += 1;
        const ts = `1700000000.${String(messages).padStart(6, "0")}`;
        return {
          ok: true,
          channel: params.channel,
          ts,
          message: { type: "message", text: params.text, ts, bot_id: botId },
        };
      }
      case "apps.connections.open":
        return { ok: true, url: `ws://127.0.0.1:${port}/socket-mode` };
      case "files.getUploadURLExternal": {
        const fileId = `F${String(uploads.length + 1).padStart(8, "0")}`;
        uploads.push({
          fileId,
          filename: String(params.filename ?? ""),
          bytes: new Uint8Array(),
          channelId: null,
          comment: null,
        });
        return { ok: true, upload_url: `http://127.0.0.1:${port}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const files = (Array.isArray(params.files) ? params.files : []) as { id?: string }[];
        for (const file of files) {
          const upload = uploads.find((u) => u.fileId === file.id);
          if (!upload) return { ok: false, error: "file_not_found" };
          upload.channelId = typeof params.channel_id === "string" ? params.channel_id : null;
          upload.comment = typeof params.initial_comment === "string" ? params.initial_comment : null;
        }
        return { ok: true, files: files.map((f) => ({ id: f.id })) };
      }
      case "conversations.open": {
        const users = typeof params.users === "string" ? params.users : "";
        if (users.length === 0) return { ok: false, error: "users_list_not_supplied" };
        return { ok: true, channel: { id: `D${users.split(",")[0]}` } };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  const server = createServer((request, response) => {
    void (async () => {
      const path = request.url?.split("?")[0] ?? "";
      const upload = /^\/upload\/(F\d+)$/.exec(path);
      if (upload) {
        const target = uploads.find((u) => u.fileId === upload[1]);
        if (target) target.bytes = await uploadedBytes(request);
        response.writeHead(target ? 200 : 404, { "content-type": "text/plain" });
        response.end(target ? "OK" : "not found");
        return;
      }
      const file = /^\/files-pri\/(.+)$/.exec(path);
      if (file && request.method === "GET") {
        const bytes = hosted.get(file[1]!);
        const authorised = !options.token || request.headers.authorization === `Bearer ${options.token}`;
        // Slack answers an unauthorised download with its login page, not an error status.
        if (!bytes || !authorised) {
          response.writeHead(authorised ? 404 : 200, { "content-type": "text/html" });
          response.end("<html>sign in</html>");
          return;
        }
        response.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-length": bytes.byteLength,
        });
        response.end(bytes);
        return;
      }
      const match = /^\/api\/([\w.]+)$/.exec(path);
      if (request.method !== "POST" || !match?.[1]) {
        answer(response, 404, { ok: false, error: "unknown_method" });
        return;
      }
      const method = match[1];
      const body = await readBody(request);
      const authorization = request.headers.authorization;
      const token = authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : null;
      const params = parseParams(body, request.headers["content-type"]);
      calls.push({ method, token, params });

      const queued = failures.get(method);
      const failure = queued?.shift();
      if (failure) {
        if (failure.kind === "ratelimited") {
          answer(
            response,
            429,
            { ok: false, error: "ratelimited" },
            { "retry-after": String(failure.retryAfterSeconds) },
          );
        } else if (failure.kind === "http") {
          answer(response, failure.status, { ok: false, error: "http_error" });
        } else {
          answer(response, 200, { ok: false, error: failure.error });
        }
        return;
      }
      if (token === null) return answer(response, 200, { ok: false, error: "not_authed" });
      const expected = method.startsWith("apps.connections.") ? options.appToken : options.token;
      if (expected !== undefined && token !== expected) {
        return answer(response, 200, { ok: false, error: "invalid_auth" });
      }
      answer(response, 200, respond(method, params));
    })().catch((error: unknown) => {
      answer(response, 500, { ok: false, error: String(error) });
    });
  });

  server.on("upgrade", (request: IncomingMessage, socket: Duplex) => {
    if (!request.url?.startsWith("/socket-mode")) {
      socket.destroy();
      return;
    }
    acceptWebSocket(request, socket, (text) => {
      const parsed = JSON.parse(text) as { envelope_id?: unknown };
      if (typeof parsed.envelope_id === "string") acks.push(parsed.envelope_id);
    });
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    const hello = { type: "hello", num_connections: sockets.size, debug_info: { host: "fake-slack" } };
    socket.write(webSocketFrame(0x1, Buffer.from(JSON.stringify(hello))));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    uploads,
    hostFile(name, bytes) {
      hosted.set(name, bytes);
      return `http://127.0.0.1:${port}/files-pri/${name}`;
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    failNext(method, failure, times = 1) {
      const queued = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queued.push(failure);
      failures.set(method, queued);
    },
    socketConnections: () => sockets.size,
    pushEnvelope(type, payload) {
      envelopes += 1;
      const envelopeId = `envelope-${envelopes}`;
      const envelope = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: false,
        retry_attempt: 0,
      };
      for (const socket of sockets) socket.write(webSocketFrame(0x1, Buffer.from(JSON.stringify(envelope))));
      return envelopeId;
    },
    acks,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The headers Slack sends with a request it POSTs to an app: `v0=` + HMAC-SHA256 of `v0:<ts>:<body>`. */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestampSeconds: number,
): { "x-slack-request-timestamp": string; "x-slack-signature": string } {
  const base = `v0:${timestampSeconds}:${body}`;
  const signature = `v0=${createHmac("sha256", signingSecret).update(base).digest("hex")}`;
  return { "x-slack-request-timestamp": String(timestampSeconds), "x-slack-signature": signature };
}

/** The Events API body Slack POSTs (or pushes in an `events_api` envelope) around one event. */
export function slackEventCallback(
  event: Record<string, unknown>,
  eventId = "Ev0001",
): Record<string, unknown> {
  return {
    token: "verification-token",
    team_id: "T0GRID",
    api_app_id: "A0GRID",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: "T0GRID", user_id: "UEGRIDBOT", is_bot: true }],
  };
}

/** A resident's message in a grid's channel, as Slack sends it; override any field. */
export function slackMessageEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    channel: "C0GRID1",
    channel_type: "channel",
    user: "U0RESIDENT",
    text: "3号楼楼道的灯坏了三天了 &amp; 没人修",
    ts: "1700000100.000200",
    event_ts: "1700000100.000200",
    client_msg_id: "8d2b1b8e-1f3c-4c0a-9a55-5f1b0f0c7a11",
    ...overrides,
  };
}

/** Poll until `check` holds (what a receiver did after it answered the HTTP request). */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
