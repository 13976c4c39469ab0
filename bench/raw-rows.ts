import Database from "better-sqlite3";
import { TOUCH_EVERY_MS } from "../db/repositories/prisma-chat-directory";
import { checkpointsOf } from "../db/wal-checkpointer";
import { QUESTIONS, TICKETED } from "./intake";

type Row = Record<string, unknown>;

/** What one message made the app write, read back from the intake run's database. */
interface MessageWrites {
  readonly inbox: Row;
  readonly processed: { processedAt: unknown; outcome: unknown };
  /** A newcomer: Person + ChatIdentity in one transaction (and the locale when English). */
  readonly registration: { person: Row; identity: Row } | null;
  readonly touch: { lastSeenAt: unknown; externalId: unknown } | null;
  readonly state: { kind: "delete" | "upsert"; row: Row } | null;
  readonly ticket: { target: Row | null; ticket: Row; events: Row[]; follower: Row | null } | null;
  readonly outbox: Row[];
}

export interface RawPlan {
  /** The warm-up messages' rows, written untimed first so the timed ones meet the same tables. */
  readonly warmup: MessageWrites[];
  readonly messages: MessageWrites[];
  /** Rows the timed messages wrote (an UPDATE counts as one). */
  readonly rows: number;
}

/**
 * Read back, message by message, the rows the intake run wrote (inbox, identity touch or
 * registration, conversation state, ticket + counter + events + follower + the merged-into
 * ticket's update, outbox, inbox marked processed). Each message ran at its own simulated
 * instant, so its events are those stamped with its receivedAt.
 */
export function planFromIntake(intakeFile: string, timedInboxIds: ReadonlySet<string>): RawPlan {
  const db = new Database(intakeFile, { readonly: true });
  const inboxRows = db.prepare("SELECT * FROM InboxMessage ORDER BY receivedAt").all() as Row[];
  const registered = db.prepare(
    "SELECT * FROM ChatIdentity WHERE channel = 'playground' AND externalId = ? AND createdAt = ?",
  );
  const personById = db.prepare("SELECT * FROM Person WHERE id = ?");
  const stateByKey = db.prepare("SELECT * FROM ConversationState WHERE key = ?");
  const ticketBySource = db.prepare("SELECT * FROM Ticket WHERE sourceKey = ?");
  const ticketById = db.prepare("SELECT * FROM Ticket WHERE id = ?");
  const eventsAt = db.prepare("SELECT * FROM TicketEvent WHERE at = ? ORDER BY rowid");
  const outboxOf = db.prepare("SELECT * FROM OutboxMessage WHERE causedBy = ? ORDER BY rowid");
  const messages: MessageWrites[] = [];
  const warmup: MessageWrites[] = [];
  // The app's own rules, replayed: an identity's last-seen time is written at most every 10
  // minutes (not on the message that registered it), and a form is cleared only when one is open.
  const lastTouch = new Map<string, number>();
  const openForms = new Set<string>();
  let rows = 0;
  for (const inbox of inboxRows) {
    const timed = timedInboxIds.has(String(inbox.id));
    const before = rows;
    const outcome = String(inbox.outcome);
    const identity = registered.get(inbox.userId, inbox.receivedAt) as Row | undefined;
    const person = identity ? (personById.get(identity.personId) as Row) : null;
    const key = `${inbox.channel}:${inbox.chatId}:${inbox.userId}`;
    let state: MessageWrites["state"] = null;
    let ticket: MessageWrites["ticket"] = null;
    if ((TICKETED as readonly string[]).includes(outcome)) {
      if (openForms.delete(key)) state = { kind: "delete", row: { key } };
      const created = ticketBySource.get(`inbox:${inbox.id}`) as Row;
      const events = eventsAt.all(inbox.receivedAt) as Row[];
      const supporter = events.find((e) => e.type === "supporter_added");
      const target = supporter ? (ticketById.get(supporter.ticketId) as Row) : null;
      const follower = supporter ? { ticketId: supporter.ticketId, personId: created.reporterId } : null;
      ticket = { target, ticket: created, events, follower };
      rows += 2 + events.length + (target ? 1 : 0) + (follower ? 1 : 0);
    } else if ((QUESTIONS as readonly string[]).includes(outcome)) {
      const kept = stateByKey.get(key) as Row | undefined;
      const data = JSON.stringify({ form: outcome, draft: { text: JSON.parse(String(inbox.payload)).text } });
      state = { kind: "upsert", row: kept ?? { key, data, expiresAt: inbox.receivedAt } };
      openForms.add(key);
    }
    const at = new Date(String(inbox.receivedAt)).getTime();
    const last = lastTouch.get(String(inbox.userId));
    const touched = !identity && (last === undefined || at - last >= TOUCH_EVERY_MS || at < last);
    if (touched) lastTouch.set(String(inbox.userId), at);
    const outbox = outboxOf.all(inbox.id) as Row[];
    rows += 2 + outbox.length + (state ? 1 : 0) + (person ? 2 : touched ? 1 : 0);
    if (!timed) rows = before;
    (timed ? messages : warmup).push({
      inbox: { ...inbox, processedAt: null, outcome: null, error: null },
      processed: { processedAt: inbox.processedAt, outcome: inbox.outcome },
      registration: identity && person ? { person, identity } : null,
      touch: touched ? { lastSeenAt: inbox.receivedAt, externalId: inbox.userId } : null,
      state,
      ticket,
      outbox,
    });
  }
  db.close();
  return { warmup, messages, rows };
}

function insertFor(db: Database.Database, table: string, sample: Row) {
  const columns = Object.keys(sample);
  return db.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
  );
}

export interface RawRun {
  readonly messages: number;
  readonly rows: number;
  readonly transactions: number;
  readonly elapsedMs: number;
  readonly msgsPerS: number;
}

/**
 * The ceiling: the same rows, per message, with plain better-sqlite3 prepared statements on a
 * fresh copy of the same template, with the app's settings (WAL, synchronous=NORMAL, foreign
 * keys on, WAL checkpoints in a worker thread) and its commit boundaries: inbox insert, identity
 * touch (or registration), the conversation-state write on its own, the ticket with counter,
 * events, follower and merged-into update together, the outbox rows, then the inbox marked
 * processed on its own. A single write outside a transaction is its own commit in SQLite, so it
 * is one here too. "one-commit" writes
 * the same rows with one commit per message (what folding the steps together would give),
 * "batch-100" with one commit per 100 messages (a group commit).
 */
export type RawMode = "app" | "one-commit" | "batch-100";

export async function runRawRows(dbFile: string, plan: RawPlan, mode: RawMode = "app"): Promise<RawRun> {
  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -65536");
  // Checkpoints as the app does them: in a worker thread, the connection's own only as a fallback.
  const checkpointer = checkpointsOf(db, dbFile);
  const first = plan.messages.find((m) => m.ticket)?.ticket;
  const firstOutbox = plan.messages.find((m) => m.outbox.length > 0)?.outbox[0];
  const firstRegistration = plan.messages.find((m) => m.registration)?.registration;
  if (!first || !firstOutbox) throw new Error("raw rows: the intake run filed no ticket");
  const insertInbox = db.prepare(
    `INSERT INTO "InboxMessage" ("id", "channel", "messageId", "chatId", "userId", "payload", "receivedAt")
     VALUES (@id, @channel, @messageId, @chatId, @userId, @payload, @receivedAt) ON CONFLICT ("channel", "messageId") DO NOTHING`,
  );
  const touch = db.prepare(
    `UPDATE "ChatIdentity" SET "lastSeenAt" = ? WHERE "channel" = 'playground' AND "externalId" = ?`,
  );
  const insertPerson = firstRegistration ? insertFor(db, "Person", firstRegistration.person) : null;
  const insertIdentity = firstRegistration ? insertFor(db, "ChatIdentity", firstRegistration.identity) : null;
  const deleteState = db.prepare(`DELETE FROM "ConversationState" WHERE "key" = ?`);
  const upsertState = db.prepare(
    `INSERT INTO "ConversationState" ("key", "data", "expiresAt") VALUES (@key, @data, @expiresAt)
     ON CONFLICT ("key") DO UPDATE SET "data" = excluded."data", "expiresAt" = excluded."expiresAt"`,
  );
  const counter = db.prepare(
    `INSERT INTO "TicketCounter" ("year", "last") VALUES (?, 1) ON CONFLICT ("year") DO UPDATE SET "last" = "last" + 1 RETURNING "last"`,
  );
  const insertTicket = insertFor(db, "Ticket", first.ticket);
  const columns = Object.keys(first.ticket).filter((c) => c !== "id" && c !== "version");
  const updateTarget = db.prepare(
    `UPDATE "Ticket" SET ${columns.map((c) => `"${c}" = @${c}`).join(", ")}, "version" = "version" + 1 WHERE "id" = @id`,
  );
  const insertEvent = insertFor(db, "TicketEvent", first.events[0]!);
  const insertFollower = db.prepare(
    `INSERT INTO "TicketFollower" ("ticketId", "personId") VALUES (@ticketId, @personId) ON CONFLICT DO NOTHING`,
  );
  const insertOutbox = insertFor(db, "OutboxMessage", firstOutbox);
  const markProcessed = db.prepare(
    `UPDATE "InboxMessage" SET "processedAt" = ?, "outcome" = ?, "error" = NULL WHERE "id" = ?`,
  );
  const setLocale = db.prepare(`UPDATE "Person" SET "locale" = ? WHERE "id" = ?`);
  const register = (r: { person: Row; identity: Row }) => {
    insertPerson!.run(r.person);
    insertIdentity!.run(r.identity);
  };
  const fileTicket = (t: NonNullable<MessageWrites["ticket"]>) => {
    if (t.target) updateTarget.run(t.target);
    counter.get(Number(String(t.ticket.number).slice(0, 4)));
    insertTicket.run(t.ticket);
    for (const event of t.events) insertEvent.run(event);
    if (t.follower) insertFollower.run(t.follower);
  };
  const enqueue = (rows: Row[]) => {
    for (const row of rows) insertOutbox.run(row);
  };
  // Each step as the app commits it: `commit(step)` is its own transaction in "app" mode.
  let transactions = 0;
  const commit =
    mode === "app"
      ? <T>(fn: (arg: T) => unknown, arg: T) => {
          db.transaction(fn)(arg);
          transactions++;
        }
      : <T>(fn: (arg: T) => unknown, arg: T) => void fn(arg);
  const steps = (m: MessageWrites) => {
    commit((row: Row) => insertInbox.run(row), m.inbox);
    if (m.registration) commit(register, m.registration);
    else if (m.touch) commit((t) => touch.run(t.lastSeenAt, t.externalId), m.touch);
    // registerResident, then setLocale on its own when the newcomer wrote in English.
    if (m.registration?.person.locale === "en")
      commit(() => setLocale.run("en", m.registration!.person.id), null);
    if (m.state?.kind === "delete") commit((key) => deleteState.run(key), m.state.row.key);
    else if (m.state) commit((row) => upsertState.run(row), m.state.row);
    if (m.ticket) commit(fileTicket, m.ticket);
    if (m.outbox.length > 0) commit(enqueue, m.outbox);
    commit(() => markProcessed.run(m.processed.processedAt, m.processed.outcome, m.inbox.id), null);
  };
  const oneCommit = db.transaction(steps);
  const batch: MessageWrites[] = [];
  const group = db.transaction((ms: MessageWrites[]) => {
    for (const m of ms) steps(m);
  });
  const flush = () => {
    if (batch.length === 0) return;
    group(batch);
    batch.length = 0;
    transactions++;
  };
  const write = (m: MessageWrites) => {
    if (mode === "app") return steps(m);
    if (mode === "one-commit") {
      oneCommit(m);
      transactions++;
      return;
    }
    batch.push(m);
    if (batch.length === 100) flush();
  };
  for (const m of plan.warmup) write(m);
  flush();
  transactions = 0;
  const started = performance.now();
  for (const m of plan.messages) write(m);
  flush();
  const elapsedMs = performance.now() - started;
  await checkpointer.stop();
  db.close();
  return {
    messages: plan.messages.length,
    rows: plan.rows,
    transactions,
    elapsedMs,
    msgsPerS: plan.messages.length / (elapsedMs / 1000),
  };
}

/** Row counts of the tables both runs write, to check the ceiling wrote what the app wrote. */
export function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  const counts: Record<string, number> = {};
  for (const table of [
    "InboxMessage",
    "Ticket",
    "TicketEvent",
    "TicketFollower",
    "OutboxMessage",
    "Person",
  ]) {
    // The app's start creates its system people (the welfare checks' reporter); the ceiling has no start.
    const where = table === "Person" ? ` WHERE "id" NOT LIKE 'p-system-%'` : "";
    counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"${where}`).get() as { n: number }).n;
  }
  db.close();
  return counts;
}
