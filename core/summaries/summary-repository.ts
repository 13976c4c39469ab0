import type { Role } from "../people/person";
import type { Place, PlaceLevel } from "../places/place";
import type { Ticket, TicketEvent, TicketEventType } from "../tickets/ticket";

/** The columns of a ticket a summary reads. */
export type SummaryTicket = Pick<
  Ticket,
  | "id"
  | "number"
  | "state"
  | "placeId"
  | "placePath"
  | "categoryCode"
  | "createdAt"
  | "resolvedAt"
  | "closedAt"
  | "signForDeadline"
  | "resolveDeadline"
  | "rating"
  | "assigneeId"
>;

/**
 * The columns of a case open during a period: when it was open and late, and where. Fewer than
 * SummaryTicket's, since a street has tens of thousands; the few shown are read by id.
 */
export type SummaryOpenTicket = Pick<
  SummaryTicket,
  | "id"
  | "state"
  | "placePath"
  | "createdAt"
  | "resolvedAt"
  | "closedAt"
  | "signForDeadline"
  | "resolveDeadline"
>;

export type SummaryEvent = Pick<TicketEvent, "ticketId" | "type" | "at" | "actorId" | "data">;

/**
 * Plain rows for summaries: a place-path range ("/d/s/c/" and everything below) and a time range.
 * Merged tickets are duplicates kept for their words, never cases of their own: no method returns
 * them. Every query must be an index range scan (placePath, createdAt, closedAt, state, event type).
 */
export interface SummaryRepository {
  /** Tickets created in [from, to). */
  ticketsCreated(withinPath: string, from: Date, to: Date): Promise<SummaryTicket[]>;
  /** Tickets in state closed whose closedAt is in [from, to) (cancelled ones are not "closed"). */
  ticketsClosed(withinPath: string, from: Date, to: Date): Promise<SummaryTicket[]>;
  /**
   * Every ticket someone had to act on at some moment of [from, to] (see isOpenAt): created
   * before `to` and not finished (closed, cancelled) before `from`. May hold more; callers keep
   * those open at the moment they ask about with isOpenAt. One read for both ends of a period.
   */
  ticketsOpenDuring(withinPath: string, from: Date, to: Date): Promise<SummaryOpenTicket[]>;
  /** These tickets (merged ones too: asked for by id), in no particular order. */
  ticketsByIds(ids: readonly string[]): Promise<SummaryTicket[]>;
  /** Events of these types in [from, to) on tickets in the range. */
  eventsBetween(
    withinPath: string,
    types: readonly TicketEventType[],
    from: Date,
    to: Date,
  ): Promise<SummaryEvent[]>;
  /** Events of these types on these tickets before `before`, oldest first. */
  eventsOfTickets(
    ticketIds: readonly string[],
    types: readonly TicketEventType[],
    before: Date,
  ): Promise<SummaryEvent[]>;
}

/** Who gets the daily summary: every grant of these roles, with the place it covers. */
export interface SummaryRecipient {
  readonly personId: string;
  readonly role: Role;
  readonly placeId: string;
}

/** Place lookups: names for figures, and the places someone may name when asking for a summary. */
export interface SummaryPlaces {
  getPlace(id: string): Promise<Place | null>;
  /** The places at these levels within a path (the place itself included). */
  placesWithin(withinPath: string, levels: readonly PlaceLevel[]): Promise<Place[]>;
}

export interface SummaryDeps {
  readonly summaries: SummaryRepository;
  readonly places: SummaryPlaces;
}

/** The definition of "open at `at`" that summaries use (ticketsOpenDuring returns at least these, for both ends). */
export function isOpenAt(
  ticket: Pick<SummaryTicket, "state" | "createdAt" | "closedAt" | "resolvedAt">,
  at: Date,
): boolean {
  if (ticket.state === "merged" || ticket.createdAt >= at) return false;
  if (ticket.closedAt !== null && ticket.closedAt < at) return false;
  return ticket.resolvedAt === null || ticket.resolvedAt >= at;
}
