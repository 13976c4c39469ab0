import { isWithin } from "../places/place";
import {
  countOpenCasesByPath,
  oldestOpenOf,
  type SummaryRepository,
  type SummaryTicket,
} from "../summaries/summary-repository";
import type { TicketEventType } from "../tickets/ticket";
import type { InMemoryTicketRepository } from "./in-memory-ticket-repository";

/** The SummaryRepository contract over an in-memory ticket store (the same figures run on SQLite). */
export class InMemorySummaryRepository implements SummaryRepository {
  constructor(readonly store: InMemoryTicketRepository) {}

  private cases(withinPath: string): SummaryTicket[] {
    return [...this.store.tickets.values()].filter(
      (t) => t.state !== "merged" && isWithin(t.placePath, withinPath),
    );
  }

  async ticketsCreated(withinPath: string, from: Date, to: Date) {
    return this.cases(withinPath).filter((t) => t.createdAt >= from && t.createdAt < to);
  }

  async ticketsClosed(withinPath: string, from: Date, to: Date) {
    return this.cases(withinPath).filter(
      (t) => t.state === "closed" && t.closedAt !== null && t.closedAt >= from && t.closedAt < to,
    );
  }

  async openCasesByPath(withinPath: string, from: Date, to: Date) {
    return countOpenCasesByPath(this.cases(withinPath), from, to);
  }

  async oldestOpenAt(placePaths: readonly string[], at: Date, count: number) {
    const cases = [...this.store.tickets.values()].filter(
      (t) => t.state !== "merged" && placePaths.includes(t.placePath),
    );
    return oldestOpenOf(cases, at, count);
  }

  async ticketsByIds(ids: readonly string[]) {
    return ids.map((id) => this.store.tickets.get(id)).filter((t) => t !== undefined);
  }

  async eventsBetween(withinPath: string, types: readonly TicketEventType[], from: Date, to: Date) {
    return this.store.events.filter((e) => {
      const ticket = this.store.tickets.get(e.ticketId);
      return (
        ticket !== undefined &&
        isWithin(ticket.placePath, withinPath) &&
        types.includes(e.type) &&
        e.at >= from &&
        e.at < to
      );
    });
  }

  async eventsOfTickets(ticketIds: readonly string[], types: readonly TicketEventType[], before: Date) {
    return this.store.events
      .filter((e) => ticketIds.includes(e.ticketId) && types.includes(e.type) && e.at < before)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}
