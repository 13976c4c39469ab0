import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  /** Files uploaded with the call (sendVoice, sendDocument, sendPhoto), by field name. */
  readonly files: Readonly<Record<string, { name: string; bytes: Uint8Array }>>;
}

/**
 * A small fake of the Telegram Bot API over HTTP: getMe, getUpdates (long poll over a queue),
 * sendMessage (recorded; can answer 429), sendVoice, sendDocument and sendPhoto (multipart uploads),
 * getFile and file downloads (files the test put up), answerCallbackQuery, setWebhook, deleteWebhook.
 */
export async function startFakeTelegramApi(token: string) {
  const calls: RecordedCall[] = [];
  const hostedFiles = new Map<string, { path: string; bytes: Uint8Array | null }>();
  const queue: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let nextUpdateId = 1;
  let nextMessageId = 1000;
  let rateLimitNext = 0;

  const server: Server = createServer(async (request, response) => {
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(payload));
    };
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(request.url ?? "");
    if (download && download[1] === token) {
      const hosted = [...hostedFiles.values()].find((f) => f.path === download[2]);
      if (!hosted?.bytes) return send(404, { ok: false, error_code: 404, description: "Not Found" });
      response.writeHead(200, { "content-type": "application/octet-stream" });
      return response.end(hosted.bytes);
    }
    const match = /^\/bot([^/]+)\/(\w+)/.exec(request.url ?? "");
    if (!match || match[1] !== token)
      return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    let read: Pick<RecordedCall, "body" | "files">;
    try {
      read = await readBody(request);
    } catch (error) {
      // Answer rather than leave the client waiting (grammY would wait minutes for a reply).
      return send(400, { ok: false, error_code: 400, description: `Bad Request: ${String(error)}` });
    }
    const { body, files } = read;
    calls.push({ method, body, files });
    switch (method) {
      case "getMe":
        return send(200, {
          ok: true,
          result: { id: 42, is_bot: true, first_name: "egrid", username: "egrid_bot" },
        });
      case "getUpdates": {
        const offset = Number(body.offset ?? 0);
        const pending = () => queue.filter((u) => Number(u.update_id) >= offset);
        if (pending().length === 0) {
          await new Promise<void>((resolve) => {
            waiters.push(resolve);
            setTimeout(resolve, Math.min(Number(body.timeout ?? 0), 2) * 1000);
          });
        }
        return send(200, { ok: true, result: pending() });
      }
      case "sendMessage":
        if (rateLimitNext > 0) {
          rateLimitNext--;
          return send(429, {
            ok: false,
            error_code: 429,
            description: "Too Many Requests: retry after 3",
            parameters: { retry_after: 3 },
          });
        }
        return send(200, {
          ok: true,
          result: {
            message_id: nextMessageId++,
            date: 0,
            chat: { id: Number(body.chat_id), type: "private" },
            text: body.text,
          },
        });
      case "sendVoice":
      case "sendDocument":
      case "sendPhoto":
        return send(200, {
          ok: true,
          result: {
            message_id: nextMessageId++,
            date: 0,
            chat: { id: Number(body.chat_id), type: "private" },
          },
        });
      case "getFile": {
        const hosted = hostedFiles.get(String(body.file_id));
        if (!hosted)
          return send(400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
        return send(200, {
          ok: true,
          result: { file_id: body.file_id, file_unique_id: "u", file_path: hosted.path },
        });
      }
      case "answerCallbackQuery":
      case "setWebhook":
      case "deleteWebhook":
        return send(200, { ok: true, result: true });
      default:
        return send(404, { ok: false, error_code: 404, description: `Not Found: ${method}` });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    sent: () => calls.filter((c) => c.method === "sendMessage").map((c) => c.body),
    /** Offer a file for getFile and download; null bytes: getFile works but the download 404s. */
    hostFile(fileId: string, bytes: Uint8Array | null) {
      hostedFiles.set(fileId, { path: `voice/file_${hostedFiles.size}.oga`, bytes });
    },
    /** Queue an update; the same update_id may be pushed again to simulate a redelivery. */
    push(update: Record<string, unknown>, updateId = nextUpdateId++) {
      queue.push({ update_id: updateId, ...update });
      for (const wake of waiters.splice(0)) wake();
      return updateId;
    },
    rateLimitNextSends(count: number) {
      rateLimitNext = count;
    },
    async close() {
      for (const wake of waiters.splice(0)) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** JSON, form-encoded or multipart bodies, as grammY sends them. */
async function readBody(request: IncomingMessage): Promise<Pick<RecordedCall, "body" | "files">> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = request.headers["content-type"] ?? "";
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (type.startsWith("multipart/form-data") && boundary) {
    const body: Record<string, unknown> = {};
    const files: Record<string, { name: string; bytes: Uint8Array }> = {};
    for (const part of multipartParts(raw, boundary[1] ?? boundary[2]!)) {
      if (part.filename === undefined) body[part.name] = parseMaybeJson(part.data.toString("utf8"));
      else files[part.name] = { name: part.filename, bytes: new Uint8Array(part.data) };
    }
    // grammY uploads a file under a random field and names it in the method's field as "attach://<field>".
    for (const [key, value] of Object.entries(body)) {
      const attached = typeof value === "string" ? /^attach:\/\/(.+)$/.exec(value)?.[1] : undefined;
      const file = attached === undefined ? undefined : files[attached];
      if (attached !== undefined && file) {
        files[key] = file;
        delete files[attached];
      }
    }
    return { body, files };
  }
  const text = raw.toString("utf8");
  try {
    return { body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, files: {} };
  } catch {
    return { body: Object.fromEntries(new URLSearchParams(text)), files: {} };
  }
}

/**
 * The parts of a multipart/form-data body. By hand, because grammY writes headers undici's
 * FormData parser refuses (`content-disposition:form-data;name="x";filename=voice.ogg`: no
 * spaces, an unquoted file name).
 */
function multipartParts(raw: Buffer, boundary: string): { name: string; filename?: string; data: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { name: string; filename?: string; data: Buffer }[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    if (raw.subarray(from, from + 2).toString() === "--") break; // the closing delimiter
    const next = raw.indexOf(delimiter, from);
    if (next < 0) break;
    const part = raw.subarray(from + 2, next - 2); // after the CRLF that ends the delimiter line, before the CRLF ahead of the next
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? "";
      const param = (key: string) => {
        const match = new RegExp(`(?:^|;)\\s*${key}=(?:"([^"]*)"|([^;]*))`, "i").exec(disposition);
        return match ? (match[1] ?? match[2]!.trim()) : undefined;
      };
      const name = param("name");
      const filename = param("filename");
      if (name !== undefined) {
        parts.push({
          name,
          ...(filename !== undefined ? { filename } : {}),
          data: part.subarray(headerEnd + 4),
        });
      }
    }
    start = next;
  }
  return parts;
}

function parseMaybeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function groupMessage(chatId: number, userId: number, messageId: number, text: string) {
  return {
    message: {
      message_id: messageId,
      date: 1_800_000_000,
      chat: { id: chatId, type: "supergroup", title: "春晖小区第1网格群" },
      from: { id: userId, is_bot: false, first_name: "王", language_code: "zh-hans" },
      text,
    },
  };
}

export function buttonPress(chatId: number, userId: number, messageId: number, data: string, id: string) {
  return {
    callback_query: {
      id,
      from: { id: userId, is_bot: false, first_name: "李" },
      chat_instance: "x",
      data,
      message: {
        message_id: messageId,
        date: 1_800_000_000,
        chat: { id: chatId, type: "private" },
        text: "…",
      },
    },
  };
}
