-- CreateTable
CREATE TABLE "PointAccount" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "balance" INTEGER NOT NULL CHECK ("balance" >= 0),
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PointEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reference" TEXT,
    "actorId" TEXT,
    "communityId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VolunteerActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "signedUp" INTEGER NOT NULL DEFAULT 0 CHECK ("signedUp" >= 0 AND "signedUp" <= "capacity"),
    "pointsPerHour" INTEGER,
    "pointsFlat" INTEGER,
    "checkinCode" TEXT NOT NULL,
    "latitude" REAL,
    "longitude" REAL,
    "radiusMetres" INTEGER,
    "organiserId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ActivitySignup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "signedUpAt" DATETIME NOT NULL,
    "checkedInAt" DATETIME,
    "checkedOutAt" DATETIME,
    "pointsGranted" INTEGER,
    "grantedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Reward" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "cost" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL CHECK ("stock" >= 0),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RewardOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rewardId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "cost" INTEGER NOT NULL,
    "pickupCode" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "collectedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "PointEntry_idempotencyKey_key" ON "PointEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PointEntry_personId_createdAt_idx" ON "PointEntry"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "PointEntry_communityId_createdAt_idx" ON "PointEntry"("communityId", "createdAt");

-- CreateIndex
CREATE INDEX "VolunteerActivity_communityId_startsAt_idx" ON "VolunteerActivity"("communityId", "startsAt");

-- CreateIndex
CREATE INDEX "VolunteerActivity_startsAt_idx" ON "VolunteerActivity"("startsAt");

-- CreateIndex
CREATE INDEX "ActivitySignup_personId_idx" ON "ActivitySignup"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivitySignup_activityId_personId_key" ON "ActivitySignup"("activityId", "personId");

-- CreateIndex
CREATE INDEX "Reward_communityId_active_idx" ON "Reward"("communityId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "RewardOrder_pickupCode_key" ON "RewardOrder"("pickupCode");

-- CreateIndex
CREATE UNIQUE INDEX "RewardOrder_entryId_key" ON "RewardOrder"("entryId");

-- CreateIndex
CREATE INDEX "RewardOrder_personId_createdAt_idx" ON "RewardOrder"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "RewardOrder_rewardId_idx" ON "RewardOrder"("rewardId");

-- Hand-written (Prisma's schema cannot say it): the ledger is append-only; corrections are new entries.
CREATE TRIGGER "PointEntry_no_update" BEFORE UPDATE ON "PointEntry"
BEGIN SELECT RAISE(ABORT, 'PointEntry is append-only'); END;

CREATE TRIGGER "PointEntry_no_delete" BEFORE DELETE ON "PointEntry"
BEGIN SELECT RAISE(ABORT, 'PointEntry is append-only'); END;
