/** Wall-clock time in an IANA zone ↔ instants, without a date library (Intl only). */
import { dateTimeFormat } from "./date-formats";

export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The wall clock at `at` in a time zone. */
export function wallTimeIn(at: Date, timeZone: string): WallTime {
  const parts = dateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

function offsetMs(at: Date, timeZone: string): number {
  const wall = wallTimeIn(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The instant a wall-clock time happens in a zone (the later reading when DST makes it twice). */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - offsetMs(new Date(guess), timeZone);
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** [start, end) of the calendar month containing `at`, in a zone; `label` is "2026-11". */
export function monthIn(at: Date, timeZone: string): { from: Date; to: Date; label: string } {
  const { year, month } = wallTimeIn(at, timeZone);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    from: instantOf({ year, month, day: 1, hour: 0, minute: 0 }, timeZone),
    to: instantOf({ ...next, day: 1, hour: 0, minute: 0 }, timeZone),
    label: `${year}-${String(month).padStart(2, "0")}`,
  };
}

export function parseLocalDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local date of an instant in a zone, "2026-11-30". */
export function localDateOf(at: Date, timeZone: string): string {
  const wall = wallTimeIn(at, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** Calendar arithmetic on local dates (no time zone involved). */
export function addDays(date: string, days: number): string {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new Error(`not a date: ${date}`);
  const moved = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}
