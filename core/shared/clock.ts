import { dateTimeFormat } from "./date-formats";
/** Time is always injected: core never reads the system clock itself. */
export interface Clock {
  now(): Date;
}

export function fixedClock(
  at: Date,
): Clock & { set(next: Date): void; advanceMinutes(minutes: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
    advanceMinutes(minutes) {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}

/** Minutes since local midnight at `at` in an IANA time zone. */
export function minuteOfDayIn(at: Date, timeZone: string): number {
  const parts = dateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

/** Quiet hours as local minutes of the day; the window may cross midnight (22:00–07:00). */
export interface QuietHours {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** When quiet hours end, if `at` falls inside them; null otherwise. */
export function quietUntil(at: Date, timeZone: string, quiet: QuietHours): Date | null {
  const now = minuteOfDayIn(at, timeZone);
  const { startMinute: start, endMinute: end } = quiet;
  const inside = start <= end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const wait = (end - now + 1440) % 1440;
  const startOfMinute = new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
  return addMinutes(startOfMinute, wait);
}

/** The calendar year at `at` in an IANA time zone (ticket numbers follow the deployment's year). */
export function yearIn(at: Date, timeZone: string): number {
  return Number(dateTimeFormat("en-CA", { timeZone, year: "numeric" }).format(at));
}
