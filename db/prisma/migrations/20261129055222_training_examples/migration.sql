-- CreateTable
CREATE TABLE "TrainingExample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "category" TEXT,
    "priority" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TrainingExample_createdAt_idx" ON "TrainingExample"("createdAt");

