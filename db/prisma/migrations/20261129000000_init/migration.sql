-- CreateTable
CREATE TABLE "Place" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "level" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "path" TEXT NOT NULL,
    "latitude" REAL,
    "longitude" REAL,
    CONSTRAINT "Place_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "placeId" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "DepartmentCategory" (
    "departmentId" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,

    PRIMARY KEY ("departmentId", "categoryCode"),
    CONSTRAINT "DepartmentCategory_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "phone" TEXT,
    "homePlaceId" TEXT,
    "onDuty" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "departmentId" TEXT,
    CONSTRAINT "RoleGrant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("channel", "externalId"),
    CONSTRAINT "ChatIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupChat" (
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    PRIMARY KEY ("channel", "chatId")
);

-- CreateTable
CREATE TABLE "Category" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionZh" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "categoryCode" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "signForMinutes" INTEGER NOT NULL,
    "resolveMinutes" INTEGER NOT NULL,

    PRIMARY KEY ("categoryCode", "priority")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "categoryCode" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "departmentId" TEXT
);

-- CreateTable
CREATE TABLE "ServiceCentre" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "placeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "openingHours" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    CONSTRAINT "Room_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "ServiceCentre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reporterId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "categoryCode" TEXT,
    "priority" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "unitPlaceId" TEXT,
    "departmentId" TEXT,
    "assigneeId" TEXT,
    "clockStartedAt" DATETIME,
    "signForDeadline" DATETIME,
    "resolveDeadline" DATETIME,
    "nudgeDueAt" DATETIME,
    "escalateDueAt" DATETIME,
    "autoCloseAt" DATETIME,
    "supporterCount" INTEGER NOT NULL,
    "sourceChannel" TEXT NOT NULL,
    "originalText" TEXT NOT NULL,
    "media" TEXT NOT NULL DEFAULT '[]',
    "rating" INTEGER,
    "mergedIntoId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "note" TEXT,
    "data" TEXT
);

-- CreateTable
CREATE TABLE "TicketFollower" (
    "ticketId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    PRIMARY KEY ("ticketId", "personId")
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "last" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Place_path_key" ON "Place"("path");

-- CreateIndex
CREATE INDEX "Place_parentId_idx" ON "Place"("parentId");

-- CreateIndex
CREATE INDEX "Place_level_idx" ON "Place"("level");

-- CreateIndex
CREATE INDEX "DepartmentCategory_categoryCode_idx" ON "DepartmentCategory"("categoryCode");

-- CreateIndex
CREATE INDEX "RoleGrant_personId_idx" ON "RoleGrant"("personId");

-- CreateIndex
CREATE INDEX "RoleGrant_role_placeId_idx" ON "RoleGrant"("role", "placeId");

-- CreateIndex
CREATE INDEX "RoleGrant_role_departmentId_idx" ON "RoleGrant"("role", "departmentId");

-- CreateIndex
CREATE INDEX "ChatIdentity_personId_idx" ON "ChatIdentity"("personId");

-- CreateIndex
CREATE INDEX "GroupChat_placeId_idx" ON "GroupChat"("placeId");

-- CreateIndex
CREATE INDEX "RoutingRule_categoryCode_idx" ON "RoutingRule"("categoryCode");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingRule_categoryCode_placeId_key" ON "RoutingRule"("categoryCode", "placeId");

-- CreateIndex
CREATE INDEX "Room_centreId_idx" ON "Room"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");

-- CreateIndex
CREATE INDEX "Ticket_nudgeDueAt_idx" ON "Ticket"("nudgeDueAt");

-- CreateIndex
CREATE INDEX "Ticket_escalateDueAt_idx" ON "Ticket"("escalateDueAt");

-- CreateIndex
CREATE INDEX "Ticket_autoCloseAt_idx" ON "Ticket"("autoCloseAt");

-- CreateIndex
CREATE INDEX "Ticket_categoryCode_placePath_createdAt_idx" ON "Ticket"("categoryCode", "placePath", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_reporterId_createdAt_idx" ON "Ticket"("reporterId", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_state_idx" ON "Ticket"("assigneeId", "state");

-- CreateIndex
CREATE INDEX "Ticket_placePath_idx" ON "Ticket"("placePath");

-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_at_idx" ON "TicketEvent"("ticketId", "at");

-- CreateIndex
CREATE INDEX "TicketFollower_personId_idx" ON "TicketFollower"("personId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

