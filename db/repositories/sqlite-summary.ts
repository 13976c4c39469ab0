import {
  isOpenAt,
  type SummaryEvent,
  type SummaryOpenTicket,
  type SummaryRepository,
  type SummaryTicket,
} from "../../core/summaries/summary-repository";
import { ACTIVE_STATES, type TicketEventType, type TicketState } from "../../core/tickets/ticket";
import type { SqliteConnection } from "../sqlite-connection";
import { toSummaryEvent } from "./prisma-summary";
import { fromOptionalTimestamp, fromTimestamp, toTimestamp } from "./sqlite-rows";
import { pathRange } from "./ticket-row-mapping";

const COLUMNS = `"id", "number", "state", "placeId", "placePath", "categoryCode", "createdAt", "resolvedAt",
  "closedAt", "signForDeadline", "resolveDeadline", "rating", "assigneeId"`;
/** SummaryOpenTicket's: each column of a street's tens of thousands of open cases costs ≈ 20 ms. */
const OPEN_COLUMNS = `"id", "state", "placePath", "createdAt", "resolvedAt", "closedAt", "signForDeadline",
  "resolveDeadline"`;
const EVENT_COLUMNS = `"ticketId", "type", "at", "actorId", "data"`;
/** States in which a ticket may still be open at a moment: working, or resolved since then. */
const UNFINISHED = [...ACTIVE_STATES, "resolved"].map((s) => `'${s}'`).join(", ");
/** A list of ids as one parameter (a JSON array), so one statement serves any number of them. */
const IN_IDS = `IN (SELECT "value" FROM json_each(?))`;

/**
 * The summary's reads on SQLite's prepared statements: a street's day reads some 35,000 open
 * cases, ≈ 0.3 s more through Prisma's result mapping. The same queries and index ranges as
 * PrismaSummaryRepository, which PostgreSQL keeps.
 */
export class SqliteSummaryRepository implements SummaryRepository {
  constructor(private readonly sqlite: SqliteConnection) {}

  ticketsCreated(withinPath: string, from: Date, to: Date) {
    const range = pathRange(withinPath);
    return this.tickets(
      `SELECT ${COLUMNS} FROM "Ticket" WHERE "placePath" >= ? AND "placePath" < ?
         AND "createdAt" >= ? AND "createdAt" < ? AND "state" <> 'merged'`,
      [range.gte, range.lt, toTimestamp(from), toTimestamp(to)],
    );
  }

  ticketsClosed(withinPath: string, from: Date, to: Date) {
    const range = pathRange(withinPath);
    return this.tickets(
      `SELECT ${COLUMNS} FROM "Ticket" WHERE "closedAt" >= ? AND "closedAt" < ? AND "state" = 'closed'
         AND "placePath" >= ? AND "placePath" < ?`,
      [toTimestamp(from), toTimestamp(to), range.gte, range.lt],
    );
  }

  async ticketsOpenDuring(withinPath: string, from: Date, to: Date) {
    // Open during [from, to] means unfinished now, or finished (closed, cancelled) since `from`.
    const range = pathRange(withinPath);
    const unfinished = await this.openTickets(
      `SELECT ${OPEN_COLUMNS} FROM "Ticket" WHERE "state" IN (${UNFINISHED})
         AND "placePath" >= ? AND "placePath" < ? AND "createdAt" < ?`,
      [range.gte, range.lt, toTimestamp(to)],
    );
    const finishedSince = await this.openTickets(
      `SELECT ${OPEN_COLUMNS} FROM "Ticket" WHERE "closedAt" >= ? AND "state" IN ('closed', 'cancelled')
         AND "placePath" >= ? AND "placePath" < ? AND "createdAt" < ?`,
      [toTimestamp(from), range.gte, range.lt, toTimestamp(to)],
    );
    return [...unfinished, ...finishedSince].filter((t) => isOpenAt(t, from) || isOpenAt(t, to));
  }

  ticketsByIds(ids: readonly string[]) {
    return this.tickets(`SELECT ${COLUMNS} FROM "Ticket" WHERE "id" ${IN_IDS}`, [JSON.stringify(ids)]);
  }

  eventsBetween(withinPath: string, types: readonly TicketEventType[], from: Date, to: Date) {
    const range = pathRange(withinPath);
    // Events carry no place: those whose ticket lies in the range, found by the ticket's key.
    return this.events(
      `SELECT ${EVENT_COLUMNS.replace(/"(\w+)"/g, 'e."$1"')} FROM "TicketEvent" e
       WHERE e."type" ${IN_IDS} AND e."at" >= ? AND e."at" < ?
         AND EXISTS (SELECT 1 FROM "Ticket" t WHERE t."id" = e."ticketId" AND t."placePath" >= ? AND t."placePath" < ?)
       ORDER BY e."at" ASC`,
      [JSON.stringify(types), toTimestamp(from), toTimestamp(to), range.gte, range.lt],
    );
  }

  async eventsOfTickets(ticketIds: readonly string[], types: readonly TicketEventType[], before: Date) {
    // By ticket (its timeline index) and filtered here: a type filter in SQL would tempt SQLite
    // onto the (type, at) index and through every such event ever written.
    const rows = await this.events(
      `SELECT ${EVENT_COLUMNS} FROM "TicketEvent" WHERE "ticketId" ${IN_IDS} AND "at" < ?`,
      [JSON.stringify(ticketIds), toTimestamp(before)],
    );
    return rows.filter((row) => types.includes(row.type)).sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  private tickets(query: string, params: (string | null)[]): Promise<SummaryTicket[]> {
    return this.rows(query, params, (row) => ({
      id: row[0] as string,
      number: row[1] as string,
      state: row[2] as TicketState,
      placeId: row[3] as string,
      placePath: row[4] as string,
      categoryCode: row[5] as string | null,
      createdAt: fromTimestamp(row[6]),
      resolvedAt: fromOptionalTimestamp(row[7]),
      closedAt: fromOptionalTimestamp(row[8]),
      signForDeadline: fromOptionalTimestamp(row[9]),
      resolveDeadline: fromOptionalTimestamp(row[10]),
      rating: row[11] as number | null,
      assigneeId: row[12] as string | null,
    }));
  }

  private openTickets(query: string, params: (string | null)[]): Promise<SummaryOpenTicket[]> {
    return this.rows(query, params, (row) => ({
      id: row[0] as string,
      state: row[1] as TicketState,
      placePath: row[2] as string,
      createdAt: fromTimestamp(row[3]),
      resolvedAt: fromOptionalTimestamp(row[4]),
      closedAt: fromOptionalTimestamp(row[5]),
      signForDeadline: fromOptionalTimestamp(row[6]),
      resolveDeadline: fromOptionalTimestamp(row[7]),
    }));
  }

  /** Rows as arrays (in the SELECT's column order): tens of thousands of them, and no object made twice. */
  private rows<T>(query: string, params: (string | null)[], toValue: (row: unknown[]) => T): Promise<T[]> {
    return this.sqlite.run((sql) =>
      (
        sql
          .prepare(query)
          .raw(true)
          .all(...params) as unknown[][]
      ).map(toValue),
    );
  }

  private events(query: string, params: (string | null)[]): Promise<SummaryEvent[]> {
    return this.sqlite.run((sql) =>
      (
        sql.prepare(query).all(...params) as {
          ticketId: string;
          type: string;
          at: string;
          actorId: string | null;
          data: string | null;
        }[]
      ).map((row) => toSummaryEvent({ ...row, at: fromTimestamp(row.at) })),
    );
  }
}
