import { isWithin } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import { formatTicketNumber, type Ticket, type TicketEvent } from "../tickets/ticket";
import type {
  CommittedTickets,
  DuplicateQuery,
  TicketChangeSet,
  TicketListQuery,
  TicketRepository,
} from "../tickets/ticket-repository";

/** The TicketRepository contract in memory, for tests of core (the same contract tests run on SQLite). */
export class InMemoryTicketRepository implements TicketRepository {
  readonly tickets = new Map<string, Ticket>();
  readonly events: TicketEvent[] = [];
  readonly followers = new Map<string, Set<string>>();
  private readonly sequences = new Map<number, number>();
  /** Rows examined by findDue, so tests can show the sweep reads only what is due. */
  rowsReadByFindDue = 0;

  async findById(id: string) {
    return this.tickets.get(id) ?? null;
  }

  async findByNumber(number: string) {
    for (const ticket of this.tickets.values()) if (ticket.number === number) return ticket;
    return null;
  }

  async findBySourceKey(sourceKey: string) {
    for (const ticket of this.tickets.values()) if (ticket.sourceKey === sourceKey) return ticket;
    return null;
  }

  async findDuplicateCandidates(query: DuplicateQuery) {
    return [...this.tickets.values()]
      .filter(
        (t) =>
          t.categoryCode === query.categoryCode &&
          isWithin(t.placePath, query.placePath) &&
          t.createdAt >= query.createdSince &&
          query.states.includes(t.state),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, query.limit)
      .map((t) => ({ id: t.id, originalText: t.originalText }));
  }

  async list(query: TicketListQuery) {
    return [...this.tickets.values()]
      .filter(
        (t) =>
          (query.reporterId === undefined || t.reporterId === query.reporterId) &&
          (query.assigneeId === undefined || t.assigneeId === query.assigneeId) &&
          (query.withinPath === undefined || isWithin(t.placePath, query.withinPath)) &&
          (query.states === undefined || query.states.includes(t.state)),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, query.limit);
  }

  async listEvents(ticketId: string) {
    return this.events.filter((e) => e.ticketId === ticketId);
  }

  async listFollowers(ticketId: string) {
    return [...(this.followers.get(ticketId) ?? [])];
  }

  async findDue(timer: "nudgeDueAt" | "escalateDueAt" | "autoCloseAt", now: Date, limit: number) {
    const due: Ticket[] = [];
    for (const ticket of this.tickets.values()) {
      this.rowsReadByFindDue++;
      const at = ticket[timer];
      if (at && at <= now) due.push(ticket);
    }
    return due.sort((a, b) => a[timer]!.getTime() - b[timer]!.getTime()).slice(0, limit);
  }

  /** As a database would: what `work` committed is undone if it throws. */
  async inOneCommit<T>(work: () => Promise<T>): Promise<T> {
    const tickets = new Map(this.tickets);
    const events = this.events.length;
    const followers = new Map([...this.followers].map(([id, set]) => [id, new Set(set)]));
    const sequences = new Map(this.sequences);
    try {
      return await work();
    } catch (error) {
      this.tickets.clear();
      for (const [id, ticket] of tickets) this.tickets.set(id, ticket);
      this.events.length = events;
      this.followers.clear();
      for (const [id, set] of followers) this.followers.set(id, set);
      this.sequences.clear();
      for (const [year, last] of sequences) this.sequences.set(year, last);
      throw error;
    }
  }

  async commit(changes: TicketChangeSet): Promise<Result<CommittedTickets>> {
    for (const { ticket, expectedVersion } of changes.updates) {
      if (this.tickets.get(ticket.id)?.version !== expectedVersion) {
        return fail("TICKET.CONCURRENT_UPDATE", { ticketId: ticket.id });
      }
    }
    const stored = new Map<string, Ticket>();
    for (const draft of changes.creates) {
      const sequence = (this.sequences.get(draft.numberYear) ?? 0) + 1;
      this.sequences.set(draft.numberYear, sequence);
      const { numberYear, ...rest } = draft;
      const ticket: Ticket = { ...rest, number: formatTicketNumber(numberYear, sequence), version: 1 };
      this.tickets.set(ticket.id, ticket);
      stored.set(ticket.id, ticket);
    }
    for (const { ticket } of changes.updates) {
      const next = { ...ticket, version: ticket.version + 1 };
      this.tickets.set(ticket.id, next);
      stored.set(ticket.id, next);
    }
    this.events.push(...changes.events);
    for (const { ticketId, personId } of changes.followers) {
      const set = this.followers.get(ticketId) ?? new Set<string>();
      set.add(personId);
      this.followers.set(ticketId, set);
    }
    return ok({ tickets: stored });
  }
}
