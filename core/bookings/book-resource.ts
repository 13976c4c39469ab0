import type { Person } from "../people/person";
import { isWithin } from "../places/place";
import { addMinutes } from "../shared/clock";
import { fail, ok, type Result } from "../shared/result";
import type { BookableResource, Booking, BookingDeps, ServiceCentre } from "./booking";
import { localDateIn, minuteOfDay } from "./calendar";
import { isOpen, parseOpeningHours } from "./opening-hours";

const STAFF = ["grid_worker", "community_admin", "street_admin", "district_admin"];

export interface BookingRequest {
  readonly person: Person;
  readonly resourceId: string;
  readonly start: Date;
  readonly end: Date;
  readonly people?: number | null;
}

function mayBook(person: Person, resource: BookableResource, centre: ServiceCentre): boolean {
  // Staff above the centre (street, district) or inside its community (its grid workers).
  const staff = person.grants.some(
    (g) =>
      STAFF.includes(g.role) &&
      (isWithin(centre.placePath, g.placePath) || isWithin(g.placePath, centre.placePath)),
  );
  if (resource.rules.bookableBy === "staff") return staff;
  if (resource.rules.bookableBy === "anyone") return true;
  // Residents of the centre's community (their home grant lies inside it), and its staff.
  return staff || person.grants.some((g) => isWithin(g.placePath, centre.placePath));
}

/** Every rule of the resource, checked in the order a person would want to hear about them. */
async function checkRequest(
  deps: BookingDeps,
  request: BookingRequest,
): Promise<Result<{ resource: BookableResource; slotStarts: Date[] }>> {
  const resource = await deps.bookings.getResource(request.resourceId);
  const centre = resource ? await deps.bookings.getCentre(resource.centreId) : null;
  if (!resource || !centre) return fail("BOOKING.NOT_FOUND", { resourceId: request.resourceId });
  if (!mayBook(request.person, resource, centre))
    return fail("BOOKING.NOT_ALLOWED", { resource: resource.name });
  const { start, end } = request;
  const now = deps.clock.now();
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
  const { rules } = resource;
  if (start.getTime() < now.getTime()) return fail("BOOKING.IN_PAST");
  if (start.getTime() > addMinutes(now, rules.daysAhead * 24 * 60).getTime()) {
    return fail("BOOKING.TOO_FAR_AHEAD", { days: rules.daysAhead });
  }
  if (minutes <= 0 || minutes > rules.maxMinutes)
    return fail("BOOKING.TOO_LONG", { maxMinutes: rules.maxMinutes });
  const date = localDateIn(start, deps.timeZone);
  const from = minuteOfDay(start, deps.timeZone);
  if (from % rules.slotMinutes !== 0 || minutes % rules.slotMinutes !== 0) {
    return fail("BOOKING.BAD_TIME", { slotMinutes: rules.slotMinutes });
  }
  const hours = parseOpeningHours(resource.hours);
  if (!hours.ok) return hours;
  if (localDateIn(end, deps.timeZone) !== date && minuteOfDay(end, deps.timeZone) !== 0)
    return fail("BOOKING.CLOSED");
  if (!isOpen(hours.value, date, from, from + minutes))
    return fail("BOOKING.CLOSED", { hours: resource.hours });
  if (request.people && request.people > resource.capacity) {
    return fail("BOOKING.TOO_MANY_PEOPLE", { capacity: resource.capacity });
  }
  const slotStarts: Date[] = [];
  for (let offset = 0; offset < minutes; offset += rules.slotMinutes)
    slotStarts.push(addMinutes(start, offset));
  return ok({ resource, slotStarts });
}

function remindAt(deps: BookingDeps, start: Date): Date | null {
  const at = addMinutes(start, -deps.reminderMinutes);
  // Booked for the next hour: there is nothing to remind of.
  return at.getTime() > deps.clock.now().getTime() ? at : null;
}

/** Book a room or a service slot; BOOKING.SLOT_TAKEN when someone holds any part of it. */
export async function bookResource(deps: BookingDeps, request: BookingRequest): Promise<Result<Booking>> {
  const checked = await checkRequest(deps, request);
  if (!checked.ok) return checked;
  const now = deps.clock.now();
  const booking: Booking = {
    id: deps.ids.next(),
    resourceId: checked.value.resource.id,
    centreId: checked.value.resource.centreId,
    personId: request.person.id,
    start: request.start,
    end: request.end,
    people: request.people ?? null,
    state: "confirmed",
    createdAt: now,
    cancelledAt: null,
    remindAt: remindAt(deps, request.start),
    remindedAt: null,
  };
  return deps.bookings.create(booking, checked.value.slotStarts);
}

async function loadOwn(deps: BookingDeps, bookingId: string, person: Person): Promise<Result<Booking>> {
  const booking = await deps.bookings.findById(bookingId);
  if (booking?.state !== "confirmed") return fail("BOOKING.NOT_FOUND", { bookingId });
  if (booking.personId === person.id) return ok(booking);
  const centre = await deps.bookings.getCentre(booking.centreId);
  const admin = person.grants.some(
    (g) =>
      g.role !== "resident" && g.role !== "volunteer" && centre && isWithin(centre.placePath, g.placePath),
  );
  return admin ? ok(booking) : fail("BOOKING.NOT_ALLOWED");
}

/** Move a booking to another time (or resource): the new slots are claimed before the old are let go. */
export async function moveBooking(
  deps: BookingDeps,
  input: { bookingId: string; person: Person; start: Date; end: Date; resourceId?: string },
): Promise<Result<Booking>> {
  const own = await loadOwn(deps, input.bookingId, input.person);
  if (!own.ok) return own;
  const checked = await checkRequest(deps, {
    person: input.person,
    resourceId: input.resourceId ?? own.value.resourceId,
    start: input.start,
    end: input.end,
    people: own.value.people,
  });
  if (!checked.ok) return checked;
  const next: Booking = {
    ...own.value,
    id: deps.ids.next(),
    resourceId: checked.value.resource.id,
    centreId: checked.value.resource.centreId,
    start: input.start,
    end: input.end,
    createdAt: deps.clock.now(),
    remindAt: remindAt(deps, input.start),
    remindedAt: null,
  };
  return deps.bookings.move(own.value, next, checked.value.slotStarts);
}

export async function cancelBooking(
  deps: BookingDeps,
  input: { bookingId: string; person: Person },
): Promise<Result<Booking>> {
  const own = await loadOwn(deps, input.bookingId, input.person);
  if (!own.ok) return own;
  const at = deps.clock.now();
  await deps.bookings.cancel(own.value.id, at);
  return ok({ ...own.value, state: "cancelled", cancelledAt: at, remindAt: null });
}

/** Bookings whose reminder is due: marked as reminded here, so each reminder goes out once. */
export async function dueBookingReminders(deps: BookingDeps, limit = 200): Promise<Booking[]> {
  const now = deps.clock.now();
  const due = await deps.bookings.dueReminders(now, limit);
  for (const booking of due) await deps.bookings.markReminded(booking.id, now);
  return due;
}
