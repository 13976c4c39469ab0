import { minuteOfDayIn } from "../shared/clock";

/** Local calendar dates ("YYYY-MM-DD") and minutes of the day in a deployment's time zone. */

export { addDays, localDateOf as localDateIn } from "../shared/zoned-time";
export const minuteOfDay = minuteOfDayIn;

/** 0 = Monday … 6 = Sunday (the Chinese week starts on Monday). */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The instant of a local date and minute in a zone (DST-aware); shared with the date parser. */
export { zonedInstant } from "./parse-when-calendar";

export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
