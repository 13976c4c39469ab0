-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "filedById" TEXT;

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "buildingId" TEXT NOT NULL,
    "buildingPath" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Resident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "idNumber" TEXT,
    "birthYear" INTEGER,
    "emergencyContactName" TEXT,
    "emergencyContactPhone" TEXT,
    "consent" BOOLEAN NOT NULL,
    "personId" TEXT,
    "note" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    "leftAt" DATETIME,
    CONSTRAINT "Resident_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResidentTag" (
    "residentId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,

    PRIMARY KEY ("residentId", "tag"),
    CONSTRAINT "ResidentTag_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WelfareEnrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT NOT NULL,
    "personId" TEXT,
    "linkCode" TEXT,
    "checkMinute" INTEGER NOT NULL,
    "graceMinutes" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "enrolledById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WelfareCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrollmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "promptedAt" DATETIME NOT NULL,
    "dueBy" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    "missedAt" DATETIME,
    "ticketId" TEXT
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "askAck" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "queuedAt" DATETIME
);

-- CreateTable
CREATE TABLE "BroadcastRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "broadcastId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" TEXT,
    "householdId" TEXT,
    "queuedAt" DATETIME
);

-- CreateTable
CREATE TABLE "BroadcastResponse" (
    "broadcastId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "householdId" TEXT,
    "answer" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("broadcastId", "personId")
);

-- CreateIndex
CREATE INDEX "Household_buildingPath_idx" ON "Household"("buildingPath");

-- CreateIndex
CREATE UNIQUE INDEX "Household_buildingId_unit_room_key" ON "Household"("buildingId", "unit", "room");

-- CreateIndex
CREATE INDEX "Resident_placePath_idx" ON "Resident"("placePath");

-- CreateIndex
CREATE INDEX "Resident_personId_idx" ON "Resident"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Resident_householdId_name_key" ON "Resident"("householdId", "name");

-- CreateIndex
CREATE INDEX "ResidentTag_tag_placePath_idx" ON "ResidentTag"("tag", "placePath");

-- CreateIndex
CREATE UNIQUE INDEX "WelfareEnrollment_residentId_key" ON "WelfareEnrollment"("residentId");

-- CreateIndex
CREATE UNIQUE INDEX "WelfareEnrollment_linkCode_key" ON "WelfareEnrollment"("linkCode");

-- CreateIndex
CREATE INDEX "WelfareEnrollment_personId_idx" ON "WelfareEnrollment"("personId");

-- CreateIndex
CREATE INDEX "WelfareCheck_missedAt_answeredAt_dueBy_idx" ON "WelfareCheck"("missedAt", "answeredAt", "dueBy");

-- CreateIndex
CREATE UNIQUE INDEX "WelfareCheck_enrollmentId_date_key" ON "WelfareCheck"("enrollmentId", "date");

-- CreateIndex
CREATE INDEX "Broadcast_status_idx" ON "Broadcast"("status");

-- CreateIndex
CREATE INDEX "Broadcast_placePath_createdAt_idx" ON "Broadcast"("placePath", "createdAt");

-- CreateIndex
CREATE INDEX "BroadcastRecipient_broadcastId_queuedAt_idx" ON "BroadcastRecipient"("broadcastId", "queuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastRecipient_broadcastId_channel_chatId_key" ON "BroadcastRecipient"("broadcastId", "channel", "chatId");

-- CreateIndex
CREATE INDEX "BroadcastResponse_broadcastId_householdId_idx" ON "BroadcastResponse"("broadcastId", "householdId");

