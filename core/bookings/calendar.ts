import { MINUTE_MS } from "../shared/clock";

/** Local calendar dates ("YYYY-MM-DD") and minutes of the day in a deployment's time zone. */

const DAY_MS = 24 * 60 * MINUTE_MS;

function parts(at: Date, timeZone: string): Record<string, number> {
  const formatted = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const out: Record<string, number> = {};
  for (const part of formatted) if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

export function localDateIn(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** 0 = Monday … 6 = Sunday (the Chinese week starts on Monday). */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of a local date and minute in a zone (DST-aware); shared with the date parser. */
export { zonedInstant } from "./parse-when-calendar";

export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function minuteOfDay(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  return p.hour! * 60 + p.minute!;
}
