import type { BookableResource, Booking, BookingDeps } from "./booking";
import { addDays, localDateIn, minuteOfDay, zonedInstant } from "./calendar";
import { parseOpeningHours, windowsOn } from "./opening-hours";

export interface Slot {
  readonly resource: BookableResource;
  readonly start: Date;
  readonly end: Date;
}

/** The resource's open windows on a local date, minus what is booked: [startMinute, endMinute) pairs. */
export async function freeWindows(
  deps: BookingDeps,
  resource: BookableResource,
  date: string,
): Promise<[number, number][]> {
  const hours = parseOpeningHours(resource.hours);
  if (!hours.ok) return [];
  const dayStart = zonedInstant(date, 0, deps.timeZone);
  const dayEnd = zonedInstant(addDays(date, 1), 0, deps.timeZone);
  const booked = await deps.bookings.listForResource(resource.id, dayStart, dayEnd);
  const taken = booked.map((b) => minutesOn(b, date, deps.timeZone));
  const now = deps.clock.now();
  const today = localDateIn(now, deps.timeZone) === date;
  const earliest = today ? roundUp(minuteOfDay(now, deps.timeZone), resource.rules.slotMinutes) : 0;
  const free: [number, number][] = [];
  for (const [open, close] of windowsOn(hours.value, date)) {
    let cursor = Math.max(open, earliest);
    for (const [from, to] of taken.filter(([f, t]) => t > open && f < close).sort((a, b) => a[0] - b[0])) {
      if (from > cursor) free.push([cursor, Math.min(from, close)]);
      cursor = Math.max(cursor, to);
    }
    if (cursor < close) free.push([cursor, close]);
  }
  return free.filter(([from, to]) => to - from >= resource.rules.slotMinutes);
}

/** The earliest free slot of `minutes` on a date between two local minutes (a part of the day). */
export async function firstFreeSlot(
  deps: BookingDeps,
  resource: BookableResource,
  date: string,
  window: { from: number; to: number },
  minutes: number,
): Promise<Slot | null> {
  for (const [from, to] of await freeWindows(deps, resource, date)) {
    const start = Math.max(from, roundUp(window.from, resource.rules.slotMinutes));
    if (start + minutes <= Math.min(to, window.to)) {
      return {
        resource,
        start: zonedInstant(date, start, deps.timeZone),
        end: zonedInstant(date, start + minutes, deps.timeZone),
      };
    }
  }
  return null;
}

/**
 * When the wanted slot is taken: the nearest free times of the same length — earlier or later the
 * same day, the same time on the next days, or another resource of the centre at the same time.
 */
export async function nearestAlternatives(
  deps: BookingDeps,
  wanted: Slot,
  candidates: readonly BookableResource[],
  limit = 3,
): Promise<Slot[]> {
  const minutes = Math.round((wanted.end.getTime() - wanted.start.getTime()) / 60_000);
  const date = localDateIn(wanted.start, deps.timeZone);
  const startMinute = minuteOfDay(wanted.start, deps.timeZone);
  const found: { slot: Slot; distance: number }[] = [];
  // Another room only at the very time asked for: a different room at a different time is
  // rarely what anyone wants.
  const consider = async (
    resource: BookableResource,
    day: string,
    distance: number,
    sameTimeOnly = false,
  ) => {
    for (const [from, to] of await freeWindows(deps, resource, day)) {
      for (let start = from; start + minutes <= to; start += resource.rules.slotMinutes) {
        if (sameTimeOnly && start !== startMinute) continue;
        const shift = Math.abs(start - startMinute);
        found.push({
          slot: {
            resource,
            start: zonedInstant(day, start, deps.timeZone),
            end: zonedInstant(day, start + minutes, deps.timeZone),
          },
          distance: distance + shift,
        });
      }
    }
  };
  await consider(wanted.resource, date, 0);
  for (const other of candidates) {
    if (other.id !== wanted.resource.id && other.kind === wanted.resource.kind)
      await consider(other, date, 15, true);
  }
  for (let day = 1; day <= 7; day++) await consider(wanted.resource, addDays(date, day), day * 24 * 60);
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.distance - b.distance || a.slot.start.getTime() - b.slot.start.getTime())
    .filter(({ slot }) => {
      const key = `${slot.resource.id}@${slot.start.getTime()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit)
    .map(({ slot }) => slot);
}

function minutesOn(booking: Booking, date: string, timeZone: string): [number, number] {
  const startDate = localDateIn(booking.start, timeZone);
  const endDate = localDateIn(booking.end, timeZone);
  const from = startDate < date ? 0 : minuteOfDay(booking.start, timeZone);
  const to = endDate > date ? 1440 : minuteOfDay(booking.end, timeZone);
  return [from, to];
}

function roundUp(minute: number, step: number): number {
  return Math.ceil(minute / step) * step;
}
