import type {
  MediaRef,
  Priority,
  Ticket,
  TicketEvent,
  TicketLevel,
  TicketState,
} from "../../core/tickets/ticket";
import type { TicketEvent as TicketEventRow, Ticket as TicketRow } from "../generated/client";

export function toTicket(row: TicketRow): Ticket {
  return {
    ...row,
    state: row.state as TicketState,
    priority: row.priority as Priority,
    level: row.level as TicketLevel,
    media: JSON.parse(row.media) as MediaRef[],
  };
}

export function toTicketRow(ticket: Ticket): TicketRow {
  return { ...ticket, media: JSON.stringify(ticket.media) };
}

export function toTicketEvent(row: TicketEventRow): TicketEvent {
  return {
    ...row,
    type: row.type as TicketEvent["type"],
    fromState: row.fromState as TicketState | null,
    toState: row.toState as TicketState,
    data: row.data ? (JSON.parse(row.data) as TicketEvent["data"]) : null,
  };
}

export function toTicketEventRow(event: TicketEvent): TicketEventRow {
  return { ...event, data: event.data ? JSON.stringify(event.data) : null };
}

/** "Inside this path" as an index-friendly range: every descendant path sorts between "/a/" and "/a0". */
export function pathRange(prefix: string): { gte: string; lt: string } {
  return { gte: prefix, lt: `${prefix.slice(0, -1)}0` };
}

/**
 * Open tickets past the deadline of their current clock at `now`, as a Prisma filter: the SQL of
 * core's currentDeadline (signing for while dispatched or in triage, resolving after).
 */
export function overdueWhere(now: Date) {
  return {
    OR: [
      { state: { in: ["dispatched", "triage"] }, signForDeadline: { lt: now } },
      { state: { in: ["reported", "accepted", "reopened"] }, resolveDeadline: { lt: now } },
    ],
  };
}
