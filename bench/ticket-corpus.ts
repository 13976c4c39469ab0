import Database from "better-sqlite3";
import { openDatabase } from "../db/database";
import { seedDemoDistrict } from "../db/seed/seed-database";
import { sqliteTimestamp } from "../db/sqlite-timestamp";
import { COMMUNITIES, pick, type Random } from "./generate-messages";
import { PROBLEMS } from "./report-phrases";

export interface TicketCorpusShape {
  readonly total: number;
  /** Not finished: dispatched, accepted, triage, or resolved and waiting for the reporter. */
  readonly open: number;
  /** Of the open: timers already past at the sweep's instant (nudge, escalate, auto-close). */
  readonly due: number;
}

export interface TicketCorpus {
  readonly file: string;
  readonly at: Date;
  readonly shape: TicketCorpusShape;
  readonly events: number;
  readonly generateMs: number;
  readonly fileMb: number;
  /** The due tickets' rows as generated, to put back between sweeps. */
  readonly dueRows: Record<string, unknown>[];
}

const DAY_MS = 24 * 3600_000;
const HISTORY_DAYS = 730;
const OPEN_BACKLOG_DAYS = 60;
/** Timelines are generated for tickets of the last days only (what a daily summary reads). */
const EVENT_DAYS = 30;
const CATEGORIES = Object.keys(PROBLEMS);
const PRIORITIES = ["normal", "normal", "normal", "normal", "high", "low", "urgent"];
const CLOSED_STATES = [
  "closed",
  "closed",
  "closed",
  "closed",
  "closed",
  "closed",
  "closed",
  "merged",
  "cancelled",
];
const OPEN_STATES = ["dispatched", "dispatched", "accepted", "accepted", "resolved", "triage"];

function streetOf(community: string): string {
  if (["chunhui", "wenchang", "qiaodong"].includes(community)) return "s-east";
  if (["xihu", "fengle"].includes(community)) return "s-west";
  return "s-dongshan";
}

/**
 * A migrated, seeded database with `total` tickets over two years (places, categories, reporters,
 * workers and texts varied): the finished ones spread evenly, the open ones a 60-day backlog.
 * The due ones are 40% nudge, 30% escalate, 30% auto-close; every other open ticket has its
 * timers in the future, every finished one none — as the app leaves them. Tickets of the last
 * 30 days get their timelines (created, dispatched, signed for, resolved, closed, some escalated
 * or rejected). One prepared INSERT per table, one transaction.
 */
export async function generateTicketCorpus(
  file: string,
  shape: TicketCorpusShape,
  at: Date,
  random: Random,
): Promise<TicketCorpus> {
  const db = await openDatabase(`file:${file}`);
  await seedDemoDistrict(db.prisma, new Date(at.getTime() - (HISTORY_DAYS + 10) * DAY_MS));
  await db.close();
  const started = performance.now();
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("cache_size = -262144");
  const insert = raw.prepare(`INSERT INTO Ticket (id, number, state, version, reporterId, placeId, placePath,
    categoryCode, priority, level, unitPlaceId, assigneeId, clockStartedAt, signForDeadline, resolveDeadline,
    nudgeDueAt, escalateDueAt, autoCloseAt, supporterCount, sourceChannel, sourceKey, originalText, media,
    rating, createdAt, updatedAt, resolvedAt, closedAt)
    VALUES (@id, @number, @state, @version, @reporterId, @placeId, @placePath, @categoryCode, @priority, @level,
    @unitPlaceId, @assigneeId, @clockStartedAt, @signForDeadline, @resolveDeadline, @nudgeDueAt, @escalateDueAt,
    @autoCloseAt, @supporterCount, 'playground', NULL, @originalText, '[]', @rating, @createdAt, @updatedAt,
    @resolvedAt, @closedAt)`);
  const insertEvent =
    raw.prepare(`INSERT INTO TicketEvent (id, ticketId, at, type, actorId, fromState, toState,
    note, data) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)`);
  const stamp = (ms: number) => sqliteTimestamp(new Date(ms));
  const now = at.getTime();
  const finishedCount = shape.total - shape.open;
  const dueRows: Record<string, unknown>[] = [];
  const dueEvery = Math.max(1, Math.floor(shape.open / Math.max(1, shape.due)));
  let events = 0;
  raw.transaction(() => {
    for (let i = 0; i < shape.total; i++) {
      const isOpen = i >= finishedCount;
      const openIndex = i - finishedCount;
      const dueIndex = isOpen && openIndex % dueEvery === 0 ? openIndex / dueEvery : -1;
      const due = dueIndex >= 0 && dueIndex < shape.due;
      const dueKind = !due ? null : dueIndex % 10 < 4 ? "nudge" : dueIndex % 10 < 7 ? "escalate" : "close";
      const createdAt = isOpen
        ? now - Math.floor(random() * OPEN_BACKLOG_DAYS * DAY_MS)
        : now - HISTORY_DAYS * DAY_MS + Math.floor((i / finishedCount) * (HISTORY_DAYS - 2) * DAY_MS);
      const community = pick(COMMUNITIES, random);
      const grid = 1 + Math.floor(random() * 2);
      const building = (grid - 1) * 3 + 1 + Math.floor(random() * 3);
      const category = pick(CATEGORIES, random);
      const state = !isOpen
        ? pick(CLOSED_STATES, random)
        : dueKind === "close"
          ? "resolved"
          : dueKind
            ? "dispatched"
            : pick(OPEN_STATES, random);
      const waiting = state === "dispatched" || state === "accepted" || state === "triage";
      const future = (days: number) => stamp(now + Math.floor((0.1 + random()) * days * DAY_MS));
      const past = stamp(now - 1 - Math.floor(random() * 30 * 60_000));
      const resolvedAt =
        state === "closed" || state === "resolved" ? createdAt + Math.floor(random() * 0.2 * DAY_MS) : null;
      const closedAt =
        state === "closed" || state === "cancelled"
          ? Math.min(now - 3600_000, createdAt + Math.floor((0.2 + 1.8 * random()) * DAY_MS))
          : null;
      const worker = `p-${community}-${grid}-worker`;
      const row = {
        id: `t-${String(i).padStart(7, "0")}`,
        number: `${new Date(createdAt).getUTCFullYear()}-${String(i).padStart(7, "0")}`,
        state,
        version: 1 + Math.floor(random() * 4),
        reporterId: `p-bench-${Math.floor(random() * 5000)}`,
        placeId: `b-${community}-${building}`,
        placePath: `/d-demo/${streetOf(community)}/c-${community}/g-${community}-${grid}/b-${community}-${building}/`,
        categoryCode: category,
        priority: pick(PRIORITIES, random),
        level: "grid",
        unitPlaceId: `g-${community}-${grid}`,
        assigneeId: state === "triage" ? null : worker,
        clockStartedAt: isOpen ? stamp(createdAt) : null,
        signForDeadline: isOpen ? stamp(createdAt + 4 * 3600_000) : null,
        resolveDeadline: stamp(createdAt + 3 * DAY_MS),
        nudgeDueAt: dueKind === "nudge" ? past : waiting && !dueKind ? future(2) : null,
        escalateDueAt: dueKind === "escalate" ? past : waiting ? future(3) : null,
        autoCloseAt: dueKind === "close" ? past : state === "resolved" ? future(3) : null,
        supporterCount: state === "merged" ? 0 : 1 + (random() < 0.1 ? 1 + Math.floor(random() * 4) : 0),
        originalText: pick(PROBLEMS[category]!, random),
        rating: state === "closed" && random() < 0.4 ? 1 + Math.floor(random() * 5) : null,
        createdAt: stamp(createdAt),
        updatedAt: stamp(closedAt ?? resolvedAt ?? createdAt),
        resolvedAt: resolvedAt === null ? null : stamp(resolvedAt),
        closedAt: closedAt === null ? null : stamp(closedAt),
      };
      insert.run(row);
      if (due) dueRows.push(row);
      if (createdAt < now - EVENT_DAYS * DAY_MS || state === "merged") continue;
      const timeline: [string, number, string | null, string | null, string][] = [
        ["created", createdAt, row.reporterId, null, "reported"],
        ["dispatched", createdAt, null, "reported", "dispatched"],
      ];
      if (state !== "dispatched" && state !== "triage")
        timeline.push(["signed_for", createdAt + 3600_000, worker, "dispatched", "accepted"]);
      if (random() < 0.05)
        timeline.push(["escalated", createdAt + 4 * 3600_000, null, "accepted", "dispatched"]);
      if (resolvedAt !== null) timeline.push(["resolved", resolvedAt, worker, "accepted", "resolved"]);
      if (resolvedAt !== null && random() < 0.03)
        timeline.push(["rejected", resolvedAt + 3600_000, row.reporterId, "resolved", "reopened"]);
      if (state === "closed") timeline.push(["auto_closed", closedAt!, null, "resolved", "closed"]);
      for (const [type, ms, actor, from, to] of timeline) {
        insertEvent.run(`e-${events++}`, row.id, stamp(ms), type, actor, from, to);
      }
    }
  })();
  raw.pragma("wal_checkpoint(TRUNCATE)");
  const pages = raw.pragma("page_count", { simple: true }) as number;
  const pageSize = raw.pragma("page_size", { simple: true }) as number;
  raw.close();
  return {
    file,
    at,
    shape,
    events,
    generateMs: performance.now() - started,
    fileMb: (pages * pageSize) / (1024 * 1024),
    dueRows,
  };
}
