-- CreateTable
CREATE TABLE "CentreService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "schedule" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "daysAhead" INTEGER NOT NULL DEFAULT 14,
    "bookableBy" TEXT NOT NULL DEFAULT 'residents',
    CONSTRAINT "CentreService_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "ServiceCentre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resourceId" TEXT NOT NULL,
    "resourceKind" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "start" DATETIME NOT NULL,
    "end" DATETIME NOT NULL,
    "people" INTEGER,
    "state" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    "remindAt" DATETIME,
    "remindedAt" DATETIME
);

-- CreateTable
CREATE TABLE "BookingSlot" (
    "resourceId" TEXT NOT NULL,
    "slotStart" DATETIME NOT NULL,
    "bookingId" TEXT NOT NULL,

    PRIMARY KEY ("resourceId", "slotStart")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL,
    "maxMinutes" INTEGER NOT NULL DEFAULT 240,
    "daysAhead" INTEGER NOT NULL DEFAULT 14,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "bookableBy" TEXT NOT NULL DEFAULT 'residents',
    CONSTRAINT "Room_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "ServiceCentre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Room" ("capacity", "centreId", "id", "name") SELECT "capacity", "centreId", "id", "name" FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE INDEX "Room_centreId_idx" ON "Room"("centreId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CentreService_centreId_idx" ON "CentreService"("centreId");

-- CreateIndex
CREATE INDEX "Booking_personId_end_idx" ON "Booking"("personId", "end");

-- CreateIndex
CREATE INDEX "Booking_resourceId_start_idx" ON "Booking"("resourceId", "start");

-- CreateIndex
CREATE INDEX "Booking_remindAt_idx" ON "Booking"("remindAt");

-- CreateIndex
CREATE INDEX "BookingSlot_bookingId_idx" ON "BookingSlot"("bookingId");

