// Calendar arithmetic for parse-when: local dates as day numbers (days since 1970-01-01, counted in
// the zone's wall-clock calendar, so no DST hour can shift them) and the one place that turns a
// local date and minute back into an instant.
import { MINUTE_MS } from "../shared/clock";

const DAY_MS = 86_400_000;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function calendarDate(dayNo: number): CalendarDate {
  const at = new Date(dayNo * DAY_MS);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

/** "YYYY-MM-DD". */
export function formatDate(dayNo: number): string {
  const { year, month, day } = calendarDate(dayNo);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 1 = Monday … 7 = Sunday (weeks start on Monday, as Chinese calendars print them). */
export function isoWeekday(dayNo: number): number {
  const sundayZero = new Date(dayNo * DAY_MS).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    wallFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at `instantMs`, read as if it were UTC (milliseconds, whole seconds). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts = wallFormatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** The zone's UTC offset at an instant, in milliseconds (east positive). */
function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

/** Today's local date in the zone, as a day number. */
export function localDayNumber(at: Date, timeZone: string): number {
  return Math.floor(wallClockMs(at.getTime(), timeZone) / DAY_MS);
}

/**
 * Local date + minute in a zone → the UTC instant. `minute` may be 1440 or more (past midnight into
 * the next day). Local times that happen twice (the hour repeated when DST ends) give the earlier
 * instant; local times that never happen (the hour skipped when DST starts) are moved forward by
 * the size of the gap (02:30 on a spring-forward night in New York → 03:30 EDT), like Temporal's
 * "compatible" disambiguation.
 */
export function zonedInstant(date: string, minute: number, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (!match || !isValidDate(year, month, day)) throw new RangeError(`not a date "YYYY-MM-DD": ${date}`);
  if (!Number.isFinite(minute)) throw new RangeError(`not a minute of the day: ${minute}`);
  const local = Date.UTC(year, month - 1, day) + minute * MINUTE_MS;
  // The offsets a day either side: DST transitions are months apart, so at most one lies between.
  const before = offsetMs(local - DAY_MS, timeZone);
  const after = offsetMs(local + DAY_MS, timeZone);
  const fits = [local - before, local - after].filter((t) => offsetMs(t, timeZone) === local - t);
  if (fits.length === 0) return new Date(local - before); // in the gap: keep the offset from before it
  return new Date(Math.min(...fits));
}
