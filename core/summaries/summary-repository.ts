import type { Role } from "../people/person";
import type { Place, PlaceLevel } from "../places/place";
import type { Ticket, TicketEvent, TicketEventType } from "../tickets/ticket";
import { currentDeadline } from "../tickets/ticket-notice";

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

/** The columns that say when a case was open and late (isOpenAt, isOverdueAt), and where. */
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

/**
 * The cases of one place path open at a period's two ends, counted (a street has tens of
 * thousands open and some dozens of paths: counts, not rows).
 */
export interface OpenCasesAtPath {
  readonly placePath: string;
  readonly openAtFrom: number;
  readonly overdueAtFrom: number;
  readonly openAtTo: number;
  readonly overdueAtTo: number;
  /** When the earliest-created case of this path open at `to` was created; null when none is. */
  readonly oldestOpenAtTo: Date | null;
}

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
   * Per place path in the range, its cases open at `from` and at `to` (isOpenAt) and of them
   * those overdue then (isOverdueAt): what countOpenCasesByPath gives over every case of the
   * range. Paths with no case open at either end are left out. One read for both ends.
   */
  openCasesByPath(withinPath: string, from: Date, to: Date): Promise<OpenCasesAtPath[]>;
  /**
   * The first `count` cases at exactly these place paths open at `at`, earliest created first,
   * then by number (in code-unit order): what oldestOpenOf gives over those paths' cases.
   */
  oldestOpenAt(placePaths: readonly string[], at: Date, count: number): Promise<SummaryTicket[]>;
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

/** The definition of "open at `at`" that summaries use: someone still had to act then. */
export function isOpenAt(
  ticket: Pick<SummaryTicket, "state" | "createdAt" | "closedAt" | "resolvedAt">,
  at: Date,
): boolean {
  if (ticket.state === "merged" || ticket.createdAt >= at) return false;
  if (ticket.closedAt !== null && ticket.closedAt < at) return false;
  return ticket.resolvedAt === null || ticket.resolvedAt >= at;
}

/** Open at `at` and past the deadline of the clock it runs on (callers check isOpenAt). */
export function isOverdueAt(
  ticket: Pick<SummaryTicket, "state" | "signForDeadline" | "resolveDeadline">,
  at: Date,
): boolean {
  const deadline = currentDeadline(ticket);
  return deadline !== null && deadline < at;
}

/**
 * The definition openCasesByPath answers, over cases read as rows (merged ones are skipped).
 * A repository that counts in its database must give the same (tested on both databases).
 */
export function countOpenCasesByPath(
  tickets: readonly SummaryOpenTicket[],
  from: Date,
  to: Date,
): OpenCasesAtPath[] {
  const byPath = new Map<string, { -readonly [K in keyof OpenCasesAtPath]: OpenCasesAtPath[K] }>();
  for (const ticket of tickets) {
    const atFrom = isOpenAt(ticket, from);
    const atTo = isOpenAt(ticket, to);
    if (!atFrom && !atTo) continue;
    let counts = byPath.get(ticket.placePath);
    if (!counts) {
      counts = {
        placePath: ticket.placePath,
        openAtFrom: 0,
        overdueAtFrom: 0,
        openAtTo: 0,
        overdueAtTo: 0,
        oldestOpenAtTo: null,
      };
      byPath.set(ticket.placePath, counts);
    }
    if (atFrom) {
      counts.openAtFrom++;
      if (isOverdueAt(ticket, from)) counts.overdueAtFrom++;
    }
    if (atTo) {
      counts.openAtTo++;
      if (isOverdueAt(ticket, to)) counts.overdueAtTo++;
      if (counts.oldestOpenAtTo === null || ticket.createdAt < counts.oldestOpenAtTo)
        counts.oldestOpenAtTo = ticket.createdAt;
    }
  }
  return [...byPath.values()];
}

/** The definition oldestOpenAt answers, over cases read as rows. */
export function oldestOpenOf<T extends SummaryTicket>(tickets: readonly T[], at: Date, count: number): T[] {
  return tickets
    .filter((t) => isOpenAt(t, at))
    .sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
    )
    .slice(0, count);
}
