import { fail, ok, type Result } from "../../core/shared/result";
import { formatTicketNumber, type Ticket, type TicketEvent } from "../../core/tickets/ticket";
import type {
  CommittedTickets,
  DuplicateCandidate,
  DuplicateQuery,
  TicketChangeSet,
  TicketListQuery,
  TicketRepository,
} from "../../core/tickets/ticket-repository";
import type { TicketEvent as TicketEventRow } from "../generated/client";
import type { SqliteConnection, SqlStatements } from "../sqlite-connection";
import {
  changedColumns,
  changedFromRow,
  eventToSql,
  fromTimestamp,
  type SqlValue,
  TICKET_COLUMNS,
  TICKET_SELECT,
  ticketFromSql,
  ticketToSql,
  toTimestamp,
} from "./sqlite-rows";
import { pathRange, toTicketEvent } from "./ticket-row-mapping";

const INSERT_TICKET = `INSERT INTO "Ticket" (${TICKET_SELECT}) VALUES (${TICKET_COLUMNS.map((c) => `@${c}`).join(", ")})`;
const SELECT_FOR_UPDATE = `SELECT ${TICKET_SELECT} FROM "Ticket" WHERE "id" = ? AND "version" = ?`;
/** The UPDATE of exactly these columns: SQLite rewrites the entries of every index on a column it SETs. */
const updateOf = (columns: readonly string[]) =>
  `UPDATE "Ticket" SET ${[...columns.map((c) => `"${c}" = @${c}`), `"version" = @version`].join(", ")}
   WHERE "id" = @id AND "version" = @expectedVersion`;
const INSERT_EVENT = `INSERT INTO "TicketEvent" ("id", "ticketId", "at", "type", "actorId", "fromState", "toState", "note", "data")
  VALUES (@id, @ticketId, @at, @type, @actorId, @fromState, @toState, @note, @data)`;
const NEXT_NUMBER = `INSERT INTO "TicketCounter" ("year", "last") VALUES (?, 1)
  ON CONFLICT ("year") DO UPDATE SET "last" = "last" + 1 RETURNING "last"`;
const ADD_FOLLOWER = `INSERT INTO "TicketFollower" ("ticketId", "personId") VALUES (?, ?) ON CONFLICT DO NOTHING`;

class ConcurrentUpdate extends Error {
  constructor(readonly ticketId: string) {
    super(`ticket ${ticketId} changed since it was read`);
  }
}

/**
 * The ticket repository on SQLite's prepared statements (see SqliteConnection): the same
 * contract and the same rows as PrismaTicketRepository, which PostgreSQL keeps. Every read and
 * every commit of the intake and the sweep passes here.
 */
export class SqliteTicketRepository implements TicketRepository {
  constructor(private readonly sqlite: SqliteConnection) {}

  findById(id: string) {
    return this.one(`SELECT ${TICKET_SELECT} FROM "Ticket" WHERE "id" = ?`, [id]);
  }

  findByNumber(number: string) {
    return this.one(`SELECT ${TICKET_SELECT} FROM "Ticket" WHERE "number" = ?`, [number]);
  }

  findBySourceKey(sourceKey: string) {
    return this.one(`SELECT ${TICKET_SELECT} FROM "Ticket" WHERE "sourceKey" = ?`, [sourceKey]);
  }

  findDuplicateCandidates(query: DuplicateQuery) {
    const range = pathRange(query.placePath);
    const states = query.states.map(() => "?").join(", ");
    // Whole rows cost ≈ 12 µs each to fetch and convert; the check needs two columns of each.
    return this.sqlite.run(
      (sql) =>
        sql
          .prepare(
            `SELECT "id", "originalText" FROM "Ticket"
       WHERE "categoryCode" = ? AND "placePath" >= ? AND "placePath" < ? AND "createdAt" >= ?
         AND "state" IN (${states})
       ORDER BY "createdAt" DESC LIMIT ?`,
          )
          .all(
            query.categoryCode,
            range.gte,
            range.lt,
            toTimestamp(query.createdSince),
            ...query.states,
            query.limit,
          ) as DuplicateCandidate[],
    );
  }

  list(query: TicketListQuery) {
    const where: string[] = [];
    const params: SqlValue[] = [];
    for (const column of ["reporterId", "assigneeId"] as const) {
      const value = query[column];
      if (value === undefined) continue;
      where.push(`"${column}" = ?`);
      params.push(value);
    }
    if (query.withinPath) {
      const range = pathRange(query.withinPath);
      where.push(`"placePath" >= ? AND "placePath" < ?`);
      params.push(range.gte, range.lt);
    }
    if (query.states) {
      where.push(`"state" IN (${query.states.map(() => "?").join(", ") || "NULL"})`);
      params.push(...query.states);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    return this.many(`SELECT ${TICKET_SELECT} FROM "Ticket" ${clause} ORDER BY "createdAt" DESC LIMIT ?`, [
      ...params,
      query.limit,
    ]);
  }

  listEvents(ticketId: string): Promise<TicketEvent[]> {
    return this.sqlite.run((sql) =>
      (
        sql
          .prepare(`SELECT * FROM "TicketEvent" WHERE "ticketId" = ? ORDER BY "at" ASC, "id" ASC`)
          .all(ticketId) as (TicketEventRow & { at: string })[]
      ).map((row) => toTicketEvent({ ...row, at: fromTimestamp(row.at) })),
    );
  }

  listFollowers(ticketId: string): Promise<string[]> {
    return this.sqlite.run((sql) =>
      (
        sql.prepare(`SELECT "personId" FROM "TicketFollower" WHERE "ticketId" = ?`).all(ticketId) as {
          personId: string;
        }[]
      ).map((row) => row.personId),
    );
  }

  findDue(timer: "nudgeDueAt" | "escalateDueAt" | "autoCloseAt", now: Date, limit: number) {
    // The timer is one of three column names, never user input; each has its own index.
    return this.many(
      `SELECT ${TICKET_SELECT} FROM "Ticket" WHERE "${timer}" <= ? ORDER BY "${timer}" ASC LIMIT ?`,
      [toTimestamp(now), limit],
    );
  }

  /** One SQLite commit for all of `work`'s: each commit writes every page it dirtied to the WAL. */
  inOneCommit<T>(work: () => Promise<T>): Promise<T> {
    return this.sqlite.batch(work);
  }

  async commit(changes: TicketChangeSet): Promise<Result<CommittedTickets>> {
    try {
      // Checked before written (see applyChanges): in a batch no savepoint is needed.
      const stored = await this.sqlite.transaction((sql) => applyChanges(sql, changes), {
        failsBeforeWriting: (error) => error instanceof ConcurrentUpdate,
      });
      return ok({ tickets: stored });
    } catch (error) {
      if (error instanceof ConcurrentUpdate)
        return fail("TICKET.CONCURRENT_UPDATE", { ticketId: error.ticketId });
      throw error;
    }
  }

  private one(query: string, params: SqlValue[]): Promise<Ticket | null> {
    return this.sqlite.run((sql) => {
      const row = sql.prepare(query).get(...params) as Record<string, unknown> | undefined;
      return row ? ticketFromSql(row) : null;
    });
  }

  private many(query: string, params: SqlValue[]): Promise<Ticket[]> {
    return this.sqlite.run((sql) =>
      (sql.prepare(query).all(...params) as Record<string, unknown>[]).map(ticketFromSql),
    );
  }
}

/**
 * One change set inside a transaction. Every version is checked before anything is written, so a
 * stale one (ConcurrentUpdate) leaves nothing to undo — which lets a batch skip the savepoint.
 */
function applyChanges(sql: SqlStatements, changes: TicketChangeSet): Map<string, Ticket> {
  const result = new Map<string, Ticket>();
  for (const [index, changed] of columnsToSet(sql, changes).entries()) {
    const { ticket, expectedVersion } = changes.updates[index]!;
    // Only the columns that changed: a ticket has a dozen indexes, and a nudge changes one timer.
    const { changes: written } = sql
      .prepare(updateOf(Object.keys(changed)))
      .run({ ...changed, id: ticket.id, version: expectedVersion + 1, expectedVersion });
    // Only a lone update goes unchecked (columnsToSet), and then this is the set's first write.
    if (written === 0) throw new ConcurrentUpdate(ticket.id);
    result.set(ticket.id, { ...ticket, version: expectedVersion + 1 });
  }
  for (const draft of changes.creates) {
    const { numberYear, ...rest } = draft;
    const { last } = sql.prepare(NEXT_NUMBER).get(numberYear) as { last: number };
    const ticket: Ticket = { ...rest, number: formatTicketNumber(numberYear, last), version: 1 };
    sql.prepare(INSERT_TICKET).run(ticketToSql(ticket));
    result.set(ticket.id, ticket);
  }
  for (const event of changes.events) sql.prepare(INSERT_EVENT).run(eventToSql(event));
  for (const follower of changes.followers)
    sql.prepare(ADD_FOLLOWER).run(follower.ticketId, follower.personId);
  return result;
}

/**
 * Each update's columns to SET. A lone update that came with the ticket as read needs no read:
 * its UPDATE finds the version or writes nothing. Several are read first, so that none is written
 * unless all are current.
 */
function columnsToSet(sql: SqlStatements, changes: TicketChangeSet): Record<string, SqlValue>[] {
  const only = changes.updates.length === 1 ? changes.updates[0]! : null;
  if (only?.before && only.before.version === only.expectedVersion)
    return [changedColumns(only.before, only.ticket)];
  const rows = changes.updates.map(({ ticket, expectedVersion }) => {
    const row = sql.prepare(SELECT_FOR_UPDATE).get(ticket.id, expectedVersion) as
      | Record<string, SqlValue>
      | undefined;
    if (!row) throw new ConcurrentUpdate(ticket.id);
    return row;
  });
  return rows.map((row, index) => changedFromRow(row, changes.updates[index]!.ticket));
}
