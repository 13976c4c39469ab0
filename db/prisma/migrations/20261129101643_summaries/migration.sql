-- CreateTable
CREATE TABLE "SummaryDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "scopePlaceId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SummaryDelivery_periodKey_idx" ON "SummaryDelivery"("periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryDelivery_personId_scopePlaceId_periodKey_key" ON "SummaryDelivery"("personId", "scopePlaceId", "periodKey");

-- CreateIndex
CREATE INDEX "Ticket_closedAt_idx" ON "Ticket"("closedAt");

-- CreateIndex
CREATE INDEX "Ticket_state_placePath_idx" ON "Ticket"("state", "placePath");

-- CreateIndex
CREATE INDEX "TicketEvent_type_at_idx" ON "TicketEvent"("type", "at");

