import { afterEach, describe, expect, it } from "vitest";
import {
  INBOX_PROCESSING_LEASE_MS,
  OUTBOX_SENDING_LEASE_MS,
} from "../../core/conversation/conversation-ports";
import type { EgridDatabase } from "../database";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaConversationState, PrismaInbox, PrismaOutbox } from "./prisma-conversation-store";
import { PrismaPeopleDirectory } from "./prisma-directory";
import { NO_REFERENCE_CACHE } from "./reference-cache";
import { conversationStoresFor } from "./repositories-for";

/** The stores as the app has them (prepared statements on SQLite) and, on SQLite, Prisma's too. */
const appStores = (db: EgridDatabase) =>
  conversationStoresFor(db, new PrismaPeopleDirectory(db.prisma), NO_REFERENCE_CACHE);
const prismaStores = (db: EgridDatabase) => ({
  inbox: new PrismaInbox(db.prisma),
  outbox: new PrismaOutbox(db.prisma),
  states: new PrismaConversationState(db.prisma),
});
const IMPLEMENTATIONS = [
  { kind: "as the app has them", stores: appStores },
  ...(TEST_DATABASE === "SQLite" ? [{ kind: "through Prisma", stores: prismaStores }] : []),
];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const message = {
  channel: "playground",
  chatId: "grid-chunhui-1",
  chatType: "group" as const,
  userId: "u1",
  messageId: "m1",
  text: "灯坏了",
};

describe.each(IMPLEMENTATIONS)(`the inbox on ${TEST_DATABASE}, $kind`, ({ stores }) => {
  it("stores once per channel + message id", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const { inbox } = stores(temp.db);
    const at = new Date("2026-11-30T02:00:00Z");
    const results = await Promise.all([
      inbox.store(message, at),
      inbox.store(message, at),
      inbox.store(message, at),
    ]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    // Claimed by whoever stored it: not recoverable until the lease runs out.
    expect(await inbox.claimUnprocessed(at, 10)).toEqual([]);
    const later = new Date(at.getTime() + INBOX_PROCESSING_LEASE_MS);
    expect(await inbox.claimUnprocessed(later, 10)).toEqual([expect.objectContaining({ message })]);
  });

  it("instances recovering at once share out the unprocessed messages; processed ones are never taken", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const { inbox } = stores(temp.db);
    const at = new Date("2026-11-30T02:00:00Z");
    const stored = [];
    for (let i = 0; i < 30; i++) stored.push(await inbox.store({ ...message, messageId: `m${i}` }, at));
    await inbox.markProcessed(stored[0]!.id, "ticket_dispatched", at);
    const later = new Date(at.getTime() + INBOX_PROCESSING_LEASE_MS + 1);
    const claims = await Promise.all([1, 2, 3, 4].map(() => inbox.claimUnprocessed(later, 100)));
    const ids = claims.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      stored
        .slice(1)
        .map((s) => s.id)
        .sort(),
    );
    // …and claimed again only when the new lease has run out too.
    expect(await inbox.claimUnprocessed(later, 100)).toEqual([]);
    const muchLater = new Date(later.getTime() + INBOX_PROCESSING_LEASE_MS);
    expect(await inbox.claimUnprocessed(muchLater, 100)).toHaveLength(29);
  });

  it("a message stored while another request's transaction is open survives that transaction's rollback", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const { inbox } = stores(temp.db);
    let release: () => void = () => {};
    let began: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      began = resolve;
    });
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = temp.db.prisma
      .$transaction(async (tx) => {
        await tx.ticketCounter.create({ data: { year: 2026, last: 1 } });
        began();
        await held;
        throw new Error("concurrent update: roll back");
      })
      .catch(() => "rolled back");
    await inside; // the other transaction is open now
    const stored = inbox.store(message, new Date());
    setTimeout(release, 50);
    expect(await failing).toBe("rolled back");
    expect((await stored).duplicate).toBe(false);
    expect(await temp.db.prisma.inboxMessage.count()).toBe(1);
    expect(await temp.db.prisma.ticketCounter.count()).toBe(0);
  });
});

describe.each(IMPLEMENTATIONS)(`the outbox on ${TEST_DATABASE}, $kind`, ({ stores }) => {
  it("hands out replies queued together in the order they were written, batch after batch", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const { outbox } = stores(temp.db);
    const at = new Date("2026-11-30T02:00:00Z");
    const texts = ["🎤 我听到的是…", "已受理", "详情已私信给您", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"];
    await outbox.enqueue(
      texts.slice(0, 6).map((text) => ({ channel: "playground", chatId: "c", text })),
      null,
      at,
    );
    await outbox.enqueue(
      texts.slice(6).map((text) => ({ channel: "playground", chatId: "c", text })),
      null,
      new Date(at.getTime() + 1),
    );
    const due = await outbox.claimDue("playground", new Date(at.getTime() + 1000), 50);
    expect(due.map((q) => q.message.text)).toEqual(texts);
  });

  it("two senders claiming at once never get the same reply; an unconfirmed claim comes back after its lease", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const { outbox } = stores(temp.db);
    const at = new Date("2026-11-30T02:00:00Z");
    const queued = await outbox.enqueue(
      Array.from({ length: 40 }, (_, i) => ({ channel: "telegram", chatId: "c", text: `#${i}` })),
      null,
      at,
    );
    const now = new Date(at.getTime() + 1000);
    const [a, b, c] = await Promise.all([
      outbox.claimDue("telegram", now, 25),
      outbox.claimDue("telegram", now, 25),
      outbox.claimDue("telegram", now, 25),
    ]);
    // Racing for the same oldest 25: each goes to exactly one sender; the next claim takes the rest.
    const rest = await outbox.claimDue("telegram", now, 50);
    const ids = [...a!, ...b!, ...c!, ...rest].map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(queued.map((q) => q.id).sort());
    const first = [...a!, ...b!, ...c!][0]!;
    await outbox.markSent(first.id, "tg-1", now);
    expect(await outbox.claimDue("telegram", now, 50)).toEqual([]);
    const afterLease = new Date(now.getTime() + OUTBOX_SENDING_LEASE_MS);
    expect(await outbox.claimDue("telegram", afterLease, 50)).toHaveLength(39);
  });
});

describe.each(IMPLEMENTATIONS)(
  `replies that fail, and open forms, on ${TEST_DATABASE}, $kind`,
  ({ stores }) => {
    it("a failed attempt comes back at its retry time; a given-up one never; a sent one is found by its platform id", async () => {
      const temp = await tempDatabase({ seed: false });
      cleanups.push(temp.cleanup);
      const { outbox } = stores(temp.db);
      const at = new Date("2026-11-30T02:00:00Z");
      const [retried, abandoned, sent] = await outbox.enqueue(
        ["a", "b", "c"].map((text) => ({ channel: "slack", chatId: "c", text, ticketId: `t-${text}` })),
        "inbox-1",
        at,
      );
      const now = new Date(at.getTime() + 1000);
      expect(await outbox.claimDue("slack", now, 10)).toHaveLength(3);
      const retryAt = new Date(now.getTime() + 30_000);
      await outbox.markAttemptFailed(retried!.id, "429 too many requests", retryAt);
      await outbox.markAttemptFailed(abandoned!.id, "chat not found", null);
      await outbox.markSent(sent!.id, "ts-42", now);
      expect(await outbox.claimDue("slack", new Date(retryAt.getTime() - 1), 10)).toEqual([]);
      expect(await outbox.claimDue("slack", retryAt, 10)).toEqual([
        { id: retried!.id, message: retried!.message, attempts: 1 },
      ]);
      expect(await outbox.ticketOfSentMessage("slack", "c", "ts-42")).toBe("t-c");
      expect(await outbox.pendingCount()).toBe(1);
      const rows = await temp.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
        ["pending", 1, "429 too many requests"],
        ["failed", 1, "chat not found"],
        ["sent", 1, null],
      ]);
      expect(rows[2]!.sentAt).toEqual(now);
    });

    it("keeps a form until it expires, replaces it, and clears it", async () => {
      const temp = await tempDatabase({ seed: false });
      cleanups.push(temp.cleanup);
      const { states } = stores(temp.db);
      const at = new Date("2026-11-30T02:00:00Z");
      const expires = new Date(at.getTime() + 600_000);
      expect(await states.get("playground:u1", at)).toBeNull();
      await states.set("playground:u1", { form: "ask_building", text: "灯坏了" }, expires);
      await states.set("playground:u1", { form: "ask_building", text: "灯坏了，3栋" }, expires);
      expect(await states.get("playground:u1", at)).toEqual({ form: "ask_building", text: "灯坏了，3栋" });
      expect(await states.get("playground:u1", expires)).toBeNull();
      await states.clear("playground:u1");
      expect(await states.get("playground:u1", at)).toBeNull();
    });
  },
);
