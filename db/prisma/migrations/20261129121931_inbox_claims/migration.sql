-- AlterTable
ALTER TABLE "InboxMessage" ADD COLUMN "claimedUntil" DATETIME;

