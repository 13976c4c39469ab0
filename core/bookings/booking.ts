import type { Clock } from "../shared/clock";
import type { IdGenerator } from "../shared/ids";
import type { Result } from "../shared/result";

/** Who may book a resource: anyone known to the bot, residents of the centre's community, or staff only. */
export type BookableBy = "anyone" | "residents" | "staff";

export interface BookingRules {
  /** The longest single booking. */
  readonly maxMinutes: number;
  /** How far ahead a booking may start. */
  readonly daysAhead: number;
  /** Bookings start and end on this grid (30: 19:00, 19:30…). */
  readonly slotMinutes: number;
  readonly bookableBy: BookableBy;
}

export interface ServiceCentre {
  readonly id: string;
  readonly placeId: string;
  readonly placePath: string;
  readonly name: string;
  readonly address: string;
  /** As written by the admin: "08:30-21:00" or "mon-fri 08:30-21:00; sat 09:00-12:00". */
  readonly openingHours: string;
}

/** A room of a centre, or a service with appointment slots there (法律咨询, 上门助浴). */
export interface BookableResource {
  readonly id: string;
  readonly kind: "room" | "service";
  readonly centreId: string;
  readonly name: string;
  readonly nameEn: string;
  /** People a room holds; 1 for a service. */
  readonly capacity: number;
  readonly rules: BookingRules;
  /** When it can be booked: a room follows its centre's opening hours, a service its own schedule. */
  readonly hours: string;
}

export type BookingState = "confirmed" | "cancelled";

export interface Booking {
  readonly id: string;
  readonly resourceId: string;
  readonly centreId: string;
  readonly personId: string;
  readonly start: Date;
  readonly end: Date;
  readonly people: number | null;
  readonly state: BookingState;
  readonly createdAt: Date;
  readonly cancelledAt: Date | null;
  /** When to remind the person; null once there is nothing to remind of. */
  readonly remindAt: Date | null;
  readonly remindedAt: Date | null;
}

export interface BookingRepository {
  /** The centre serving a place: the one whose place is the deepest ancestor of (or equal to) it. */
  centreFor(placePath: string): Promise<ServiceCentre | null>;
  getCentre(id: string): Promise<ServiceCentre | null>;
  resourcesOf(centreId: string): Promise<BookableResource[]>;
  getResource(id: string): Promise<BookableResource | null>;
  findById(id: string): Promise<Booking | null>;
  /** A person's confirmed bookings ending after `from`, soonest first. */
  listOf(personId: string, from: Date): Promise<Booking[]>;
  /** Confirmed bookings of a resource overlapping [from, to). */
  listForResource(resourceId: string, from: Date, to: Date): Promise<Booking[]>;
  /**
   * Insert the booking and claim each of its slots. A slot already claimed fails the whole
   * insert with BOOKING.SLOT_TAKEN and writes nothing: the database's unique key, not a read
   * before the write, is what stops a double booking.
   */
  create(booking: Booking, slotStarts: readonly Date[]): Promise<Result<Booking>>;
  /** Release the old booking's slots and claim the new ones in one transaction (SLOT_TAKEN keeps the old). */
  move(from: Booking, to: Booking, slotStarts: readonly Date[]): Promise<Result<Booking>>;
  /** Mark cancelled and release its slots. */
  cancel(id: string, at: Date): Promise<void>;
  dueReminders(now: Date, limit: number): Promise<Booking[]>;
  markReminded(id: string, at: Date): Promise<void>;
}

export interface BookingDeps {
  readonly bookings: BookingRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly timeZone: string;
  /** Remind this long before a booking starts. */
  readonly reminderMinutes: number;
}
