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

/** The calendar year at `at` in an IANA time zone (ticket numbers follow the deployment's year). */
export function yearIn(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric" }).format(at));
}
