-- CreateTable
CREATE TABLE "Warning" (
    "id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "categoryCode" TEXT,
    "evidence" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "note" TEXT,

    CONSTRAINT "Warning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidentUnit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResidentUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BoardItem" (
    "id" TEXT NOT NULL,
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
    "claimedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "hours" DOUBLE PRECISION,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BoardItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitCall" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "ticketId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitCallAnswer" (
    "callId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "unitId" TEXT,
    "departmentId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitCallAnswer_pkey" PRIMARY KEY ("callId","personId")
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

