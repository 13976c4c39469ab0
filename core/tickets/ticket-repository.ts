import type { Result } from "../shared/result";
import type { Ticket, TicketEvent, TicketState } from "./ticket";

/** A ticket to insert; the repository gives it its number (year + sequence) in the same transaction. */
export type NewTicket = Omit<Ticket, "number" | "version"> & { readonly numberYear: number };

/**
 * Everything one use case changes, committed atomically: new tickets, updated tickets
 * (each only if still at the version it was read at), the events that record it, and followers.
 */
export interface TicketChangeSet {
  readonly creates: readonly NewTicket[];
  readonly updates: readonly TicketUpdate[];
  readonly events: readonly TicketEvent[];
  readonly followers: readonly { readonly ticketId: string; readonly personId: string }[];
}

export interface TicketUpdate {
  readonly ticket: Ticket;
  readonly expectedVersion: number;
  /**
   * The ticket as the caller read it at `expectedVersion`, when it has it: a repository may then
   * tell which columns changed without reading the row again (every write bumps the version, so
   * the row at that version is this).
   */
  readonly before?: Ticket;
}

export interface CommittedTickets {
  /** Created and updated tickets as stored (numbers assigned, versions bumped), by id. */
  readonly tickets: ReadonlyMap<string, Ticket>;
}

export interface DuplicateQuery {
  readonly categoryCode: string;
  /** Tickets whose place lies within this path (a building, or a grid when no building is known). */
  readonly placePath: string;
  readonly createdSince: Date;
  readonly states: readonly TicketState[];
  readonly limit: number;
}

/** What the duplicate check compares: the text, then the chosen one is read whole. */
export interface DuplicateCandidate {
  readonly id: string;
  readonly originalText: string;
}

export interface TicketListQuery {
  readonly reporterId?: string;
  readonly assigneeId?: string;
  readonly withinPath?: string;
  readonly states?: readonly TicketState[];
  readonly limit: number;
}

export interface TicketRepository {
  findById(id: string): Promise<Ticket | null>;
  findByNumber(number: string): Promise<Ticket | null>;
  findBySourceKey(sourceKey: string): Promise<Ticket | null>;
  /** Newest first; only the id and text, since all but the best match are thrown away. */
  findDuplicateCandidates(query: DuplicateQuery): Promise<DuplicateCandidate[]>;
  list(query: TicketListQuery): Promise<Ticket[]>;
  listEvents(ticketId: string): Promise<TicketEvent[]>;
  listFollowers(ticketId: string): Promise<string[]>;
  /** Tickets whose timer is at or before `now`, earliest first; must use the timer's index. */
  findDue(timer: "nudgeDueAt" | "escalateDueAt" | "autoCloseAt", now: Date, limit: number): Promise<Ticket[]>;
  /** Fails with TICKET.CONCURRENT_UPDATE (and writes nothing) when an update's version moved on. */
  commit(changes: TicketChangeSet): Promise<Result<CommittedTickets>>;
  /**
   * `work`'s commits made durable together at its end, where the database gains by it (each
   * commit is still all-or-nothing on its own, and sees the ones before it); if `work` throws,
   * none of them is kept. For many small changes at once, such as a sweep's batch; never around
   * waiting on anything but the database.
   */
  inOneCommit<T>(work: () => Promise<T>): Promise<T>;
}
