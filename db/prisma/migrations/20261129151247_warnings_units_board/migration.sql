-- CreateTable
CREATE TABLE "Warning" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rule" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "categoryCode" TEXT,
    "evidence" TEXT NOT NULL,
    "raisedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "acknowledgedAt" DATETIME,
    "acknowledgedById" TEXT,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "ResidentUnit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BoardItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "list" TEXT NOT NULL,
    "posterId" TEXT NOT NULL,
    "posterUnitId" TEXT,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "whenText" TEXT,
    "quantity" INTEGER,
    "status" TEXT NOT NULL,
    "claimantId" TEXT,
    "claimantUnitId" TEXT,
    "claimedAt" DATETIME,
    "confirmedAt" DATETIME,
    "doneAt" DATETIME,
    "hours" REAL,
    "version" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UnitCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "ticketId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UnitCallAnswer" (
    "callId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "unitId" TEXT,
    "departmentId" TEXT,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("callId", "personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Warning_key_key" ON "Warning"("key");

-- CreateIndex
CREATE INDEX "Warning_placePath_raisedAt_idx" ON "Warning"("placePath", "raisedAt");

-- CreateIndex
CREATE INDEX "Warning_raisedAt_idx" ON "Warning"("raisedAt");

-- CreateIndex
CREATE INDEX "ResidentUnit_placePath_idx" ON "ResidentUnit"("placePath");

-- CreateIndex
CREATE INDEX "ResidentUnit_contactId_idx" ON "ResidentUnit"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "BoardItem_number_key" ON "BoardItem"("number");

-- CreateIndex
CREATE INDEX "BoardItem_status_placePath_idx" ON "BoardItem"("status", "placePath");

-- CreateIndex
CREATE INDEX "BoardItem_claimantUnitId_status_idx" ON "BoardItem"("claimantUnitId", "status");

-- CreateIndex
CREATE INDEX "BoardItem_posterUnitId_status_idx" ON "BoardItem"("posterUnitId", "status");

-- CreateIndex
CREATE INDEX "UnitCall_placePath_createdAt_idx" ON "UnitCall"("placePath", "createdAt");

