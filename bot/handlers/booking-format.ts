import type { BookableResource } from "../../core/bookings/booking";
import { formatMinute, localDateIn, minuteOfDay, weekdayOf } from "../../core/bookings/calendar";
import type { Locale } from "../../core/people/person";

const ZH_WEEKDAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const EN_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "12月2日（周三）" / "Wed 2 Dec". */
export function formatDay(date: string, locale: Locale): string {
  const [, month, day] = date.split("-").map(Number) as [number, number, number];
  const weekday = weekdayOf(date);
  return locale === "en"
    ? `${EN_WEEKDAYS[weekday]} ${day} ${EN_MONTHS[month - 1]}`
    : `${month}月${day}日（${ZH_WEEKDAYS[weekday]}）`;
}

/** "12月2日（周三）19:00–21:00" in the deployment's zone. */
export function formatSpan(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const date = localDateIn(start, timeZone);
  const to = minuteOfDay(end, timeZone);
  const times = `${formatMinute(minuteOfDay(start, timeZone))}–${formatMinute(to === 0 ? 1440 : to)}`;
  return locale === "en" ? `${formatDay(date, locale)} ${times}` : `${formatDay(date, locale)}${times}`;
}

export function resourceName(resource: BookableResource, locale: Locale): string {
  return locale === "en" ? resource.nameEn : resource.name;
}

/** The resource a text names: "会议室", "活动室", "法律咨询", "meeting room"… null when none or unclear. */
export function resourceNamedIn(
  text: string,
  resources: readonly BookableResource[],
): BookableResource | null {
  const lower = text.toLowerCase();
  const score = (r: BookableResource): number => {
    if (text.includes(r.name)) return 3;
    const core = r.name.replace(/^多功能/, "").replace(/室$/, "");
    if (core.length >= 2 && text.includes(core)) return 2;
    const words = r.nameEn
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 3 && w !== "room");
    return words.some((w) => lower.includes(w)) ? 1 : 0;
  };
  const ranked = resources.map((r) => ({ r, s: score(r) })).filter((x) => x.s > 0);
  ranked.sort((a, b) => b.s - a.s);
  const [best, second] = ranked;
  return best && (!second || second.s < best.s) ? best.r : null;
}

/** "20人" / "20 people" in a booking request. */
export function peopleIn(text: string): number | null {
  const match = /(\d{1,3})\s*(?:个人|人|位|people|persons|guests)/i.exec(text);
  return match ? Number(match[1]) : null;
}
