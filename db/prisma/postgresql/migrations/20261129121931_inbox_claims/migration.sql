-- AlterTable
ALTER TABLE "InboxMessage" ADD COLUMN     "claimedUntil" TIMESTAMP(3);

