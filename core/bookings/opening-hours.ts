import { fail, ok, type Result } from "../shared/result";
import { weekdayOf } from "./calendar";

/** Open windows per weekday (0 = Monday), in minutes of the local day. */
export type WeeklyHours = readonly (readonly (readonly [number, number])[])[];

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

function minuteOf(text: string): number | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute <= 1440 ? minute : null;
}

function daysOf(spec: string): number[] | null {
  const days = new Set<number>();
  for (const piece of spec.split(",")) {
    const [from, to] = piece.split("-") as [string, string | undefined];
    const start = DAYS.indexOf(from as (typeof DAYS)[number]);
    const end = to === undefined ? start : DAYS.indexOf(to as (typeof DAYS)[number]);
    if (start < 0 || end < 0) return null;
    for (let day = start; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === end) break;
    }
  }
  return [...days];
}

/**
 * "08:30-21:00" (every day), or rules separated by ";" such as
 * "mon-fri 08:30-21:00; sat,sun 09:00-12:00,14:00-17:00". Later rules add to earlier ones.
 */
export function parseOpeningHours(text: string): Result<WeeklyHours> {
  const week: [number, number][][] = DAYS.map(() => []);
  for (const rule of text
    .toLowerCase()
    .split(";")
    .map((r) => r.trim())
    .filter(Boolean)) {
    const [first, second] = rule.split(/\s+/, 2) as [string, string | undefined];
    const days = second === undefined ? [0, 1, 2, 3, 4, 5, 6] : daysOf(first);
    const windows = (second ?? first).split(",");
    if (!days) return fail("BOOKING.BAD_HOURS", { rule });
    for (const window of windows) {
      const [from, to] = window.split("-").map((t) => minuteOf(t.trim()));
      if (from === undefined || to === undefined || from === null || to === null || from >= to) {
        return fail("BOOKING.BAD_HOURS", { rule });
      }
      for (const day of days) week[day]!.push([from, to]);
    }
  }
  for (const day of week) day.sort((a, b) => a[0] - b[0]);
  return ok(week);
}

export function windowsOn(hours: WeeklyHours, date: string): readonly (readonly [number, number])[] {
  return hours[weekdayOf(date)] ?? [];
}

/** Is [start, end) inside one open window of that day? */
export function isOpen(hours: WeeklyHours, date: string, startMinute: number, endMinute: number): boolean {
  return windowsOn(hours, date).some(([from, to]) => startMinute >= from && endMinute <= to);
}
