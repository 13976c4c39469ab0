import { randomUUID } from "node:crypto";
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import type { Role } from "../../core/people/person";
import type { SummaryDeliveryKey, SummaryDeliveryStore } from "../../core/summaries/summary-delivery";
import {
  countOpenCasesByPath,
  type SummaryEvent,
  type SummaryOpenTicket,
  type SummaryRepository,
  type SummaryTicket,
} from "../../core/summaries/summary-repository";
import type { TicketEventType, TicketState } from "../../core/tickets/ticket";
import type { PrismaClient } from "../generated/client";
import { chunks } from "./chunks";
import { UNFINISHED_STATES } from "./summary-sql";
import { pathRange } from "./ticket-row-mapping";

const TICKET_COLUMNS = {
  id: true,
  number: true,
  state: true,
  placeId: true,
  placePath: true,
  categoryCode: true,
  createdAt: true,
  resolvedAt: true,
  closedAt: true,
  signForDeadline: true,
  resolveDeadline: true,
  rating: true,
  assigneeId: true,
} as const;

/** SummaryOpenTicket's columns: tens of thousands of rows for a street. */
const OPEN_COLUMNS = {
  id: true,
  state: true,
  placePath: true,
  createdAt: true,
  resolvedAt: true,
  closedAt: true,
  signForDeadline: true,
  resolveDeadline: true,
} as const;

type Row = Omit<SummaryTicket, "state"> & { state: string };
const toSummaryTicket = (row: Row): SummaryTicket => ({ ...row, state: row.state as TicketState });

/**
 * Summary queries, each a range scan on an index: (placePath) or (createdAt) for new cases,
 * (closedAt) for closed ones, (state, placePath) for open ones, (type, at) and (ticketId, at)
 * for events. Returns plain rows; the figures are computed in core.
 */
export class PrismaSummaryRepository implements SummaryRepository {
  constructor(protected readonly prisma: PrismaClient) {}

  async ticketsCreated(withinPath: string, from: Date, to: Date) {
    const rows = await this.prisma.ticket.findMany({
      where: { placePath: pathRange(withinPath), createdAt: { gte: from, lt: to }, state: { not: "merged" } },
      select: TICKET_COLUMNS,
    });
    return rows.map(toSummaryTicket);
  }

  async ticketsClosed(withinPath: string, from: Date, to: Date) {
    const rows = await this.prisma.ticket.findMany({
      where: { closedAt: { gte: from, lt: to }, state: "closed", placePath: pathRange(withinPath) },
      select: TICKET_COLUMNS,
    });
    return rows.map(toSummaryTicket);
  }

  /** From the rows, with core's definitions (PostgreSQL counts in SQL: postgres-summary.ts). */
  async openCasesByPath(withinPath: string, from: Date, to: Date) {
    // Open at `from` or `to` means unfinished now, or finished (closed, cancelled) since `from`.
    const unfinished = await this.prisma.ticket.findMany({
      where: {
        state: { in: [...UNFINISHED_STATES] },
        placePath: pathRange(withinPath),
        createdAt: { lt: to },
      },
      select: OPEN_COLUMNS,
    });
    const finishedSince = await this.prisma.ticket.findMany({
      where: {
        closedAt: { gte: from },
        state: { in: ["closed", "cancelled"] },
        placePath: pathRange(withinPath),
        createdAt: { lt: to },
      },
      select: OPEN_COLUMNS,
    });
    const rows = [...unfinished, ...finishedSince].map(
      (row): SummaryOpenTicket => ({ ...row, state: row.state as TicketState }),
    );
    return countOpenCasesByPath(rows, from, to);
  }

  /** Portable, but on PostgreSQL this shape walks the table (postgres-summary.ts does not). */
  async oldestOpenAt(placePaths: readonly string[], at: Date, count: number) {
    if (placePaths.length === 0 || count === 0) return [];
    const rows = await this.prisma.ticket.findMany({
      where: {
        placePath: { in: [...placePaths] },
        state: { not: "merged" },
        createdAt: { lt: at },
        AND: [
          { OR: [{ closedAt: null }, { closedAt: { gte: at } }] },
          { OR: [{ resolvedAt: null }, { resolvedAt: { gte: at } }] },
        ],
      },
      select: TICKET_COLUMNS,
      orderBy: [{ createdAt: "asc" }, { number: "asc" }],
      take: count,
    });
    return rows.map(toSummaryTicket);
  }

  async ticketsByIds(ids: readonly string[]) {
    const out: SummaryTicket[] = [];
    for (const part of chunks(ids)) {
      const rows = await this.prisma.ticket.findMany({ where: { id: { in: part } }, select: TICKET_COLUMNS });
      out.push(...rows.map(toSummaryTicket));
    }
    return out;
  }

  async eventsBetween(withinPath: string, types: readonly TicketEventType[], from: Date, to: Date) {
    const events = await this.prisma.ticketEvent.findMany({
      where: { type: { in: [...types] }, at: { gte: from, lt: to } },
      select: { ticketId: true, type: true, at: true, actorId: true, data: true },
      orderBy: { at: "asc" },
    });
    // Events carry no place: keep those whose ticket lies in the range.
    const inScope = new Set<string>();
    for (const part of chunks([...new Set(events.map((e) => e.ticketId))])) {
      const rows = await this.prisma.ticket.findMany({
        where: { id: { in: part }, placePath: pathRange(withinPath) },
        select: { id: true },
      });
      for (const row of rows) inScope.add(row.id);
    }
    return events.filter((e) => inScope.has(e.ticketId)).map(toSummaryEvent);
  }

  async eventsOfTickets(ticketIds: readonly string[], types: readonly TicketEventType[], before: Date) {
    const out: SummaryEvent[] = [];
    for (const part of chunks(ticketIds)) {
      // By ticket (its timeline index) and filtered here: a type filter in SQL would tempt SQLite
      // onto the (type, at) index and through every such event ever written.
      const rows = await this.prisma.ticketEvent.findMany({
        where: { ticketId: { in: part }, at: { lt: before } },
        select: { ticketId: true, type: true, at: true, actorId: true, data: true },
      });
      out.push(...rows.filter((row) => types.includes(row.type as TicketEventType)).map(toSummaryEvent));
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

export function toSummaryEvent(row: {
  ticketId: string;
  type: string;
  at: Date;
  actorId: string | null;
  data: string | null;
}): SummaryEvent {
  return {
    ticketId: row.ticketId,
    type: row.type as TicketEventType,
    at: row.at,
    actorId: row.actorId,
    data: row.data ? (JSON.parse(row.data) as SummaryEvent["data"]) : null,
  };
}

/** Deliveries of summaries: the unique (person, scope, period) row and the outbox rows, in one transaction. */
export class PrismaSummaryDeliveries implements SummaryDeliveryStore {
  constructor(private readonly prisma: PrismaClient) {}

  async recipients(roles: readonly string[]) {
    const grants = await this.prisma.roleGrant.findMany({
      where: { role: { in: [...roles] } },
      select: { personId: true, role: true, placeId: true },
      orderBy: [{ personId: "asc" }, { placeId: "asc" }],
    });
    return grants.map((g) => ({ personId: g.personId, role: g.role as Role, placeId: g.placeId }));
  }

  async delivered(keys: readonly SummaryDeliveryKey[]) {
    const found: SummaryDeliveryKey[] = [];
    for (const key of keys) {
      const row = await this.prisma.summaryDelivery.findUnique({
        where: { personId_scopePlaceId_periodKey: key },
        select: { id: true },
      });
      if (row) found.push(key);
    }
    return found;
  }

  async queueOnce(key: SummaryDeliveryKey, messages: readonly OutboundMessage[], at: Date) {
    return this.prisma.$transaction(async (tx) => {
      // INSERT … ON CONFLICT DO NOTHING: whoever inserts the row queues the messages; a second
      // run, or another instance at the same moment, inserts nothing and queues nothing.
      const inserted = await tx.$executeRaw`
        INSERT INTO "SummaryDelivery" ("id", "personId", "scopePlaceId", "periodKey", "createdAt")
        VALUES (${randomUUID()}, ${key.personId}, ${key.scopePlaceId}, ${key.periodKey}, ${at})
        ON CONFLICT ("personId", "scopePlaceId", "periodKey") DO NOTHING`;
      if (inserted === 0) return false;
      if (messages.length > 0) {
        await tx.outboxMessage.createMany({
          data: messages.map((message) => ({
            id: randomUUID(),
            channel: message.channel,
            chatId: message.chatId,
            payload: JSON.stringify(message),
            ticketId: message.ticketId ?? null,
            causedBy: `summary:${key.periodKey}`,
            status: "pending",
            attempts: 0,
            nextAttemptAt: at,
            createdAt: at,
          })),
        });
      }
      return true;
    });
  }
}
