-- Written by hand (Prisma 6 has no partial indexes): the sweep's timers and closedAt are indexed
-- only where they are set. Nine in ten tickets are finished, with every timer NULL; a timer set
-- or cleared had to move an entry among theirs, on a page of its own. The queries on these
-- columns all compare them (`<=`, `>=`), which implies IS NOT NULL, so they can use these indexes.
DROP INDEX "Ticket_nudgeDueAt_idx";
CREATE INDEX "Ticket_nudgeDueAt_idx" ON "Ticket"("nudgeDueAt") WHERE "nudgeDueAt" IS NOT NULL;
DROP INDEX "Ticket_escalateDueAt_idx";
CREATE INDEX "Ticket_escalateDueAt_idx" ON "Ticket"("escalateDueAt") WHERE "escalateDueAt" IS NOT NULL;
DROP INDEX "Ticket_autoCloseAt_idx";
CREATE INDEX "Ticket_autoCloseAt_idx" ON "Ticket"("autoCloseAt") WHERE "autoCloseAt" IS NOT NULL;
DROP INDEX "Ticket_closedAt_idx";
CREATE INDEX "Ticket_closedAt_idx" ON "Ticket"("closedAt") WHERE "closedAt" IS NOT NULL;
