import type { Place, PlaceLevel } from "../../core/places/place";
import { ACTIVE_STATES, type Ticket, type TicketEvent } from "../../core/tickets/ticket";
import type { PrismaClient } from "../generated/client";
import { toPlace } from "./prisma-directory";
import { PrismaAuditLog } from "./prisma-registry";
import { overdueWhere, pathRange, toTicket, toTicketEvent } from "./ticket-row-mapping";

/** Console logins: password hashes and sessions (the caller hashes; nothing here sees a secret). */
export class PrismaAdminAccounts {
  constructor(private readonly prisma: PrismaClient) {}

  async setPassword(personId: string, passwordHash: string, at: Date): Promise<void> {
    await this.prisma.adminPassword.upsert({
      where: { personId },
      create: { personId, passwordHash, updatedAt: at },
      update: { passwordHash, updatedAt: at },
    });
    // A new password ends every session of the old one.
    await this.prisma.adminSession.deleteMany({ where: { personId } });
  }

  async passwordHashOf(personId: string): Promise<string | null> {
    return (await this.prisma.adminPassword.findUnique({ where: { personId } }))?.passwordHash ?? null;
  }

  async openSession(tokenHash: string, personId: string, at: Date, expiresAt: Date): Promise<void> {
    await this.prisma.adminSession.create({ data: { tokenHash, personId, createdAt: at, expiresAt } });
  }

  async sessionPerson(tokenHash: string, now: Date): Promise<string | null> {
    const row = await this.prisma.adminSession.findUnique({ where: { tokenHash } });
    return row && row.expiresAt > now ? row.personId : null;
  }

  async closeSession(tokenHash: string): Promise<void> {
    await this.prisma.adminSession.deleteMany({ where: { tokenHash } });
  }
}

export interface TicketFilter {
  readonly withinPaths: readonly string[];
  readonly state?: string | undefined;
  readonly category?: string | undefined;
  readonly priority?: string | undefined;
  readonly placePath?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Open and past the deadline of its current clock at `now`. */
  readonly overdueAt?: Date | undefined;
  readonly skip: number;
  readonly take: number;
}

/** What the console reads: places with open and overdue counts, filtered ticket lists, a ticket's timeline. */
export class PrismaAdminQueries {
  constructor(private readonly prisma: PrismaClient) {}

  async placesWithin(path: string, levels: readonly PlaceLevel[]): Promise<Place[]> {
    const rows = await this.prisma.place.findMany({
      where: { path: pathRange(path), level: { in: [...levels] } },
      orderBy: { path: "asc" },
    });
    return rows.map(toPlace);
  }

  /** Open and overdue (at `now`) cases under a place. */
  async counts(path: string, now: Date): Promise<{ open: number; overdue: number }> {
    const within = { placePath: pathRange(path) };
    const [open, overdue] = await Promise.all([
      this.prisma.ticket.count({ where: { ...within, state: { in: [...ACTIVE_STATES] } } }),
      this.prisma.ticket.count({ where: { ...within, ...overdueWhere(now) } }),
    ]);
    return { open, overdue };
  }

  async tickets(filter: TicketFilter): Promise<Ticket[]> {
    const rows = await this.prisma.ticket.findMany({
      where: whereOf(filter),
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      skip: filter.skip,
      take: filter.take,
    });
    return rows.map(toTicket);
  }

  async ticketByNumber(number: string): Promise<{ ticket: Ticket; events: TicketEvent[] } | null> {
    const row = await this.prisma.ticket.findUnique({ where: { number } });
    if (!row) return null;
    const events = await this.prisma.ticketEvent.findMany({
      where: { ticketId: row.id },
      orderBy: { at: "asc" },
    });
    return { ticket: toTicket(row), events: events.map(toTicketEvent) };
  }

  /** The staff (not residents or volunteers) holding a role anywhere under a path: whose reads an admin may review. */
  async staffWithin(path: string): Promise<string[]> {
    const places = await this.prisma.place.findMany({
      where: { path: pathRange(path) },
      select: { id: true },
    });
    const ids = new Set<string>();
    for (let i = 0; i < places.length; i += 500) {
      const grants = await this.prisma.roleGrant.findMany({
        where: {
          placeId: { in: places.slice(i, i + 500).map((p) => p.id) },
          role: {
            in: ["grid_worker", "community_admin", "street_admin", "district_admin", "department_handler"],
          },
        },
        select: { personId: true },
      });
      for (const g of grants) ids.add(g.personId);
    }
    return [...ids];
  }

  /** The audit log's newest entries (see PrismaAuditLog.recent). */
  auditEntries(limit: number, filter: Parameters<PrismaAuditLog["recent"]>[1]) {
    return new PrismaAuditLog(this.prisma).recent(limit, filter);
  }

  async names(personIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.person.findMany({
      where: { id: { in: [...new Set(personIds)] } },
      select: { id: true, name: true },
    });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Whom a case at this place may be reassigned to: the grid workers and admins of the places
   * that contain it (core's reassign accepts no one else).
   */
  async handlersOf(
    placePath: string,
  ): Promise<{ personId: string; name: string; role: string; place: string }[]> {
    const ids = placePath.split("/").filter(Boolean);
    const places = await this.prisma.place.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(places.map((p) => [p.id, p.name]));
    const grants = await this.prisma.roleGrant.findMany({
      where: { role: { in: ["grid_worker", "community_admin", "street_admin"] }, placeId: { in: ids } },
      select: { personId: true, role: true, placeId: true, person: { select: { name: true } } },
    });
    // Nearest first: the grid's worker, then the community's and the street's admins.
    return grants
      .sort((a, b) => ids.indexOf(b.placeId) - ids.indexOf(a.placeId) || a.personId.localeCompare(b.personId))
      .map((g) => ({
        personId: g.personId,
        name: g.person.name,
        role: g.role,
        place: nameOf.get(g.placeId) ?? g.placeId,
      }));
  }
}

function whereOf(filter: TicketFilter) {
  const scope = { OR: filter.withinPaths.map((path) => ({ placePath: pathRange(path) })) };
  return {
    AND: [
      scope,
      ...(filter.placePath ? [{ placePath: pathRange(filter.placePath) }] : []),
      ...(filter.state ? [{ state: filter.state }] : []),
      ...(filter.category ? [{ categoryCode: filter.category }] : []),
      ...(filter.priority ? [{ priority: filter.priority }] : []),
      ...(filter.from ? [{ createdAt: { gte: filter.from } }] : []),
      ...(filter.to ? [{ createdAt: { lt: filter.to } }] : []),
      ...(filter.overdueAt ? [overdueWhere(filter.overdueAt)] : []),
    ],
  };
}
