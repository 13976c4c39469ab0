import { afterEach, describe, expect, it } from "vitest";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaInbox, PrismaOutbox } from "./prisma-conversation-store";

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

describe(`the inbox on ${TEST_DATABASE}`, () => {
  it("stores once per channel + message id", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const inbox = new PrismaInbox(temp.db.prisma);
    const at = new Date("2026-11-30T02:00:00Z");
    const results = await Promise.all([
      inbox.store(message, at),
      inbox.store(message, at),
      inbox.store(message, at),
    ]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await inbox.listUnprocessed(10)).toEqual([expect.objectContaining({ message })]);
  });

  it("a message stored while another request's transaction is open survives that transaction's rollback", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const inbox = new PrismaInbox(temp.db.prisma);
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

describe(`the outbox on ${TEST_DATABASE}`, () => {
  it("hands out replies queued together in the order they were written, batch after batch", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const outbox = new PrismaOutbox(temp.db.prisma);
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
});
