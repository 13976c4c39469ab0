// A test helper: a small fake of the OpenAI speech-to-text HTTP API (POST /v1/audio/transcriptions)
// on 127.0.0.1, port 0. It parses the multipart upload, records every request and lets the test
// choose each answer.
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

const ROUTE = "/v1/audio/transcriptions";

/** The parts of a transcription upload the tests look at. */
export interface RecordedTranscriptionRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The text fields of the form: model, language, response_format, prompt, ... */
  readonly fields: Readonly<Record<string, string>>;
  readonly fileName: string | null;
  readonly fileMime: string | null;
  readonly fileBytes: number;
  /** Hex sha256 of the uploaded audio, to check it arrived intact. */
  readonly fileSha256: string | null;
}

export type FakeTranscriptionReply =
  /** 200 with `{ "text": ... }`, as OpenAI answers response_format=json. */
  | { readonly kind: "text"; readonly text: string }
  /** An HTTP error, e.g. 429 with Retry-After, 400 or 500. */
  | {
      readonly kind: "status";
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Never answer: the client's timeout has to fire. The socket is destroyed when the server closes. */
  | { readonly kind: "hang" }
  /** 200 with exactly this body: text/plain transcripts, malformed JSON and the like. */
  | { readonly kind: "raw"; readonly contentType: string; readonly body: string };

export type FakeTranscriptionHandler = (
  request: RecordedTranscriptionRequest,
  index: number,
) => FakeTranscriptionReply | Promise<FakeTranscriptionReply>;

export interface FakeTranscriptionServer {
  /** Pass as the transcriber's `baseUrl`: `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  readonly requests: RecordedTranscriptionRequest[];
  close(): Promise<void>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Answers each upload with the sentence mapped to its audio's sha256; a 400 for audio it does not know. */
export function transcriptByFile(map: Readonly<Record<string, string>>): FakeTranscriptionHandler {
  return (request) => {
    const text = request.fileSha256 === null ? undefined : map[request.fileSha256];
    if (text !== undefined) return { kind: "text", text };
    return {
      kind: "status",
      status: 400,
      body: { error: { message: `fake: no transcript for audio ${request.fileSha256 ?? "(none)"}` } },
    };
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** Parses multipart/form-data with the Web Request class Node ships, as a real server would. */
async function recordOf(path: string, headers: IncomingHttpHeaders, raw: Buffer) {
  const form = await new Request("http://fake.local/", {
    method: "POST",
    headers: { "content-type": headers["content-type"] ?? "" },
    body: raw,
    duplex: "half",
  }).formData();
  const fields: Record<string, string> = {};
  let file: File | null = null;
  for (const [name, value] of form) {
    if (typeof value === "string") fields[name] = value;
    else if (name === "file") file = value;
  }
  const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
  const record: RecordedTranscriptionRequest = {
    path,
    headers,
    fields,
    fileName: file?.name ?? null,
    fileMime: file?.type || null,
    fileBytes: bytes?.length ?? 0,
    fileSha256: bytes ? sha256Hex(bytes) : null,
  };
  return record;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/** Start the fake; `handler` chooses the reply to each transcription upload (index from 0). */
export async function startFakeTranscriptionServer(
  handler: FakeTranscriptionHandler,
): Promise<FakeTranscriptionServer> {
  const requests: RecordedTranscriptionRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (request, response) => {
    const path = (request.url ?? "").split("?")[0] ?? "";
    if (request.method !== "POST" || path !== ROUTE) {
      return send(response, 404, { error: { message: `no route ${request.method} ${path}` } });
    }
    let record: RecordedTranscriptionRequest;
    try {
      record = await recordOf(path, request.headers, await readBody(request));
    } catch {
      return send(response, 400, { error: { message: "body is not multipart/form-data" } });
    }
    const index = requests.length;
    requests.push(record);
    const reply = await handler(record, index);
    switch (reply.kind) {
      case "text":
        return send(response, 200, { text: reply.text });
      case "status":
        return send(response, reply.status, reply.body ?? { error: { message: "error" } }, {
          ...reply.headers,
        });
      case "raw":
        response.writeHead(200, { "content-type": reply.contentType });
        return response.end(reply.body);
      case "hang":
        return;
    }
  });
  // Tracked so close() can end keep-alive and hanging connections instead of waiting for them.
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      }),
  };
}
