import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
}

/**
 * A small fake of the Telegram Bot API over HTTP: getMe, getUpdates (long poll over a queue),
 * sendMessage (recorded; can answer 429), answerCallbackQuery, setWebhook, deleteWebhook.
 */
export async function startFakeTelegramApi(token: string) {
  const calls: RecordedCall[] = [];
  const queue: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let nextUpdateId = 1;
  let nextMessageId = 1000;
  let rateLimitNext = 0;

  const readBody = (request: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let raw = "";
      request.on("data", (chunk) => {
        raw += chunk;
      });
      request.on("end", () => {
        try {
          resolve(raw ? (JSON.parse(raw) as Record<string, unknown>) : {});
        } catch {
          resolve(Object.fromEntries(new URLSearchParams(raw)));
        }
      });
    });

  const server: Server = createServer(async (request, response) => {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(request.url ?? "");
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(payload));
    };
    if (!match || match[1] !== token)
      return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    const body = await readBody(request);
    calls.push({ method, body });
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
