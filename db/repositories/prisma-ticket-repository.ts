import { fail, ok, type Result } from "../../core/shared/result";
import { formatTicketNumber, type Ticket } from "../../core/tickets/ticket";
import type {
  CommittedTickets,
  DuplicateQuery,
  TicketChangeSet,
  TicketListQuery,
  TicketRepository,
} from "../../core/tickets/ticket-repository";
import type { PrismaClient } from "../generated/client";
import { pathRange, toTicket, toTicketEvent, toTicketEventRow, toTicketRow } from "./ticket-row-mapping";

class ConcurrentUpdate extends Error {
  constructor(readonly ticketId: string) {
    super(`ticket ${ticketId} changed since it was read`);
  }
}

export class PrismaTicketRepository implements TicketRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findById(id: string) {
    const row = await this.prisma.ticket.findUnique({ where: { id } });
    return row ? toTicket(row) : null;
  }

  async findByNumber(number: string) {
    const row = await this.prisma.ticket.findUnique({ where: { number } });
    return row ? toTicket(row) : null;
  }

  async findBySourceKey(sourceKey: string) {
    const row = await this.prisma.ticket.findUnique({ where: { sourceKey } });
    return row ? toTicket(row) : null;
  }

  async findDuplicateCandidates(query: DuplicateQuery) {
    const rows = await this.prisma.ticket.findMany({
      where: {
        categoryCode: query.categoryCode,
        placePath: pathRange(query.placePath),
        createdAt: { gte: query.createdSince },
        state: { in: [...query.states] },
      },
      orderBy: { createdAt: "desc" },
      take: query.limit,
      select: { id: true, originalText: true },
    });
    return rows;
  }

  async list(query: TicketListQuery) {
    const rows = await this.prisma.ticket.findMany({
      where: {
        reporterId: query.reporterId,
        assigneeId: query.assigneeId,
        placePath: query.withinPath ? pathRange(query.withinPath) : undefined,
        state: query.states ? { in: [...query.states] } : undefined,
      },
      orderBy: { createdAt: "desc" },
      take: query.limit,
    });
    return rows.map(toTicket);
  }

  async listEvents(ticketId: string) {
    const rows = await this.prisma.ticketEvent.findMany({
      where: { ticketId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    return rows.map(toTicketEvent);
  }

  async listFollowers(ticketId: string) {
    const rows = await this.prisma.ticketFollower.findMany({
      where: { ticketId },
      select: { personId: true },
    });
    return rows.map((row) => row.personId);
  }

  async findDue(timer: "nudgeDueAt" | "escalateDueAt" | "autoCloseAt", now: Date, limit: number) {
    const rows = await this.prisma.ticket.findMany({
      where: { [timer]: { lte: now } },
      orderBy: { [timer]: "asc" },
      take: limit,
    });
    return rows.map(toTicket);
  }

  /** Each commit on its own: PostgreSQL commits cheaply, and an interactive transaction would hold a connection. */
  inOneCommit<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async commit(changes: TicketChangeSet): Promise<Result<CommittedTickets>> {
    try {
      const stored = await this.prisma.$transaction(async (tx) => {
        const result = new Map<string, Ticket>();
        for (const { ticket, expectedVersion } of changes.updates) {
          const { id, version: _version, ...fields } = toTicketRow(ticket);
          const updated = await tx.ticket.updateMany({
            where: { id, version: expectedVersion },
            data: { ...fields, version: expectedVersion + 1 },
          });
          if (updated.count !== 1) throw new ConcurrentUpdate(id);
          result.set(id, { ...ticket, version: expectedVersion + 1 });
        }
        for (const draft of changes.creates) {
          const { numberYear, ...rest } = draft;
          const counter = await tx.ticketCounter.upsert({
            where: { year: numberYear },
            create: { year: numberYear, last: 1 },
            update: { last: { increment: 1 } },
          });
          const ticket: Ticket = {
            ...rest,
            number: formatTicketNumber(numberYear, counter.last),
            version: 1,
          };
          await tx.ticket.create({ data: toTicketRow(ticket) });
          result.set(ticket.id, ticket);
        }
        if (changes.events.length > 0) {
          await tx.ticketEvent.createMany({ data: changes.events.map(toTicketEventRow) });
        }
        for (const follower of changes.followers) {
          await tx.ticketFollower.upsert({
            where: { ticketId_personId: follower },
            create: follower,
            update: {},
          });
        }
        return result;
      });
      return ok({ tickets: stored });
    } catch (error) {
      if (error instanceof ConcurrentUpdate)
        return fail("TICKET.CONCURRENT_UPDATE", { ticketId: error.ticketId });
      throw error;
    }
  }
}
