-- CreateTable
CREATE TABLE "VoiceNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "audioKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "senderExternalId" TEXT NOT NULL,
    "inboxId" TEXT NOT NULL,
    "ticketId" TEXT,
    "state" TEXT NOT NULL,
    "transcript" TEXT,
    "transcribedBy" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "VoiceNote_inboxId_key" ON "VoiceNote"("inboxId");

-- CreateIndex
CREATE INDEX "VoiceNote_ticketId_idx" ON "VoiceNote"("ticketId");

-- CreateIndex
CREATE INDEX "VoiceNote_state_createdAt_idx" ON "VoiceNote"("state", "createdAt");

-- CreateIndex
CREATE INDEX "VoiceNote_sha256_idx" ON "VoiceNote"("sha256");

