import { describe, expect, it } from "vitest";
import type { OutboxRepository, QueuedOutbound } from "../../core/conversation/conversation-ports";
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import { fixedClock } from "../../core/shared/clock";
import type { Channel, SendResult } from "../channels/channel";
import { OutboxDispatcher } from "./outbox-dispatcher";

interface Row extends QueuedOutbound {
  status: "pending" | "sent" | "failed";
  nextAttemptAt: Date;
  platformId?: string;
}

/** The OutboxRepository contract in memory. */
class MemoryOutbox implements OutboxRepository {
  rows: Row[] = [];
  async enqueue(messages: readonly OutboundMessage[], _causedBy: string | null, at: Date) {
    const queued = messages.map((message, i) => ({ id: `o${this.rows.length + i}`, message, attempts: 0 }));
    this.rows.push(...queued.map((q) => ({ ...q, status: "pending" as const, nextAttemptAt: at })));
    return queued;
  }
  async claimDue(channel: string, now: Date, limit: number) {
    return this.rows
      .filter((r) => r.message.channel === channel && r.status === "pending" && r.nextAttemptAt <= now)
      .slice(0, limit);
  }
  async markSent(id: string, platformMessageId: string) {
    const row = this.rows.find((r) => r.id === id)!;
    Object.assign(row, { status: "sent", platformId: platformMessageId, attempts: row.attempts + 1 });
  }
  async markAttemptFailed(id: string, _error: string, retryAt: Date | null) {
    const row = this.rows.find((r) => r.id === id)!;
    Object.assign(row, {
      status: retryAt ? "pending" : "failed",
      attempts: row.attempts + 1,
      nextAttemptAt: retryAt ?? row.nextAttemptAt,
    });
  }
  async ticketOfSentMessage() {
    return null;
  }
  async pendingCount() {
    return this.rows.filter((r) => r.status === "pending").length;
  }
}

function scriptedChannel(results: SendResult[]): Channel & { sends: number } {
  const channel = {
    name: "test",
    supportsPrivateChats: true,
    sends: 0,
    async start() {},
    async stop() {},
    privateChatIdFor: (id: string) => id,
    fetchMedia: () => Promise.reject(new Error("no media in this test")),
    async send(): Promise<SendResult> {
      channel.sends++;
      return results.shift() ?? { ok: true, messageId: `m${channel.sends}` };
    },
  };
  return channel;
}

const silent = { info() {}, warn() {}, error() {} };
const message: OutboundMessage = { channel: "test", chatId: "c1", text: "hi" };

describe("outbox delivery", () => {
  it("backs off exponentially on temporary failures, then delivers", async () => {
    const clock = fixedClock(new Date("2026-11-30T00:00:00Z"));
    const outbox = new MemoryOutbox();
    const channel = scriptedChannel([
      { ok: false, permanent: false, error: "timeout" },
      { ok: false, permanent: false, error: "timeout" },
    ]);
    const dispatcher = new OutboxDispatcher(outbox, new Map([["test", channel]]), clock, silent, {
      baseDelayMs: 1000,
    });
    await outbox.enqueue([message], null, clock.now());
    expect(await dispatcher.deliverDue("test")).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(outbox.rows[0]!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(1000);
    expect(await dispatcher.deliverDue("test")).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not due yet
    clock.advanceMinutes(1 / 60);
    await dispatcher.deliverDue("test");
    expect(outbox.rows[0]!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(2000);
    clock.advanceMinutes(2 / 60);
    expect(await dispatcher.deliverDue("test")).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(outbox.rows[0]).toMatchObject({ status: "sent", attempts: 3, platformId: "m3" });
  });

  it("gives up at once on a permanent failure, and after the last allowed attempt otherwise", async () => {
    const clock = fixedClock(new Date("2026-11-30T00:00:00Z"));
    const outbox = new MemoryOutbox();
    const channel = scriptedChannel([
      { ok: false, permanent: true, error: "chat not found" },
      { ok: false, permanent: false, error: "x" },
      { ok: false, permanent: false, error: "x" },
    ]);
    const dispatcher = new OutboxDispatcher(outbox, new Map([["test", channel]]), clock, silent, {
      maxAttempts: 2,
      baseDelayMs: 10,
    });
    await outbox.enqueue([message], null, clock.now());
    expect(await dispatcher.deliverDue("test")).toEqual({ sent: 0, retrying: 0, failed: 1 });
    await outbox.enqueue([message], null, clock.now());
    await dispatcher.deliverDue("test");
    clock.advanceMinutes(1);
    expect(await dispatcher.deliverDue("test")).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(outbox.rows.map((r) => r.status)).toEqual(["failed", "failed"]);
  });

  it("a 429 waits what the platform asked and stops the batch", async () => {
    const clock = fixedClock(new Date("2026-11-30T00:00:00Z"));
    const outbox = new MemoryOutbox();
    const channel = scriptedChannel([{ ok: false, permanent: false, retryAfterMs: 30_000, error: "429" }]);
    const dispatcher = new OutboxDispatcher(outbox, new Map([["test", channel]]), clock, silent);
    await outbox.enqueue([message, message, message], null, clock.now());
    expect(await dispatcher.deliverDue("test")).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(channel.sends).toBe(1);
    expect(outbox.rows[0]!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(30_000);
  });
});
