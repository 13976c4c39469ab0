import { z } from "zod";
import { minuteOfDayIn } from "../shared/clock";
import { addDays, instantOf, localDateOf, parseLocalDate } from "../shared/zoned-time";

/** A local calendar date, "2026-11-30". */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-11-30")
  .refine((value) => parseLocalDate(value) !== null, "not a calendar date");

export interface SummaryPeriod {
  readonly kind: "day" | "week";
  /** [from, to): local midnight to local midnight (or to the moment asked, for "today so far"). */
  readonly from: Date;
  readonly to: Date;
  /** The first local date of the period. */
  readonly date: string;
  /** Stable name of the period, "day:2026-11-30" / "week:2026-11-30" (its Monday): a delivery key. */
  readonly key: string;
}

/** Local midnight starting a date. */
export function startOfDate(date: string, timeZone: string): Date {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new Error(`not a date: ${date}`);
  return instantOf({ ...parsed, hour: 0, minute: 0 }, timeZone);
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): number {
  const parsed = parseLocalDate(date)!;
  const weekday = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** One whole local day. */
export function dayPeriod(date: string, timeZone: string): SummaryPeriod {
  return {
    kind: "day",
    from: startOfDate(date, timeZone),
    to: startOfDate(addDays(date, 1), timeZone),
    date,
    key: `day:${date}`,
  };
}

/** The Monday-to-Sunday week containing a date (weeks start on Monday in China). */
export function weekPeriod(date: string, timeZone: string): SummaryPeriod {
  const monday = addDays(date, 1 - isoWeekday(date));
  return {
    kind: "week",
    from: startOfDate(monday, timeZone),
    to: startOfDate(addDays(monday, 7), timeZone),
    date: monday,
    key: `week:${monday}`,
  };
}

/** "Today" or "this week" as asked in the chat: from its start up to the moment asked. */
export function periodSoFar(kind: "day" | "week", now: Date, timeZone: string): SummaryPeriod {
  const today = localDateOf(now, timeZone);
  const whole = kind === "day" ? dayPeriod(today, timeZone) : weekPeriod(today, timeZone);
  return { ...whole, to: now < whole.to ? now : whole.to };
}

/** The local dates whose days overlap [from, to). */
export function localDatesBetween(from: Date, to: Date, timeZone: string): string[] {
  const dates: string[] = [];
  for (let date = localDateOf(from, timeZone); startOfDate(date, timeZone) < to; date = addDays(date, 1)) {
    dates.push(date);
    if (dates.length > 400) throw new Error("period too long for a summary");
  }
  return dates;
}

/** "08:00" → minutes after local midnight; "off" → null. */
export const summaryTimeSchema = z.string().transform((value, ctx) => {
  if (value === "off") return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) {
    ctx.addIssue({ code: "custom", message: 'use "HH:MM" in the deployment\'s time zone, or "off"' });
    return z.NEVER;
  }
  return Number(match[1]) * 60 + Number(match[2]);
});

/**
 * Which day the daily summary reports on at `at`: yesterday, once the local time has reached the
 * summary time; null before that (nothing due yet today).
 */
export function dailySummaryDue(at: Date, summaryMinute: number, timeZone: string): string | null {
  if (minuteOfDayIn(at, timeZone) < summaryMinute) return null;
  return addDays(localDateOf(at, timeZone), -1);
}
