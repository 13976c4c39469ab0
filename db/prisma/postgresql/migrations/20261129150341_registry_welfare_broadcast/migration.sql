-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "filedById" TEXT;

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "buildingId" TEXT NOT NULL,
    "buildingPath" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resident" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,
    "leftAt" TIMESTAMP(3),

    CONSTRAINT "Resident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidentTag" (
    "residentId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,

    CONSTRAINT "ResidentTag_pkey" PRIMARY KEY ("residentId","tag")
);

-- CreateTable
CREATE TABLE "WelfareEnrollment" (
    "id" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "personId" TEXT,
    "linkCode" TEXT,
    "checkMinute" INTEGER NOT NULL,
    "graceMinutes" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "enrolledById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WelfareEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WelfareCheck" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "promptedAt" TIMESTAMP(3) NOT NULL,
    "dueBy" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "missedAt" TIMESTAMP(3),
    "ticketId" TEXT,

    CONSTRAINT "WelfareCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "askAck" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "queuedAt" TIMESTAMP(3),

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BroadcastRecipient" (
    "id" TEXT NOT NULL,
    "broadcastId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" TEXT,
    "householdId" TEXT,
    "queuedAt" TIMESTAMP(3),

    CONSTRAINT "BroadcastRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BroadcastResponse" (
    "broadcastId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "householdId" TEXT,
    "answer" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BroadcastResponse_pkey" PRIMARY KEY ("broadcastId","personId")
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

-- AddForeignKey
ALTER TABLE "Resident" ADD CONSTRAINT "Resident_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidentTag" ADD CONSTRAINT "ResidentTag_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

