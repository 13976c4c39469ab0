import type { EgridDatabase } from "../database";
import { PostgresSummaryRepository } from "./postgres-summary";
import { PrismaChatDirectory } from "./prisma-chat-directory";
import { PrismaConversationState, PrismaInbox, PrismaOutbox } from "./prisma-conversation-store";
import { PrismaPeopleDirectory } from "./prisma-directory";
import { PrismaTicketRepository } from "./prisma-ticket-repository";
import type { ReferenceCache } from "./reference-cache";
import { SqliteConversationState, SqliteInbox, SqliteOutbox } from "./sqlite-conversation-store";
import { SqliteChatDirectory, SqlitePeopleDirectory } from "./sqlite-directory";
import { SqliteSummaryRepository } from "./sqlite-summary";
import { SqliteTicketRepository } from "./sqlite-ticket-repository";

/*
 * The repositories every message, every sweep and every summary goes through, for the database in use: on SQLite
 * the prepared-statement ones (a statement costs µs there, ≈ 0.4 ms through Prisma), on
 * PostgreSQL Prisma's (the summary's open-case counts in SQL), whose throughput comes from more
 * instances. Same contracts, same rows.
 */

export function ticketRepositoryFor(db: EgridDatabase) {
  return db.sqlite ? new SqliteTicketRepository(db.sqlite) : new PrismaTicketRepository(db.prisma);
}

export function summaryRepositoryFor(db: EgridDatabase) {
  return db.sqlite ? new SqliteSummaryRepository(db.sqlite) : new PostgresSummaryRepository(db.prisma);
}

export function peopleDirectoryFor(db: EgridDatabase, cache: ReferenceCache, rememberMs: number) {
  return db.sqlite
    ? new SqlitePeopleDirectory(db.prisma, db.sqlite, cache, rememberMs)
    : new PrismaPeopleDirectory(db.prisma, cache, rememberMs);
}

export function conversationStoresFor(
  db: EgridDatabase,
  people: PrismaPeopleDirectory,
  cache: ReferenceCache,
) {
  const { prisma, sqlite } = db;
  if (!sqlite)
    return {
      inbox: new PrismaInbox(prisma),
      outbox: new PrismaOutbox(prisma),
      chats: new PrismaChatDirectory(prisma, people, cache),
      states: new PrismaConversationState(prisma),
    };
  return {
    inbox: new SqliteInbox(prisma, sqlite),
    outbox: new SqliteOutbox(prisma, sqlite),
    chats: new SqliteChatDirectory(prisma, sqlite, people, cache),
    states: new SqliteConversationState(sqlite),
  };
}
