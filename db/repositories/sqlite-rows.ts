import type { Ticket, TicketEvent } from "../../core/tickets/ticket";
import { sqliteTimestamp } from "../sqlite-timestamp";
import { toTicket, toTicketEventRow, toTicketRow } from "./ticket-row-mapping";

/**
 * Rows as better-sqlite3 reads and binds them, in the format Prisma's SQLite adapter uses, so rows
 * written by either are read alike: DateTime as ISO 8601 text with "+00:00", Boolean as 0/1.
 */
export type SqlValue = string | number | null;

/**
 * A stored timestamp as a Date. The adapter's own format ("2026-12-07T10:00:00.000+00:00") is
 * read digit by digit, twice as fast as Date's parser — a summary reads some 200,000 of them;
 * anything else goes to Date's parser.
 */
export function fromTimestamp(value: unknown): Date {
  const text = value as string;
  if (text.length !== 29 || text.charCodeAt(23) !== PLUS || !text.endsWith("+00:00")) return new Date(text);
  return new Date(
    Date.UTC(
      digits(text, 0, 4),
      digits(text, 5, 7) - 1,
      digits(text, 8, 10),
      digits(text, 11, 13),
      digits(text, 14, 16),
      digits(text, 17, 19),
      digits(text, 20, 23),
    ),
  );
}

const PLUS = "+".charCodeAt(0);
const ZERO = "0".charCodeAt(0);

/** The number written in text[from, to) (a module-level function: a closure per call costs an allocation). */
function digits(text: string, from: number, to: number): number {
  let number = 0;
  for (let i = from; i < to; i++) number = number * 10 + text.charCodeAt(i) - ZERO;
  return number;
}

export function fromOptionalTimestamp(value: unknown): Date | null {
  return value === null || value === undefined ? null : fromTimestamp(value);
}

export function toTimestamp(at: Date | null): string | null {
  return at ? sqliteTimestamp(at) : null;
}

export const TICKET_COLUMNS = [
  "id",
  "number",
  "state",
  "version",
  "reporterId",
  "placeId",
  "placePath",
  "categoryCode",
  "priority",
  "level",
  "unitPlaceId",
  "departmentId",
  "assigneeId",
  "clockStartedAt",
  "signForDeadline",
  "resolveDeadline",
  "nudgeDueAt",
  "escalateDueAt",
  "autoCloseAt",
  "supporterCount",
  "sourceChannel",
  "filedById",
  "sourceKey",
  "originalText",
  "media",
  "rating",
  "mergedIntoId",
  "createdAt",
  "updatedAt",
  "resolvedAt",
  "closedAt",
] as const;

const TICKET_DATES = new Set<string>([
  "clockStartedAt",
  "signForDeadline",
  "resolveDeadline",
  "nudgeDueAt",
  "escalateDueAt",
  "autoCloseAt",
  "createdAt",
  "updatedAt",
  "resolvedAt",
  "closedAt",
]);

/** `SELECT` list of a ticket, quoted (for `SELECT ${TICKET_SELECT} FROM Ticket …`). */
export const TICKET_SELECT = TICKET_COLUMNS.map((c) => `"${c}"`).join(", ");

export function ticketFromSql(row: Record<string, unknown>): Ticket {
  const fields: Record<string, unknown> = {};
  for (const column of TICKET_COLUMNS) {
    const value = row[column];
    fields[column] = TICKET_DATES.has(column) ? fromOptionalTimestamp(value) : value;
  }
  return toTicket(fields as Parameters<typeof toTicket>[0]);
}

/** A ticket's columns as named parameters (`@id`, `@number` …). */
export function ticketToSql(ticket: Ticket): Record<string, SqlValue> {
  const row = toTicketRow(ticket) as unknown as Record<string, unknown>;
  const params: Record<string, SqlValue> = {};
  for (const column of TICKET_COLUMNS) {
    const value = row[column];
    params[column] = value instanceof Date ? sqliteTimestamp(value) : ((value ?? null) as SqlValue);
  }
  return params;
}

/**
 * The columns in which `after` differs from `before`, as named parameters: what an UPDATE needs to
 * SET. Compares the tickets' own values, converting only what changed (a sweep's change touches
 * two or three columns of thirty).
 */
export function changedColumns(before: Ticket, after: Ticket): Record<string, SqlValue> {
  const was = before as unknown as Record<string, unknown>;
  const now = after as unknown as Record<string, unknown>;
  const changed: Record<string, SqlValue> = {};
  for (const column of TICKET_COLUMNS) {
    const from = was[column];
    const to = now[column];
    if (column === "id" || column === "version" || from === to) continue;
    if (from instanceof Date && to instanceof Date && from.getTime() === to.getTime()) continue;
    if (column === "media") {
      const media = JSON.stringify(to);
      if (media !== JSON.stringify(from)) changed.media = media;
    } else changed[column] = to instanceof Date ? sqliteTimestamp(to) : ((to ?? null) as SqlValue);
  }
  return changed;
}

/** The same from a row as stored, for an update whose ticket as read the caller did not send. */
export function changedFromRow(row: Record<string, SqlValue>, after: Ticket): Record<string, SqlValue> {
  const params = ticketToSql(after);
  const changed: Record<string, SqlValue> = {};
  for (const column of TICKET_COLUMNS)
    if (column !== "id" && column !== "version" && params[column] !== row[column])
      changed[column] = params[column]!;
  return changed;
}

export function eventToSql(event: TicketEvent): Record<string, SqlValue> {
  const row = toTicketEventRow(event);
  return {
    id: row.id,
    ticketId: row.ticketId,
    at: sqliteTimestamp(row.at),
    type: row.type,
    actorId: row.actorId,
    fromState: row.fromState,
    toState: row.toState,
    note: row.note,
    data: row.data,
  };
}
