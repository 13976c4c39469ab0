import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { ListRequests } from "../../core/open311/open311";
import { CLOSED_STATES } from "../../core/open311/open311";
import type { Place } from "../../core/places/place";
import type { Ticket, TicketEventType } from "../../core/tickets/ticket";
import type { PrismaClient } from "../generated/client";
import { toPlace } from "./prisma-directory";
import { toTicket, toTicketEvent } from "./ticket-row-mapping";

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly keyPrefix: string;
  readonly personId: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

/** Partners' Open311 keys: only a hash is stored; the key itself is returned once, at creation. */
export class PrismaApiKeys {
  constructor(private readonly prisma: PrismaClient) {}

  /** A new key and the person its reports are filed by (named after the partner). */
  async create(name: string, at: Date): Promise<{ record: ApiKeyRecord; key: string }> {
    const key = `egrid_${randomBytes(24).toString("base64url")}`;
    const id = randomUUID();
    const personId = `p-partner-${id.slice(0, 8)}`;
    const [, row] = await this.prisma.$transaction([
      this.prisma.person.create({ data: { id: personId, name: name.slice(0, 100), createdAt: at } }),
      this.prisma.apiKey.create({
        data: { id, name, keyHash: hashOf(key), keyPrefix: key.slice(0, 12), personId, createdAt: at },
      }),
    ]);
    return { record: row, key };
  }

  /** The active key with this secret, or null (unknown or revoked). */
  async findActive(key: string): Promise<ApiKeyRecord | null> {
    const row = await this.prisma.apiKey.findUnique({ where: { keyHash: hashOf(key) } });
    return row && row.revokedAt === null ? row : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.prisma.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
  }

  async list(): Promise<ApiKeyRecord[]> {
    return this.prisma.apiKey.findMany({ orderBy: { createdAt: "asc" } });
  }

  /** Revoke by id or by the key's prefix; false when no active key matched. */
  async revoke(idOrPrefix: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.apiKey.updateMany({
      where: { OR: [{ id: idOrPrefix }, { keyPrefix: idOrPrefix }], revokedAt: null },
      data: { revokedAt: at },
    });
    return count > 0;
  }
}

/** The place with coordinates nearest a position, within `maxMetres` (a bounding box, then haversine). */
export async function nearestPlace(
  prisma: PrismaClient,
  latitude: number,
  longitude: number,
  maxMetres: number,
): Promise<Place | null> {
  const dLat = maxMetres / 111_320;
  const dLong = maxMetres / (111_320 * Math.max(0.01, Math.cos((latitude * Math.PI) / 180)));
  const rows = await prisma.place.findMany({
    where: {
      latitude: { gte: latitude - dLat, lte: latitude + dLat },
      longitude: { gte: longitude - dLong, lte: longitude + dLong },
    },
  });
  let best: { row: (typeof rows)[number]; metres: number } | null = null;
  for (const row of rows) {
    const metres = haversineMetres(latitude, longitude, row.latitude!, row.longitude!);
    if (metres <= maxMetres && (!best || metres < best.metres)) best = { row, metres };
  }
  return best ? toPlace(best.row) : null;
}

function haversineMetres(lat1: number, long1: number, lat2: number, long2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((long2 - long1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

export interface ListedRequest {
  readonly ticket: Ticket;
  readonly mediaUrl: string | null;
  readonly mergedIntoNumber: string | null;
  readonly departmentName: string | null;
  readonly placeName: string;
  readonly unitName: string | null;
}

/** Service requests: every ticket (not only those made through Open311), newest first. */
export class PrismaOpen311Requests {
  constructor(private readonly prisma: PrismaClient) {}

  async record(input: {
    ticketId: string;
    apiKeyId: string;
    contact: Record<string, string>;
    mediaUrl: string | null;
    at: Date;
  }): Promise<void> {
    await this.prisma.open311Request.upsert({
      where: { ticketId: input.ticketId },
      create: {
        ticketId: input.ticketId,
        apiKeyId: input.apiKeyId,
        contact: JSON.stringify(input.contact),
        mediaUrl: input.mediaUrl,
        createdAt: input.at,
      },
      update: {},
    });
  }

  /** Filtered as GET requests.json says; createdAt within [from, to]. */
  async list(query: ListRequests, window: { from: Date; to: Date }): Promise<ListedRequest[]> {
    const numbers = query.service_request_id
      ?.split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    const rows = await this.prisma.ticket.findMany({
      where: {
        ...(numbers ? { number: { in: numbers } } : { createdAt: { gte: window.from, lte: window.to } }),
        ...(query.service_code ? { categoryCode: query.service_code } : {}),
        ...(query.status === "closed" ? { state: { in: [...CLOSED_STATES] } } : {}),
        ...(query.status === "open" ? { state: { notIn: [...CLOSED_STATES] } } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
    });
    return this.describe(rows.map(toTicket));
  }

  /** Events of these types in [from, to], oldest first, at most `limit`, with their tickets' numbers. */
  async updates(types: readonly TicketEventType[], from: Date, to: Date, limit: number) {
    const rows = await this.prisma.ticketEvent.findMany({
      where: { type: { in: [...types] }, at: { gte: from, lte: to } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: limit,
    });
    const numbers = await this.prisma.ticket.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.ticketId))] } },
      select: { id: true, number: true },
    });
    const numberOf = new Map(numbers.map((t) => [t.id, t.number]));
    return rows.flatMap((row) => {
      const number = numberOf.get(row.ticketId);
      return number ? [{ event: toTicketEvent(row), number }] : [];
    });
  }

  async findByNumber(number: string): Promise<ListedRequest | null> {
    const row = await this.prisma.ticket.findUnique({ where: { number } });
    return row ? ((await this.describe([toTicket(row)]))[0] ?? null) : null;
  }

  private async describe(tickets: readonly Ticket[]): Promise<ListedRequest[]> {
    if (tickets.length === 0) return [];
    const ids = tickets.map((t) => t.id);
    const [media, merged, departments, places] = await Promise.all([
      this.prisma.open311Request.findMany({
        where: { ticketId: { in: ids } },
        select: { ticketId: true, mediaUrl: true },
      }),
      this.prisma.ticket.findMany({
        where: { id: { in: tickets.flatMap((t) => (t.mergedIntoId ? [t.mergedIntoId] : [])) } },
        select: { id: true, number: true },
      }),
      this.prisma.department.findMany({
        where: { id: { in: tickets.flatMap((t) => (t.departmentId ? [t.departmentId] : [])) } },
        select: { id: true, name: true },
      }),
      this.prisma.place.findMany({
        where: {
          id: {
            in: [...new Set(tickets.flatMap((t) => [t.placeId, ...(t.unitPlaceId ? [t.unitPlaceId] : [])]))],
          },
        },
        select: { id: true, name: true },
      }),
    ]);
    const mediaOf = new Map(media.map((m) => [m.ticketId, m.mediaUrl]));
    const numberOf = new Map(merged.map((m) => [m.id, m.number]));
    const departmentOf = new Map(departments.map((d) => [d.id, d.name]));
    const placeOf = new Map(places.map((p) => [p.id, p.name]));
    return tickets.map((ticket) => ({
      ticket,
      mediaUrl: mediaOf.get(ticket.id) ?? null,
      mergedIntoNumber: ticket.mergedIntoId ? (numberOf.get(ticket.mergedIntoId) ?? null) : null,
      departmentName: ticket.departmentId ? (departmentOf.get(ticket.departmentId) ?? null) : null,
      placeName: placeOf.get(ticket.placeId) ?? ticket.placeId,
      unitName: ticket.unitPlaceId ? (placeOf.get(ticket.unitPlaceId) ?? null) : null,
    }));
  }
}
