-- DropIndex
DROP INDEX "ChatIdentity_personId_idx";

-- AlterTable
ALTER TABLE "ChatIdentity" ADD COLUMN "lastSeenAt" DATETIME;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "sourceKey" TEXT;

-- CreateTable
CREATE TABLE "InboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "processedAt" DATETIME,
    "outcome" TEXT,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "ticketId" TEXT,
    "causedBy" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "platformMessageId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "data" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "InboxMessage_processedAt_receivedAt_idx" ON "InboxMessage"("processedAt", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboxMessage_channel_messageId_key" ON "InboxMessage"("channel", "messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_nextAttemptAt_idx" ON "OutboxMessage"("channel", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_chatId_platformMessageId_idx" ON "OutboxMessage"("channel", "chatId", "platformMessageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_causedBy_idx" ON "OutboxMessage"("causedBy");

-- CreateIndex
CREATE INDEX "ChatIdentity_personId_lastSeenAt_idx" ON "ChatIdentity"("personId", "lastSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_sourceKey_key" ON "Ticket"("sourceKey");

