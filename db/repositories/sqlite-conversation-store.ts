import { randomUUID } from "node:crypto";
import {
  type ConversationStateStore,
  INBOX_PROCESSING_LEASE_MS,
  OUTBOX_SENDING_LEASE_MS,
  type QueuedOutbound,
} from "../../core/conversation/conversation-ports";
import type { InboundMessage, OutboundMessage } from "../../core/conversation/inbound-message";
import type { PrismaClient } from "../generated/client";
import type { SqliteConnection } from "../sqlite-connection";
import { sqliteTimestamp } from "../sqlite-timestamp";
import { outboxRows, PrismaInbox, PrismaOutbox } from "./prisma-conversation-store";
import { fromTimestamp } from "./sqlite-rows";

/**
 * The inbox on SQLite's prepared statements for what every message does (store, mark processed);
 * recovering unprocessed messages after a crash stays on Prisma.
 */
export class SqliteInbox extends PrismaInbox {
  constructor(
    prisma: PrismaClient,
    private readonly sqlite: SqliteConnection,
  ) {
    super(prisma);
  }

  override store(message: InboundMessage, receivedAt: Date) {
    const id = randomUUID();
    // ON CONFLICT DO NOTHING: the unique key decides, so a redelivery is stored once.
    return this.sqlite.run((sql) => {
      const inserted = sql
        .prepare(
          `INSERT INTO "InboxMessage" ("id", "channel", "messageId", "chatId", "userId", "payload", "receivedAt", "claimedUntil")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("channel", "messageId") DO NOTHING`,
        )
        .run(
          id,
          message.channel,
          message.messageId,
          message.chatId,
          message.userId,
          JSON.stringify(message),
          sqliteTimestamp(receivedAt),
          sqliteTimestamp(new Date(receivedAt.getTime() + INBOX_PROCESSING_LEASE_MS)),
        );
      return { id, duplicate: inserted.changes === 0 };
    });
  }

  override markProcessed(id: string, outcome: string, at: Date) {
    return this.mark(id, outcome, null, at);
  }

  override markFailed(id: string, error: string, at: Date) {
    // Processed (so it is not retried in a loop) but kept with the error for a person to look at.
    return this.mark(id, "failed", error, at);
  }

  private mark(id: string, outcome: string, error: string | null, at: Date) {
    return this.sqlite.run((sql) => {
      sql
        .prepare(`UPDATE "InboxMessage" SET "processedAt" = ?, "outcome" = ?, "error" = ? WHERE "id" = ?`)
        .run(sqliteTimestamp(at), outcome, error, id);
    });
  }
}

/** The outbox on prepared statements: every reply is queued, claimed and marked here. */
export class SqliteOutbox extends PrismaOutbox {
  constructor(
    prisma: PrismaClient,
    private readonly sqlite: SqliteConnection,
  ) {
    super(prisma);
  }

  override async enqueue(
    messages: readonly OutboundMessage[],
    causedBy: string | null,
    at: Date,
  ): Promise<QueuedOutbound[]> {
    const rows = outboxRows(messages, causedBy, at);
    if (rows.length > 0)
      await this.sqlite.transaction((sql) => {
        const insert = sql.prepare(
          `INSERT INTO "OutboxMessage" ("id", "channel", "chatId", "payload", "ticketId", "causedBy", "status", "attempts", "nextAttemptAt", "createdAt")
           VALUES (@id, @channel, @chatId, @payload, @ticketId, @causedBy, @status, @attempts, @nextAttemptAt, @createdAt)`,
        );
        for (const row of rows)
          insert.run({
            ...row,
            nextAttemptAt: sqliteTimestamp(row.nextAttemptAt),
            createdAt: sqliteTimestamp(row.createdAt),
          });
      });
    return rows.map((row, index) => ({ id: row.id, message: messages[index]!, attempts: 0 }));
  }

  override claimDue(channel: string, now: Date, limit: number): Promise<QueuedOutbound[]> {
    const nowText = sqliteTimestamp(now);
    const leaseEnd = sqliteTimestamp(new Date(now.getTime() + OUTBOX_SENDING_LEASE_MS));
    return this.sqlite.transaction((sql) => {
      const due = sql
        .prepare(
          `SELECT "id", "payload", "attempts" FROM "OutboxMessage"
           WHERE "channel" = ? AND "status" = 'pending' AND "nextAttemptAt" <= ?
           ORDER BY "nextAttemptAt" ASC, "id" ASC LIMIT ?`,
        )
        .all(channel, nowText, limit) as { id: string; payload: string; attempts: number }[];
      // The claim is the lease, conditional: a row another process took in between is skipped.
      const claim = sql.prepare(
        `UPDATE "OutboxMessage" SET "nextAttemptAt" = ?
         WHERE "id" = ? AND "status" = 'pending' AND "nextAttemptAt" <= ?`,
      );
      return due
        .filter((row) => claim.run(leaseEnd, row.id, nowText).changes === 1)
        .map((row) => ({
          id: row.id,
          message: JSON.parse(row.payload) as OutboundMessage,
          attempts: row.attempts,
        }));
    });
  }

  override markSent(id: string, platformMessageId: string, at: Date) {
    return this.sqlite.run((sql) => {
      sql
        .prepare(
          `UPDATE "OutboxMessage" SET "status" = 'sent', "platformMessageId" = ?, "sentAt" = ?, "attempts" = "attempts" + 1
           WHERE "id" = ?`,
        )
        .run(platformMessageId, sqliteTimestamp(at), id);
    });
  }

  override markAttemptFailed(id: string, error: string, retryAt: Date | null) {
    return this.sqlite.run((sql) => {
      sql
        .prepare(
          `UPDATE "OutboxMessage" SET "status" = ?, "lastError" = ?, "attempts" = "attempts" + 1,
             "nextAttemptAt" = COALESCE(?, "nextAttemptAt")
           WHERE "id" = ?`,
        )
        .run(
          retryAt ? "pending" : "failed",
          error.slice(0, 1000),
          retryAt ? sqliteTimestamp(retryAt) : null,
          id,
        );
    });
  }
}

/** Open forms (the building asked for, the return reason …), read on every message. */
export class SqliteConversationState implements ConversationStateStore {
  constructor(private readonly sqlite: SqliteConnection) {}

  get(key: string, now: Date) {
    return this.sqlite.run((sql) => {
      const row = sql
        .prepare(`SELECT "data", "expiresAt" FROM "ConversationState" WHERE "key" = ?`)
        .get(key) as { data: string; expiresAt: string } | undefined;
      if (!row || fromTimestamp(row.expiresAt) <= now) return null;
      return JSON.parse(row.data) as Record<string, unknown>;
    });
  }

  set(key: string, state: Record<string, unknown>, expiresAt: Date) {
    return this.sqlite.run((sql) => {
      sql
        .prepare(
          `INSERT INTO "ConversationState" ("key", "data", "expiresAt") VALUES (?, ?, ?)
           ON CONFLICT ("key") DO UPDATE SET "data" = excluded."data", "expiresAt" = excluded."expiresAt"`,
        )
        .run(key, JSON.stringify(state), sqliteTimestamp(expiresAt));
    });
  }

  clear(key: string) {
    return this.sqlite.run((sql) => {
      sql.prepare(`DELETE FROM "ConversationState" WHERE "key" = ?`).run(key);
    });
  }
}
