// When a resident asks for a room — "周三晚上7点到9点", "明天上午", "next Friday 3pm" — which local
// date and which minutes of it they mean, in the deployment's time zone, relative to an injected now.
//
// Heuristics (a resident's meaning, tested in parse-when.test.ts):
// - Weeks start on Monday. 下周五 / next Friday = Friday of the Monday-start week after this one
//   (said on Sunday 2026-11-29 that is Friday 12-04); 这周五 / 本周五 / this Friday = Friday of this
//   week, even if already past (the caller says so); 上周五 likewise, in the past.
// - A plain weekday (周三, Wednesday) is its next occurrence, today included while the time asked
//   for is still ahead: the start minute if given, else the end of the part of the day named, else
//   the whole day (周三 said on a Wednesday is today).
// - No day at all: today while the time (or the part of the day) is still ahead, else tomorrow.
// - 今天 / 明天 / dates are taken as said, even when the time has passed (the caller refuses the past).
// - A month and day without a year that has passed this year is next year's; "3号" alone is this
//   month's 3rd, or the next month that has that day once it has passed.
// - Bare hours (no 上午/下午/am/pm, not 24-hour): 1–6 → afternoon (3点 = 15:00), 7–11 → morning,
//   12 → noon (see HourRule in parse-when-lexicon.ts for every part of the day). A range's end
//   without a marker takes the start's ("晚上7点到9点" = 19:00–21:00, same day); a start without
//   one takes the end's if that keeps it before the end ("3-5pm", "7到晚上9点"). An end that still
//   falls at or before the start gets +12 h when it was read by a heuristic and that keeps it on the
//   same day (上午11点到1点 = 11:00–13:00); otherwise endMinute is null (下午5点到3点).
// - Times after midnight of the evening named (周五晚上12点, Friday midnight) move to the next day.
// - Numbers on buildings, doors, units, rooms and head counts are not dates or times: 3号楼, 3栋,
//   2单元, 50人, room 3.
import { minuteOfDayIn } from "../shared/clock";
import {
  calendarDate,
  dayNumber,
  formatDate,
  isoWeekday,
  isValidDate,
  localDayNumber,
  zonedInstant,
} from "./parse-when-calendar";
import { type Cluster, clusters, resolveRange } from "./parse-when-clusters";
import { normalize, type PartOfDay } from "./parse-when-lexicon";
import { type DaySpec, type Token, tokenize } from "./parse-when-tokens";

export { zonedInstant } from "./parse-when-calendar";
export type { PartOfDay } from "./parse-when-lexicon";

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";
export const DEFAULT_BOOKING_MINUTES = 60;

/** Where to look for a free slot when only a part of the day was named (minutes after midnight). */
export const PART_OF_DAY_WINDOWS: Readonly<
  Record<PartOfDay, { readonly startMinute: number; readonly endMinute: number }>
> = {
  morning: { startMinute: 8 * 60, endMinute: 12 * 60 },
  noon: { startMinute: 11 * 60 + 30, endMinute: 13 * 60 + 30 },
  afternoon: { startMinute: 13 * 60 + 30, endMinute: 18 * 60 },
  evening: { startMinute: 18 * 60, endMinute: 21 * 60 + 30 },
};

export interface WhenQuery {
  readonly now: Date;
  readonly timeZone: string;
  /** default duration when only a start is given */
  readonly defaultMinutes?: number /* 60 */;
}

export interface ParsedWhen {
  /** Local calendar date "YYYY-MM-DD" in timeZone. */
  readonly date: string;
  /** Minutes after local midnight; null when only a day (or a part of day) was given. The end may
   *  exceed 1440 when a booking runs past midnight (晚上11点，两个小时). */
  readonly startMinute: number | null;
  readonly endMinute: number | null;
  /** When no exact time: the part of day named, used to search for a free slot in it. */
  readonly partOfDay: PartOfDay | null;
  /** Absolute instants for convenience when start/end are known (UTC Date objects). */
  readonly start: Date | null;
  readonly end: Date | null;
  /** The matched text, for echoing back ("周三晚上7点到9点"); pieces found apart are joined by a space. */
  readonly matched: string;
}

function resolveDay(spec: DaySpec | null, today: number, stillAheadToday: boolean): number | null {
  if (spec === null) return stillAheadToday ? today : today + 1;
  const weekday = isoWeekday(today);
  switch (spec.type) {
    case "relative":
      return today + spec.offset;
    case "weekday": {
      const inThisWeek = spec.weekday - weekday;
      if (spec.week === "this") return today + inThisWeek;
      if (spec.week === "next") return today + 7 + inThisWeek;
      if (spec.week === "afterNext") return today + 14 + inThisWeek;
      if (spec.week === "last") return today - 7 + inThisWeek;
      const ahead = (inThisWeek + 7) % 7;
      return today + (ahead === 0 && !stillAheadToday ? 7 : ahead);
    }
    case "date": {
      const { year } = calendarDate(today);
      if (spec.year !== null) {
        return isValidDate(spec.year, spec.month, spec.day)
          ? dayNumber(spec.year, spec.month, spec.day)
          : null;
      }
      // A month and day already past this year is next year's; 2月29日 is the next leap year's.
      for (let y = year; y <= year + 8; y++) {
        if (isValidDate(y, spec.month, spec.day) && dayNumber(y, spec.month, spec.day) >= today) {
          return dayNumber(y, spec.month, spec.day);
        }
      }
      return null;
    }
    case "dayOfMonth": {
      const { year, month } = calendarDate(today);
      const monthAt = (k: number) => ({
        y: year + Math.floor((month - 1 + k) / 12),
        m: ((month - 1 + k) % 12) + 1,
      });
      if (spec.monthOffset !== null) {
        const { y, m } = monthAt(spec.monthOffset);
        return isValidDate(y, m, spec.day) ? dayNumber(y, m, spec.day) : null;
      }
      for (let k = 0; k <= 12; k++) {
        const { y, m } = monthAt(k);
        if (isValidDate(y, m, spec.day) && dayNumber(y, m, spec.day) >= today)
          return dayNumber(y, m, spec.day);
      }
      return null;
    }
  }
}

/** The text a set of tokens covers, one piece per cluster, in the original spelling. */
function matchedText(text: string, used: readonly (Token | null)[], groups: readonly Cluster[]): string {
  const pieces: string[] = [];
  for (const group of groups) {
    const inside = used.filter((t): t is Token => t !== null && group.tokens.includes(t));
    const dayTokens = group.tokens.filter((t) => t.kind === "day" && inside.length > 0);
    const all = [...inside, ...dayTokens];
    if (all.length === 0) continue;
    const from = Math.min(...all.map((t) => t.start));
    const to = Math.max(...all.map((t) => t.end));
    pieces.push(text.slice(from, to).trim());
  }
  return pieces.join(" ");
}

/**
 * Find the date and time a booking request names, or null when it names none. `text` may hold
 * other words ("我想订周三晚上7点到9点的会议室"); the first run of date/time words that says the
 * most is taken, and a day or a time said apart from it ("明天的活动，下午3点开始") is joined to it.
 */
export function parseWhen(text: string, query: WhenQuery): ParsedWhen | null {
  const s = normalize(text);
  const groups = clusters(s, tokenize(s));
  const primary =
    groups.find((g) => g.range && g.day) ??
    groups.find((g) => g.range) ??
    groups.find((g) => g.day) ??
    groups.find((g) => g.pods.length > 0);
  if (!primary) return null;
  const dayGroup = primary.day ? primary : groups.find((g) => g.day && !g.range);
  const timeGroup =
    primary.range || primary.pods.length > 0
      ? primary
      : (groups.find((g) => g !== primary && g.range && !g.day) ??
        groups.find((g) => g !== primary && !g.day && g.pods.length > 0) ??
        primary);
  const day = dayGroup?.day ?? null;
  if (day && day.day === null) return null; // 2月30日, 13月1日: a date that is not one

  const range = timeGroup.range;
  const contextPod =
    day?.pod ?? timeGroup.pods.find((p) => p !== range?.endPod && p !== range?.startPod)?.pod ?? null;
  const times = range ? resolveRange(range, range.startPod?.pod ?? contextPod) : null;
  if (range && !times) return null; // 25点, 13pm
  const podToken = range ? null : (timeGroup.pods[0] ?? null);
  const partOfDay = times ? null : (podToken?.pod.part ?? day?.pod?.part ?? null);
  if (!times && !day && !partOfDay) return null;

  const today = localDayNumber(query.now, query.timeZone);
  const nowMinute = minuteOfDayIn(query.now, query.timeZone);
  const stillAhead = times
    ? times.start > nowMinute
    : partOfDay
      ? PART_OF_DAY_WINDOWS[partOfDay].endMinute > nowMinute
      : true;
  let dateNo = resolveDay(day?.day ?? null, today, stillAhead);
  if (dateNo === null) return null;

  let startMinute = times?.start ?? null;
  let endMinute = times?.end ?? null;
  if (startMinute !== null && endMinute === null && !range?.end) {
    const fallback =
      query.defaultMinutes !== undefined && query.defaultMinutes > 0
        ? query.defaultMinutes
        : DEFAULT_BOOKING_MINUTES;
    const duration = timeGroup.duration ?? primary.duration;
    endMinute = startMinute + (duration?.minutes ?? fallback);
  }
  if (startMinute !== null && startMinute >= 1440) {
    // 周五晚上12点, Friday midnight, 晚上1点: the small hours after that evening.
    dateNo += 1;
    startMinute -= 1440;
    if (endMinute !== null) endMinute -= 1440;
  }

  const date = formatDate(dateNo);
  const contextPodToken = range ? (timeGroup.pods.find((p) => p.pod === contextPod) ?? null) : null;
  const used: (Token | null)[] = [
    day,
    range?.start ?? null,
    range?.startPod ?? null,
    range?.sep ?? null,
    range?.end ?? null,
    range?.endPod ?? null,
    contextPodToken,
    podToken,
    range && !range.end ? (timeGroup.duration ?? null) : null,
  ];
  return {
    date,
    startMinute,
    endMinute,
    partOfDay,
    start: startMinute === null ? null : zonedInstant(date, startMinute, query.timeZone),
    end: endMinute === null ? null : zonedInstant(date, endMinute, query.timeZone),
    matched: matchedText(text, used, groups),
  };
}
