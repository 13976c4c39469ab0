import path from "node:path";
import type { VoiceDeps } from "../bot/conversation/bot-deps";
import type { BoardDeps } from "../core/board/board-ports";
import type { BookingDeps } from "../core/bookings/booking";
import type { PointsDeps } from "../core/points/points-deps";
import { pointsRulesSchema } from "../core/points/points-rules";
import { randomCode } from "../core/points/random-codes";
import type { RegistryDeps } from "../core/registry/registry-ports";
import type { Clock } from "../core/shared/clock";
import type { SummaryDeliveryStore } from "../core/summaries/summary-delivery";
import type { SummaryDeps } from "../core/summaries/summary-repository";
import type { TicketDeps } from "../core/tickets/ticket-deps";
import type { WarningDeps } from "../core/warnings/warning-ports";
import type { WelfareDeps } from "../core/welfare/welfare-ports";
import { type EgridDatabase, openDatabase } from "../db/database";
import { FileAudioStore } from "../db/files/file-audio-store";
import { PrismaBoard } from "../db/repositories/prisma-board";
import { PrismaBookings } from "../db/repositories/prisma-bookings";
import { PrismaGovernanceDirectory, type PrismaPeopleDirectory } from "../db/repositories/prisma-directory";
import { PrismaActivities } from "../db/repositories/prisma-points-activities";
import { PrismaPointsLedger } from "../db/repositories/prisma-points-ledger";
import { PrismaRewards } from "../db/repositories/prisma-points-rewards";
import { PrismaAuditLog, PrismaRegistry } from "../db/repositories/prisma-registry";
import { PrismaSummaryDeliveries } from "../db/repositories/prisma-summary";
import { PrismaTrainingExamples } from "../db/repositories/prisma-training-examples";
import { PrismaVoiceNotes } from "../db/repositories/prisma-voice-notes";
import { PrismaWarnings } from "../db/repositories/prisma-warnings";
import { ensureWelfareReporter, PrismaWelfare } from "../db/repositories/prisma-welfare";
import { ReferenceCache } from "../db/repositories/reference-cache";
import {
  peopleDirectoryFor,
  summaryRepositoryFor,
  ticketRepositoryFor,
} from "../db/repositories/repositories-for";
import { type SeedReport, seedDemoDistrict } from "../db/seed/seed-database";
import { createOpenAiTranscriber } from "../prompts/transcription/openai-transcriber";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { EgridMetrics } from "./metrics";
import { cryptoRandom, systemClock, uuidIds } from "./system-clock";
import { loadWarningRules } from "./warning-rules-file";

/** How long a person read is reused: within one message, the sender and worker are read several times. */
const PERSON_MEMORY_MS = 2000;

export interface Egrid {
  readonly config: Config;
  readonly db: EgridDatabase;
  readonly tickets: TicketDeps;
  readonly voice: VoiceDeps;
  readonly bookings: BookingDeps;
  readonly points: PointsDeps;
  readonly summaries: SummaryDeps & { readonly deliveries: SummaryDeliveryStore };
  readonly seed: SeedReport;
  readonly registry: RegistryDeps;
  readonly welfare: WelfareDeps;
  /** Resident units, their board and unit calls. */
  readonly board: BoardDeps;
  /** Early warnings: the rules (WARNING_RULES_FILE or the defaults) and what they raised. */
  readonly warnings: WarningDeps;
  /** Places, categories, bindings, routing and SLA rules, kept for REFERENCE_CACHE_SECONDS. */
  readonly referenceCache: ReferenceCache;
  /** The people directory the engine uses (the chat directory shares it). */
  readonly people: PrismaPeopleDirectory;
  /** Prometheus counters and gauges (GET /metrics). */
  readonly metrics: EgridMetrics;
  close(): Promise<void>;
}

/** The composition root: open (and migrate) the database, seed the demo when empty, wire the ports. */
export async function createEgrid(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<Egrid> {
  const db = await openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  if (db.migrations.applied.length > 0) logger.info({ applied: db.migrations.applied }, "migrations applied");
  const seed = config.SEED_DEMO
    ? await seedDemoDistrict(db.prisma, clock.now())
    : { seeded: false, places: 0, people: 0 };
  if (seed.seeded) logger.info({ places: seed.places, people: seed.people }, "demo district seeded");
  const referenceCache = new ReferenceCache(config.REFERENCE_CACHE_SECONDS * 1000);
  const metrics = new EgridMetrics(db.prisma, () => clock.now(), db.walCheckpoints);
  // One directory of people for the engine and the chat, so a change through either is seen by both.
  const people = peopleDirectoryFor(db, referenceCache, PERSON_MEMORY_MS);
  const directory = new PrismaGovernanceDirectory(db.prisma, referenceCache);
  const tickets: TicketDeps = {
    tickets: metrics.tickets(ticketRepositoryFor(db)),
    directory,
    people,
    clock,
    ids: uuidIds,
    settings: {
      timeZone: config.EGRID_TIME_ZONE,
      autoCloseHours: config.AUTO_CLOSE_HOURS,
      duplicateWindowHours: config.DUPLICATE_WINDOW_HOURS,
      duplicateSimilarity: config.DUPLICATE_SIMILARITY,
      supportersForPriorityRaise: config.SUPPORTERS_FOR_PRIORITY_RAISE,
      quietHours: config.QUIET_HOURS,
    },
    examples: new PrismaTrainingExamples(db.prisma),
  };
  const voice: VoiceDeps = {
    audio: new FileAudioStore(path.resolve(config.AUDIO_DIR)),
    notes: new PrismaVoiceNotes(db.prisma),
    transcriber: config.TRANSCRIBE_BASE_URL
      ? createOpenAiTranscriber({
          baseUrl: config.TRANSCRIBE_BASE_URL,
          ...(config.TRANSCRIBE_API_KEY ? { apiKey: config.TRANSCRIBE_API_KEY } : {}),
          model: config.TRANSCRIBE_MODEL,
          language: config.TRANSCRIBE_LANGUAGE,
          timeoutMs: config.TRANSCRIBE_TIMEOUT_MS,
          retries: config.TRANSCRIBE_RETRIES,
        })
      : null,
    limits: { maxBytes: config.VOICE_MAX_BYTES, maxSeconds: config.VOICE_MAX_SECONDS },
  };
  const bookings: BookingDeps = {
    bookings: new PrismaBookings(db.prisma),
    clock,
    ids: uuidIds,
    timeZone: config.EGRID_TIME_ZONE,
    reminderMinutes: config.BOOKING_REMINDER_MINUTES,
  };
  const points: PointsDeps = {
    ledger: new PrismaPointsLedger(db.prisma),
    activities: new PrismaActivities(db.prisma),
    rewards: new PrismaRewards(db.prisma),
    people: tickets.people,
    places: tickets.directory,
    clock,
    ids: uuidIds,
    random: cryptoRandom,
    rules: pointsRulesSchema.parse({
      pointsPerVerifiedReport: config.POINTS_PER_VERIFIED_REPORT,
      defaultPointsPerHour: config.POINTS_PER_HOUR,
      roundingMinutes: config.POINTS_ROUNDING_MINUTES,
      checkinRadiusMetres: config.POINTS_CHECKIN_RADIUS_METRES,
      checkinEarlyMinutes: config.POINTS_CHECKIN_EARLY_MINUTES,
      checkoutGraceMinutes: config.POINTS_CHECKOUT_GRACE_MINUTES,
      leaderboardSize: config.POINTS_LEADERBOARD_SIZE,
      maxAdjustment: config.POINTS_MAX_ADJUSTMENT,
    }),
    timeZone: config.EGRID_TIME_ZONE,
  };
  const summaries = {
    summaries: summaryRepositoryFor(db),
    places: directory,
    deliveries: new PrismaSummaryDeliveries(db.prisma),
  };
  const registry: RegistryDeps = {
    registry: new PrismaRegistry(db.prisma),
    audit: new PrismaAuditLog(db.prisma),
    places: directory,
    clock,
    ids: uuidIds,
    timeZone: config.EGRID_TIME_ZONE,
  };
  const welfare: WelfareDeps = {
    ...registry,
    welfare: new PrismaWelfare(db.prisma),
    tickets,
    systemReporterId: await ensureWelfareReporter(db.prisma, clock.now()),
    newLinkCode: () => randomCode(cryptoRandom),
  };
  const board: BoardDeps = {
    board: new PrismaBoard(db.prisma),
    places: directory,
    people,
    tickets: tickets.tickets,
    points,
    audit: registry.audit,
    clock,
    ids: uuidIds,
    timeZone: config.EGRID_TIME_ZONE,
  };
  const warnings: WarningDeps = {
    warnings: new PrismaWarnings(db.prisma),
    registry: registry.registry,
    places: directory,
    people,
    rules: loadWarningRules(config.WARNING_RULES_FILE),
    clock,
    ids: uuidIds,
    timeZone: config.EGRID_TIME_ZONE,
  };
  return {
    config,
    db,
    registry,
    welfare,
    board,
    warnings,
    referenceCache,
    people,
    metrics,
    tickets,
    voice,
    bookings,
    points,
    summaries,
    seed,
    close: () => db.close(),
  };
}
