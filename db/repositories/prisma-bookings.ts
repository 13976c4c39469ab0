import type {
  BookableBy,
  BookableResource,
  Booking,
  BookingRepository,
  BookingState,
  ServiceCentre,
} from "../../core/bookings/booking";
import { fail, ok, type Result } from "../../core/shared/result";
import type {
  Booking as BookingRow,
  CentreService as CentreServiceRow,
  PrismaClient,
  Room as RoomRow,
} from "../generated/client";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

class SlotTaken extends Error {}

function toBooking(row: BookingRow): Booking {
  const { resourceKind: _kind, ...rest } = row;
  return { ...rest, state: row.state as BookingState };
}

function roomResource(row: RoomRow, hours: string): BookableResource {
  return {
    id: row.id,
    kind: "room",
    centreId: row.centreId,
    name: row.name,
    nameEn: row.nameEn || row.name,
    capacity: row.capacity,
    hours,
    rules: {
      maxMinutes: row.maxMinutes,
      daysAhead: row.daysAhead,
      slotMinutes: row.slotMinutes,
      bookableBy: row.bookableBy as BookableBy,
    },
  };
}

function serviceResource(row: CentreServiceRow): BookableResource {
  return {
    id: row.id,
    kind: "service",
    centreId: row.centreId,
    name: row.name,
    nameEn: row.nameEn || row.name,
    capacity: 1,
    hours: row.schedule,
    // One appointment is one slot.
    rules: {
      maxMinutes: row.slotMinutes,
      daysAhead: row.daysAhead,
      slotMinutes: row.slotMinutes,
      bookableBy: row.bookableBy as BookableBy,
    },
  };
}

/** Rooms, service slots and bookings. Slots are claimed by primary key, never by a read-then-write. */
export class PrismaBookings implements BookingRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async centreFor(placePath: string): Promise<ServiceCentre | null> {
    const ids = placePath.split("/").filter(Boolean);
    const rows = await this.prisma.serviceCentre.findMany({ where: { placeId: { in: ids } } });
    // The deepest place on the path that has a centre serves it.
    const deepest = rows.sort((a, b) => ids.indexOf(b.placeId) - ids.indexOf(a.placeId))[0];
    return deepest ? this.withPath(deepest) : null;
  }

  async getCentre(id: string): Promise<ServiceCentre | null> {
    const row = await this.prisma.serviceCentre.findUnique({ where: { id } });
    return row ? this.withPath(row) : null;
  }

  private async withPath(row: {
    id: string;
    placeId: string;
    name: string;
    address: string;
    openingHours: string;
  }): Promise<ServiceCentre> {
    const place = await this.prisma.place.findUnique({ where: { id: row.placeId }, select: { path: true } });
    return { ...row, placePath: place?.path ?? `/${row.placeId}/` };
  }

  async resourcesOf(centreId: string): Promise<BookableResource[]> {
    const centre = await this.prisma.serviceCentre.findUnique({
      where: { id: centreId },
      include: { rooms: { orderBy: { id: "asc" } }, services: { orderBy: { id: "asc" } } },
    });
    if (!centre) return [];
    return [
      ...centre.rooms.map((room) => roomResource(room, centre.openingHours)),
      ...centre.services.map(serviceResource),
    ];
  }

  async getResource(id: string): Promise<BookableResource | null> {
    const room = await this.prisma.room.findUnique({ where: { id }, include: { centre: true } });
    if (room) return roomResource(room, room.centre.openingHours);
    const service = await this.prisma.centreService.findUnique({ where: { id } });
    return service ? serviceResource(service) : null;
  }

  async findById(id: string): Promise<Booking | null> {
    const row = await this.prisma.booking.findUnique({ where: { id } });
    return row ? toBooking(row) : null;
  }

  async listOf(personId: string, from: Date): Promise<Booking[]> {
    const rows = await this.prisma.booking.findMany({
      where: { personId, state: "confirmed", end: { gt: from } },
      orderBy: { start: "asc" },
      take: 50,
    });
    return rows.map(toBooking);
  }

  async listForResource(resourceId: string, from: Date, to: Date): Promise<Booking[]> {
    const rows = await this.prisma.booking.findMany({
      where: { resourceId, state: "confirmed", start: { lt: to }, end: { gt: from } },
      orderBy: { start: "asc" },
    });
    return rows.map(toBooking);
  }

  async create(booking: Booking, slotStarts: readonly Date[]): Promise<Result<Booking>> {
    return this.claiming(async (tx) => {
      await this.insert(tx, booking, slotStarts);
      return booking;
    });
  }

  async move(from: Booking, to: Booking, slotStarts: readonly Date[]): Promise<Result<Booking>> {
    return this.claiming(async (tx) => {
      await tx.bookingSlot.deleteMany({ where: { bookingId: from.id } });
      await tx.booking.update({
        where: { id: from.id },
        data: { state: "cancelled", cancelledAt: to.createdAt, remindAt: null },
      });
      await this.insert(tx, to, slotStarts);
      return to;
    });
  }

  async cancel(id: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.bookingSlot.deleteMany({ where: { bookingId: id } });
      await tx.booking.update({
        where: { id },
        data: { state: "cancelled", cancelledAt: at, remindAt: null },
      });
    });
  }

  async dueReminders(now: Date, limit: number): Promise<Booking[]> {
    const rows = await this.prisma.booking.findMany({
      where: { remindAt: { lte: now }, remindedAt: null, state: "confirmed" },
      orderBy: { remindAt: "asc" },
      take: limit,
    });
    return rows.map(toBooking);
  }

  async markReminded(id: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.booking.update({ where: { id }, data: { remindedAt: at } });
    });
  }

  private async insert(tx: Tx, booking: Booking, slotStarts: readonly Date[]): Promise<void> {
    const resource = await tx.room.findUnique({ where: { id: booking.resourceId }, select: { id: true } });
    await tx.booking.create({ data: { ...booking, resourceKind: resource ? "room" : "service" } });
    for (const slotStart of slotStarts) {
      const claimed = await tx.$executeRaw`
        INSERT INTO "BookingSlot" ("resourceId", "slotStart", "bookingId")
        VALUES (${booking.resourceId}, ${slotStart}, ${booking.id})
        ON CONFLICT ("resourceId", "slotStart") DO NOTHING`;
      if (claimed === 0) throw new SlotTaken();
    }
  }

  /** Run a claim in a transaction; a taken slot rolls everything back and answers SLOT_TAKEN. */
  private async claiming(work: (tx: Tx) => Promise<Booking>): Promise<Result<Booking>> {
    try {
      return ok(await this.prisma.$transaction(work));
    } catch (error) {
      if (error instanceof SlotTaken) return fail("BOOKING.SLOT_TAKEN");
      throw error;
    }
  }
}
