import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Channel } from "../../bot/channels/channel";
import { type Clock, fixedClock } from "../../core/shared/clock";
import type { Understanding } from "../../core/understanding/understanding";
import { testDatabaseUrl } from "../../db/testing/temp-database";
import { loadConfig } from "../config";
import { type RunningEgrid, startEgrid } from "../egrid-server";
import { createLogger } from "../logger";

export interface PlaygroundReply {
  chatId: string;
  text: string;
  buttons?: { label: string; data: string }[][];
  audio?: { ref: string; mime: string; durationSeconds: number };
  image?: { ref: string; mime: string; caption: string };
}

/** egrid as `npm start` runs it, on a temp SQLite file (or PostgreSQL schema, see tempDatabase) and port 0, with an injected clock and understanding. */
export async function startHarness(
  understanding: Understanding,
  options: {
    clock?: Clock;
    channels?: Channel[];
    env?: Record<string, string>;
    dir?: string;
    /** A stopped harness's database, to start again on the same data (with its `dir`). */
    database?: ReturnType<typeof testDatabaseUrl>;
  } = {},
) {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "egrid-app-"));
  const clock = options.clock ?? fixedClock(new Date("2026-11-30T02:00:00Z"));
  const database = options.database ?? testDatabaseUrl(path.join(dir, "egrid.db"));
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: "0",
    SWEEP_INTERVAL_SECONDS: "0",
    // Tests drive the daily summary themselves (runtime.sendDailySummaries), at the time they choose.
    SUMMARY_TIME: "off",
    AUDIO_DIR: path.join(dir, "audio"),
    ...options.env,
  });
  const running: RunningEgrid = await startEgrid(
    config,
    createLogger("silent"),
    clock,
    understanding,
    options.channels ?? [],
  );
  const url = running.url.replace("0.0.0.0", "127.0.0.1");

  async function say(body: Record<string, unknown>): Promise<{
    status: number;
    json: { replies: PlaygroundReply[]; duplicate?: boolean; error?: string; message?: string };
  }> {
    const response = await fetch(`${url}/api/playground/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      json: (await response.json()) as Awaited<ReturnType<typeof say>>["json"],
    };
  }

  /** POST /api/playground/voice as a multipart upload, the way the page and scripts send it. */
  async function sayVoice(
    chatId: string,
    userId: string,
    bytes: Uint8Array,
    file: { name: string; type: string } = { name: "voice.ogg", type: "audio/ogg" },
  ): Promise<Awaited<ReturnType<typeof say>>> {
    const form = new FormData();
    form.set("chatId", chatId);
    form.set("userId", userId);
    form.set("file", new Blob([bytes], { type: file.type }), file.name);
    const response = await fetch(`${url}/api/playground/voice`, { method: "POST", body: form });
    return {
      status: response.status,
      json: (await response.json()) as Awaited<ReturnType<typeof say>>["json"],
    };
  }

  return {
    running,
    dir,
    database,
    url,
    clock,
    say,
    sayVoice,
    /** POST and expect success; returns the replies. */
    async send(
      chatId: string,
      userId: string,
      content: string | { button: string } | Record<string, unknown>,
    ) {
      const body =
        typeof content === "string" ? { chatId, userId, text: content } : { chatId, userId, ...content };
      const { status, json } = await say(body);
      if (status !== 200) throw new Error(`playground answered ${status}: ${JSON.stringify(json)}`);
      return json.replies;
    },
    async close(options: { keepFiles?: boolean } = {}) {
      await running.stop();
      if (!options.keepFiles) {
        rmSync(dir, { recursive: true, force: true });
        await database.drop();
      }
    },
  };
}

/** The playground's private chat with a person. */
export const dm = (personId: string) => `dm-${personId}`;

/** What the bot said in one chat, among the replies to a message, one line each. */
export function textTo(replies: readonly PlaygroundReply[], chatId: string): string {
  return replies
    .filter((r) => r.chatId === chatId)
    .map((r) => r.text)
    .join("\n");
}

export function findButton(
  replies: readonly { readonly buttons?: readonly (readonly { label: string; data: string }[])[] }[],
  label: string | RegExp,
): string {
  for (const reply of replies) {
    for (const row of reply.buttons ?? []) {
      for (const button of row)
        if (typeof label === "string" ? button.label === label : label.test(button.label)) return button.data;
    }
  }
  throw new Error(`no button ${label} in ${JSON.stringify(replies)}`);
}

/** Poll until `probe` gives something truthy (what a channel or the outbox did in the background). */
export async function until<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  ms = 8000,
): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
