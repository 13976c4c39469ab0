-- PostgreSQL baseline: the schema of the SQLite migrations up to 20261129101643_summaries, in one step.
-- CreateTable
CREATE TABLE "Place" (
    "id" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "path" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "placeId" TEXT NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentCategory" (
    "departmentId" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,

    CONSTRAINT "DepartmentCategory_pkey" PRIMARY KEY ("departmentId","categoryCode")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "phone" TEXT,
    "homePlaceId" TEXT,
    "onDuty" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "departmentId" TEXT,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("channel","externalId")
);

-- CreateTable
CREATE TABLE "GroupChat" (
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "GroupChat_pkey" PRIMARY KEY ("channel","chatId")
);

-- CreateTable
CREATE TABLE "Category" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionZh" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "categoryCode" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "signForMinutes" INTEGER NOT NULL,
    "resolveMinutes" INTEGER NOT NULL,

    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("categoryCode","priority")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "departmentId" TEXT,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceCentre" (
    "id" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "openingHours" TEXT NOT NULL,

    CONSTRAINT "ServiceCentre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL,
    "maxMinutes" INTEGER NOT NULL DEFAULT 240,
    "daysAhead" INTEGER NOT NULL DEFAULT 14,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "bookableBy" TEXT NOT NULL DEFAULT 'residents',

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentreService" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "schedule" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "daysAhead" INTEGER NOT NULL DEFAULT 14,
    "bookableBy" TEXT NOT NULL DEFAULT 'residents',

    CONSTRAINT "CentreService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
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
    "clockStartedAt" TIMESTAMP(3),
    "signForDeadline" TIMESTAMP(3),
    "resolveDeadline" TIMESTAMP(3),
    "nudgeDueAt" TIMESTAMP(3),
    "escalateDueAt" TIMESTAMP(3),
    "autoCloseAt" TIMESTAMP(3),
    "supporterCount" INTEGER NOT NULL,
    "sourceChannel" TEXT NOT NULL,
    "sourceKey" TEXT,
    "originalText" TEXT NOT NULL,
    "media" TEXT NOT NULL DEFAULT '[]',
    "rating" INTEGER,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "note" TEXT,
    "data" TEXT,

    CONSTRAINT "TicketEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketFollower" (
    "ticketId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "TicketFollower_pkey" PRIMARY KEY ("ticketId","personId")
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "TicketCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingExample" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "category" TEXT,
    "priority" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingExample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboxMessage" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "error" TEXT,

    CONSTRAINT "InboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "ticketId" TEXT,
    "causedBy" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "platformMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "key" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "VoiceNote" (
    "id" TEXT NOT NULL,
    "audioKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "senderExternalId" TEXT NOT NULL,
    "inboxId" TEXT NOT NULL,
    "ticketId" TEXT,
    "state" TEXT NOT NULL,
    "transcript" TEXT,
    "transcribedBy" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VoiceNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointAccount" (
    "personId" TEXT NOT NULL,
    "balance" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointAccount_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "PointEntry" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reference" TEXT,
    "actorId" TEXT,
    "communityId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerActivity" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "signedUp" INTEGER NOT NULL DEFAULT 0,
    "pointsPerHour" INTEGER,
    "pointsFlat" INTEGER,
    "checkinCode" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "radiusMetres" INTEGER,
    "organiserId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivitySignup" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "signedUpAt" TIMESTAMP(3) NOT NULL,
    "checkedInAt" TIMESTAMP(3),
    "checkedOutAt" TIMESTAMP(3),
    "pointsGranted" INTEGER,
    "grantedAt" TIMESTAMP(3),

    CONSTRAINT "ActivitySignup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reward" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "cost" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardOrder" (
    "id" TEXT NOT NULL,
    "rewardId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "cost" INTEGER NOT NULL,
    "pickupCode" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "collectedAt" TIMESTAMP(3),

    CONSTRAINT "RewardOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "resourceKind" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3) NOT NULL,
    "people" INTEGER,
    "state" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "remindAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingSlot" (
    "resourceId" TEXT NOT NULL,
    "slotStart" TIMESTAMP(3) NOT NULL,
    "bookingId" TEXT NOT NULL,

    CONSTRAINT "BookingSlot_pkey" PRIMARY KEY ("resourceId","slotStart")
);

-- CreateTable
CREATE TABLE "SummaryDelivery" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "scopePlaceId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SummaryDelivery_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "ChatIdentity_personId_lastSeenAt_idx" ON "ChatIdentity"("personId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "GroupChat_placeId_idx" ON "GroupChat"("placeId");

-- CreateIndex
CREATE INDEX "RoutingRule_categoryCode_idx" ON "RoutingRule"("categoryCode");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingRule_categoryCode_placeId_key" ON "RoutingRule"("categoryCode", "placeId");

-- CreateIndex
CREATE INDEX "Room_centreId_idx" ON "Room"("centreId");

-- CreateIndex
CREATE INDEX "CentreService_centreId_idx" ON "CentreService"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_sourceKey_key" ON "Ticket"("sourceKey");

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
CREATE INDEX "Ticket_closedAt_idx" ON "Ticket"("closedAt");

-- CreateIndex
CREATE INDEX "Ticket_state_placePath_idx" ON "Ticket"("state", "placePath");

-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_at_idx" ON "TicketEvent"("ticketId", "at");

-- CreateIndex
CREATE INDEX "TicketEvent_type_at_idx" ON "TicketEvent"("type", "at");

-- CreateIndex
CREATE INDEX "TicketFollower_personId_idx" ON "TicketFollower"("personId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- CreateIndex
CREATE INDEX "TrainingExample_createdAt_idx" ON "TrainingExample"("createdAt");

-- CreateIndex
CREATE INDEX "InboxMessage_processedAt_receivedAt_idx" ON "InboxMessage"("processedAt", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboxMessage_channel_messageId_key" ON "InboxMessage"("channel", "messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_nextAttemptAt_idx" ON "OutboxMessage"("channel", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_chatId_platformMessageId_idx" ON "OutboxMessage"("channel", "chatId", "platformMessageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_causedBy_idx" ON "OutboxMessage"("causedBy");

-- CreateIndex
CREATE UNIQUE INDEX "VoiceNote_inboxId_key" ON "VoiceNote"("inboxId");

-- CreateIndex
CREATE INDEX "VoiceNote_ticketId_idx" ON "VoiceNote"("ticketId");

-- CreateIndex
CREATE INDEX "VoiceNote_state_createdAt_idx" ON "VoiceNote"("state", "createdAt");

-- CreateIndex
CREATE INDEX "VoiceNote_sha256_idx" ON "VoiceNote"("sha256");

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

-- CreateIndex
CREATE INDEX "Booking_personId_end_idx" ON "Booking"("personId", "end");

-- CreateIndex
CREATE INDEX "Booking_resourceId_start_idx" ON "Booking"("resourceId", "start");

-- CreateIndex
CREATE INDEX "Booking_remindAt_idx" ON "Booking"("remindAt");

-- CreateIndex
CREATE INDEX "BookingSlot_bookingId_idx" ON "BookingSlot"("bookingId");

-- CreateIndex
CREATE INDEX "SummaryDelivery_periodKey_idx" ON "SummaryDelivery"("periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryDelivery_personId_scopePlaceId_periodKey_key" ON "SummaryDelivery"("personId", "scopePlaceId", "periodKey");

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentCategory" ADD CONSTRAINT "DepartmentCategory_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "ServiceCentre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreService" ADD CONSTRAINT "CentreService_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "ServiceCentre"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (Prisma's schema cannot say it), as in the SQLite migration 20261129094052_points:
-- balances, sign-ups and stock never go below zero or over capacity, whatever the code does.
ALTER TABLE "PointAccount" ADD CONSTRAINT "PointAccount_balance_check" CHECK ("balance" >= 0);
ALTER TABLE "VolunteerActivity" ADD CONSTRAINT "VolunteerActivity_signedUp_check"
  CHECK ("signedUp" >= 0 AND "signedUp" <= "capacity");
ALTER TABLE "Reward" ADD CONSTRAINT "Reward_stock_check" CHECK ("stock" >= 0);

-- The ledger is append-only; corrections are new entries.
CREATE FUNCTION "PointEntry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'PointEntry is append-only';
END;
$$;
CREATE TRIGGER "PointEntry_no_update" BEFORE UPDATE ON "PointEntry"
  FOR EACH ROW EXECUTE FUNCTION "PointEntry_append_only"();
CREATE TRIGGER "PointEntry_no_delete" BEFORE DELETE ON "PointEntry"
  FOR EACH ROW EXECUTE FUNCTION "PointEntry_append_only"();
