import { chineseNumeral } from "../shared/chinese-numerals";
// The words of parse-when: numerals, parts of the day and the rules that turn "7点" into a minute of
// the day once it is known whether the speaker said 上午, 晚上, pm or nothing at all.

export type PartOfDay = "morning" | "noon" | "afternoon" | "evening";

/**
 * How a 12-hour clock figure becomes a 24-hour one:
 * - exact: a 24-hour time ("19:00", "09:00", "19点", noon) — taken as written;
 * - am / pm: English suffixes, strict (12am = 00:00, 12pm = 12:00, "15pm" is nonsense);
 * - early (凌晨): 12 → 00:00, else as written;
 * - morning (上午, 早上, morning): as written, 上午12点 = 12:00;
 * - noon (中午): 11, 12 as written, 1–5 → afternoon (中午1点 = 13:00);
 * - afternoon (下午, 傍晚, afternoon): 1–11 → +12 h;
 * - evening (晚上, 夜里, tonight): 5–11 → +12 h; 12 → 24:00; 1–4 → the small hours after that
 *   evening (周五晚上1点 = Saturday 01:00, given as minute 1500 and moved to the next day later);
 * - bare (no marker at all): 1–6 → +12 h (people book "3点" meaning 15:00), 7–11 as written
 *   (morning), 12 = noon. 24-hour figures (0, 13–24) are always as written.
 */
export type HourRule =
  | "exact"
  | "am"
  | "pm"
  | "early"
  | "morning"
  | "noon"
  | "afternoon"
  | "evening"
  | "bare";

export interface PodWord {
  readonly part: PartOfDay;
  readonly rule: HourRule;
}

const EARLY: PodWord = { part: "morning", rule: "early" };
const MORNING: PodWord = { part: "morning", rule: "morning" };
const NOON: PodWord = { part: "noon", rule: "noon" };
const AFTERNOON: PodWord = { part: "afternoon", rule: "afternoon" };
const DUSK: PodWord = { part: "evening", rule: "afternoon" };
const EVENING: PodWord = { part: "evening", rule: "evening" };

export const POD_WORDS: Readonly<Record<string, PodWord>> = {
  凌晨: EARLY,
  早上: MORNING,
  早晨: MORNING,
  清晨: MORNING,
  上午: MORNING,
  中午: NOON,
  午间: NOON,
  下午: AFTERNOON,
  午后: AFTERNOON,
  傍晚: DUSK,
  晚上: EVENING,
  晚间: EVENING,
  夜里: EVENING,
  夜间: EVENING,
  夜晚: EVENING,
  半夜: EVENING,
  深夜: EVENING,
  早: MORNING,
  晚: EVENING,
  夜: EVENING,
  morning: MORNING,
  afternoon: AFTERNOON,
  evening: EVENING,
  night: EVENING,
};

/** An hour and minute as said → minutes after midnight, or null when that cannot be a time under the rule. */
export function resolveHour(hour: number, minute: number, rule: HourRule): number | null {
  if (!Number.isInteger(hour) || hour < 0 || hour > 24 || minute < 0 || minute > 59) return null;
  if (hour === 24) return minute === 0 ? 1440 : null;
  if (hour === 0 || hour >= 13)
    return hour >= 13 && (rule === "am" || rule === "pm") ? null : hour * 60 + minute;
  let h = hour;
  switch (rule) {
    case "exact":
    case "morning":
      break;
    case "am":
    case "early":
      h = hour === 12 ? 0 : hour;
      break;
    case "pm":
    case "afternoon":
      h = hour === 12 ? 12 : hour + 12;
      break;
    case "noon":
      h = hour <= 5 ? hour + 12 : hour;
      break;
    case "evening":
      h = hour === 12 ? 24 : hour <= 4 ? hour + 24 : hour + 12;
      break;
    case "bare":
      h = hour <= 6 ? hour + 12 : hour;
      break;
  }
  return h * 60 + minute;
}

/** Chinese numeral characters, as a regex character class. */
export const CN_DIGITS = "零〇一二两三四五六七八九十";
/** A number as people type it in a time or date: 1–2 digits or up to three Chinese numerals. */
export const NUM = `(?:\\d{1,2}|[${CN_DIGITS}]{1,3})`;

/** "7" → 7, "十九" → 19, "二十三" → 23, "两" → 2, "零五" → 5; null when not a number 0–99. */
export function numberValue(text: string): number | null {
  if (text.includes("百") || /十.*十/.test(text)) return null;
  const value = chineseNumeral(text);
  return value !== null && value <= 99 ? value : null;
}

const EN_NUMBER: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
export const EN_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

/** An English or Chinese number, digits with a decimal point included ("1.5"). */
export function anyNumberValue(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return EN_NUMBER[text] ?? numberValue(text);
}

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sept: 9,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** 1 = Monday … 7 = Sunday. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  "6": 6,
  "7": 7,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
  mon: 1,
  tues: 2,
  tue: 2,
  wed: 3,
  thurs: 4,
  thur: 4,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

/** Alternation of keys, longest first, so that "大后天" wins over "后天" and "thursday" over "thu". */
export function alternation(keys: readonly string[]): string {
  return [...keys].sort((a, b) => b.length - a.length).join("|");
}

/** Full-width ASCII (digits, letters, "：", "，", "～") to half-width, the ideographic space to a space,
 *  A–Z to a–z. Every change is one UTF-16 unit for one, so offsets into the result are offsets into
 *  the original text. */
export function normalize(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code === 0x3000) out += " ";
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else out += text[i];
  }
  return out;
}
