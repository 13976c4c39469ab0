import { randomUUID } from "node:crypto";
import {
  type ConversationStateStore,
  INBOX_PROCESSING_LEASE_MS,
  type InboxRepository,
  OUTBOX_SENDING_LEASE_MS,
  type OutboxRepository,
  type QueuedOutbound,
  type StoredInbound,
} from "../../core/conversation/conversation-ports";
import type { InboundMessage, OutboundMessage } from "../../core/conversation/inbound-message";
import type { PrismaClient } from "../generated/client";

export class PrismaInbox implements InboxRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async store(message: InboundMessage, receivedAt: Date) {
    const id = randomUUID();
    // INSERT … ON CONFLICT DO NOTHING: the unique key decides, so concurrent redeliveries store once.
    // In a transaction of its own: the SQLite adapter shares one connection, and a bare write
    // would land inside another request's open transaction and be rolled back with it.
    const inserted = await this.prisma.$transaction(
      (tx) => tx.$executeRaw`
      INSERT INTO "InboxMessage" ("id", "channel", "messageId", "chatId", "userId", "payload", "receivedAt", "claimedUntil")
      VALUES (${id}, ${message.channel}, ${message.messageId}, ${message.chatId}, ${message.userId},
              ${JSON.stringify(message)}, ${receivedAt}, ${new Date(receivedAt.getTime() + INBOX_PROCESSING_LEASE_MS)})
      ON CONFLICT ("channel", "messageId") DO NOTHING`,
    );
    return { id, duplicate: inserted === 0 };
  }

  async markProcessed(id: string, outcome: string, at: Date) {
    await this.prisma.inboxMessage.update({ where: { id }, data: { processedAt: at, outcome, error: null } });
  }

  async markFailed(id: string, error: string, at: Date) {
    // Processed (so it is not retried in a loop) but kept with the error for a person to look at.
    await this.prisma.inboxMessage.update({
      where: { id },
      data: { processedAt: at, outcome: "failed", error },
    });
  }

  async claimUnprocessed(now: Date, limit: number): Promise<StoredInbound[]> {
    const free = {
      processedAt: null,
      OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
    };
    const candidates = await this.prisma.inboxMessage.findMany({
      where: free,
      orderBy: { receivedAt: "asc" },
      take: limit,
      select: { id: true },
    });
    if (candidates.length === 0) return [];
    // One conditional UPDATE: a row another instance claimed in between no longer matches.
    const rows = await this.prisma.$transaction((tx) =>
      tx.inboxMessage.updateManyAndReturn({
        where: { id: { in: candidates.map((c) => c.id) }, ...free },
        data: { claimedUntil: new Date(now.getTime() + INBOX_PROCESSING_LEASE_MS) },
      }),
    );
    return inOrderOf(candidates, rows).map((row) => ({
      id: row.id,
      message: JSON.parse(row.payload) as InboundMessage,
      receivedAt: row.receivedAt,
    }));
  }
}

export class PrismaOutbox implements OutboxRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async enqueue(
    messages: readonly OutboundMessage[],
    causedBy: string | null,
    at: Date,
  ): Promise<QueuedOutbound[]> {
    const rows = outboxRows(messages, causedBy, at);
    if (rows.length > 0) await this.prisma.$transaction((tx) => tx.outboxMessage.createMany({ data: rows }));
    return rows.map((row, index) => ({ id: row.id, message: messages[index]!, attempts: 0 }));
  }

  async claimDue(channel: string, now: Date, limit: number): Promise<QueuedOutbound[]> {
    const due = { channel, status: "pending", nextAttemptAt: { lte: now } };
    const candidates = await this.prisma.outboxMessage.findMany({
      where: due,
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true },
    });
    if (candidates.length === 0) return [];
    // The claim is the lease: one conditional UPDATE, so a row another instance took is skipped.
    const rows = await this.prisma.$transaction((tx) =>
      tx.outboxMessage.updateManyAndReturn({
        where: { id: { in: candidates.map((c) => c.id) }, ...due },
        data: { nextAttemptAt: new Date(now.getTime() + OUTBOX_SENDING_LEASE_MS) },
      }),
    );
    return inOrderOf(candidates, rows).map((row) => ({
      id: row.id,
      message: JSON.parse(row.payload) as OutboundMessage,
      attempts: row.attempts,
    }));
  }

  async markSent(id: string, platformMessageId: string, at: Date) {
    await this.prisma.outboxMessage.update({
      where: { id },
      data: { status: "sent", platformMessageId, sentAt: at, attempts: { increment: 1 } },
    });
  }

  async markAttemptFailed(id: string, error: string, retryAt: Date | null) {
    await this.prisma.outboxMessage.update({
      where: { id },
      data: {
        status: retryAt ? "pending" : "failed",
        lastError: error.slice(0, 1000),
        attempts: { increment: 1 },
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      },
    });
  }

  async ticketOfSentMessage(channel: string, chatId: string, platformMessageId: string) {
    const row = await this.prisma.outboxMessage.findFirst({
      where: { channel, chatId, platformMessageId },
      select: { ticketId: true },
    });
    return row?.ticketId ?? null;
  }

  async pendingCount() {
    return this.prisma.outboxMessage.count({ where: { status: "pending" } });
  }
}

export class PrismaConversationState implements ConversationStateStore {
  constructor(private readonly prisma: PrismaClient) {}

  async get(key: string, now: Date) {
    const row = await this.prisma.conversationState.findUnique({ where: { key } });
    if (!row || row.expiresAt <= now) return null;
    return JSON.parse(row.data) as Record<string, unknown>;
  }

  async set(key: string, state: Record<string, unknown>, expiresAt: Date) {
    const data = JSON.stringify(state);
    await this.prisma.conversationState.upsert({
      where: { key },
      create: { key, data, expiresAt },
      update: { data, expiresAt },
    });
  }

  async clear(key: string) {
    await this.prisma.conversationState.deleteMany({ where: { key } });
  }
}

/** The rows of replies queued together. */
export function outboxRows(messages: readonly OutboundMessage[], causedBy: string | null, at: Date) {
  // Ids that sort by time and position: replies queued together ("🎤 我听到的是…" then "已受理")
  // go out in the order they were written, whatever order the database returns equal timestamps in.
  const batch = `${at.getTime().toString(36).padStart(9, "0")}-${randomUUID().slice(0, 8)}`;
  return messages.map((message, index) => ({
    id: `${batch}-${String(index).padStart(4, "0")}`,
    channel: message.channel,
    chatId: message.chatId,
    payload: JSON.stringify(message),
    ticketId: message.ticketId ?? null,
    causedBy,
    status: "pending",
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
  }));
}

/** The claimed rows in the order the candidates were chosen (an UPDATE returns them in any order). */
export function inOrderOf<T extends { id: string }>(
  candidates: readonly { id: string }[],
  rows: readonly T[],
): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return candidates.flatMap((c) => byId.get(c.id) ?? []);
}
