// Day matchers of parse-when: 今天 / 明天 / 后天, 周三 / 下周五 / 这周五, next Friday, 12月3日, 12/3,
// 2026-12-03, Dec 3, 3 Dec, December 3rd, the 3rd, 下个月3号 and 3号 — but not 3号楼.
import {
  alternation,
  CN_DIGITS,
  MONTHS,
  NUM,
  numberValue,
  POD_WORDS,
  type PodWord,
  WEEKDAYS,
} from "./parse-when-lexicon";
import {
  type DaySpec,
  digitStartOk,
  exec,
  type Matcher,
  type WeekRef,
  wordStartOk,
} from "./parse-when-scanner";

const MONTH_NAMES = alternation(Object.keys(MONTHS));

const CN_RELATIVE: Readonly<Record<string, readonly [number, PodWord | null]>> = {
  今天: [0, null],
  今日: [0, null],
  今儿个: [0, null],
  今儿: [0, null],
  明天: [1, null],
  明日: [1, null],
  明儿个: [1, null],
  明儿: [1, null],
  后天: [2, null],
  後天: [2, null],
  大后天: [3, null],
  大後天: [3, null],
  今晚上: [0, POD_WORDS.晚上 ?? null],
  今晚: [0, POD_WORDS.晚上 ?? null],
  今夜: [0, POD_WORDS.晚上 ?? null],
  明晚上: [1, POD_WORDS.晚上 ?? null],
  明晚: [1, POD_WORDS.晚上 ?? null],
  今早上: [0, POD_WORDS.早上 ?? null],
  今早: [0, POD_WORDS.早上 ?? null],
  明早上: [1, POD_WORDS.早上 ?? null],
  明早: [1, POD_WORDS.早上 ?? null],
};
const CN_RELATIVE_RE = new RegExp(alternation(Object.keys(CN_RELATIVE)), "y");

const cnRelative: Matcher = (s, i) => {
  const m = exec(CN_RELATIVE_RE, s, i);
  const found = m ? CN_RELATIVE[m[0]] : undefined;
  if (!m || !found) return null;
  return {
    kind: "day",
    start: i,
    end: i + m[0].length,
    day: { type: "relative", offset: found[0] },
    pod: found[1],
  };
};

const EN_RELATIVE_RE =
  /(?:(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw?)|today|tonight|tomorrow|tmrw|tmr|this\s+(morning|afternoon|evening))(?![a-z])/y;

const enRelative: Matcher = (s, i) => {
  if (!wordStartOk(s, i)) return null;
  const m = exec(EN_RELATIVE_RE, s, i);
  if (!m) return null;
  const word = m[0];
  const offset = word.includes("after") ? 2 : word.startsWith("tom") || word.startsWith("tmr") ? 1 : 0;
  const pod = word === "tonight" ? POD_WORDS.evening : m[1] ? POD_WORDS[m[1]] : undefined;
  return { kind: "day", start: i, end: i + word.length, day: { type: "relative", offset }, pod: pod ?? null };
};

const CN_WEEK_PREFIX: Readonly<Record<string, WeekRef>> = {
  下下个: "afterNext",
  下下: "afterNext",
  下个: "next",
  下: "next",
  这个: "this",
  这: "this",
  本: "this",
  上个: "last",
  上: "last",
};
const CN_WEEKDAY_RE = new RegExp(
  `(${alternation(Object.keys(CN_WEEK_PREFIX))})?\\s*(?:周|星期|礼拜|禮拜|週)\\s*([一二三四五六日天]|[1-7](?![\\d点點时時:]))`,
  "y",
);

const cnWeekday: Matcher = (s, i) => {
  const m = exec(CN_WEEKDAY_RE, s, i);
  if (!m) return null;
  // "看一下周三" is "have a look at Wednesday", "马上周三…" is not last week: no prefix then.
  if (m[1] && /[一马早晚]/.test(s[i - 1] ?? "")) return null;
  const weekday = WEEKDAYS[m[2] ?? ""] ?? 0;
  const week = m[1] ? (CN_WEEK_PREFIX[m[1]] ?? "upcoming") : "upcoming";
  return { kind: "day", start: i, end: i + m[0].length, day: { type: "weekday", weekday, week }, pod: null };
};

const EN_WEEKDAY_NAMES = alternation(Object.keys(WEEKDAYS).filter((k) => /^[a-z]/.test(k)));
const EN_WEEKDAY_RE = new RegExp(
  `(?:(this\\s+coming|coming|next|this)\\s+(?:week\\s+(?:on\\s+)?)?)?(${EN_WEEKDAY_NAMES})\\.?(?![a-z])(\\s+next\\s+week(?![a-z]))?`,
  "y",
);

const enWeekday: Matcher = (s, i) => {
  if (!wordStartOk(s, i)) return null;
  const m = exec(EN_WEEKDAY_RE, s, i);
  if (!m) return null;
  const weekday = WEEKDAYS[m[2] ?? ""] ?? 0;
  const week: WeekRef = m[1] === "next" || m[3] ? "next" : m[1] === "this" ? "this" : "upcoming";
  return { kind: "day", start: i, end: i + m[0].length, day: { type: "weekday", weekday, week }, pod: null };
};

function dateToken(
  start: number,
  end: number,
  year: number | null,
  month: number | null,
  day: number | null,
) {
  const valid = month !== null && day !== null && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  const spec: DaySpec | null = valid ? { type: "date", year, month, day } : null;
  return { kind: "day" as const, start, end, day: spec, pod: null };
}

const YMD_RE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)\s*[日号號]?/y;
const CN_MONTH_DAY_RE = new RegExp(`(?:(\\d{4})\\s*年\\s*)?(${NUM})\\s*月\\s*(${NUM})\\s*([日号號])?`, "y");
const SLASH_RE = /(\d{1,2})\/(\d{1,2})(?![\d/]|\s*(?:小时|个|hours?))/y;
const EN_MONTH_DAY_RE = new RegExp(
  `(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:a-z]|\\s*(?:am|pm|a\\.m|p\\.m))(?:,?\\s+(\\d{4})(?!\\d))?`,
  "y",
);
const EN_DAY_MONTH_RE = new RegExp(
  `(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?(${MONTH_NAMES})\\.?(?![a-z])(?:,?\\s+(\\d{4})(?!\\d))?`,
  "y",
);
const EN_THE_NTH_RE = /the\s+(\d{1,2})(?:st|nd|rd|th)(?![a-z])(?!\s+(?:floor|room|building|block|unit|of))/y;

const ymd: Matcher = (s, i) => {
  const m = digitStartOk(s, i) ? exec(YMD_RE, s, i) : null;
  return m ? dateToken(i, i + m[0].length, Number(m[1]), Number(m[3]), Number(m[4])) : null;
};

const cnMonthDay: Matcher = (s, i) => {
  if (/\d/.test(s[i] ?? "") && !digitStartOk(s, i)) return null;
  const m = exec(CN_MONTH_DAY_RE, s, i);
  if (!m) return null;
  // "12月3" with neither 日 nor 号 must not be eating an hour: "12月3点" is not a date.
  if (!m[4] && /^\s*(?:[点點时時:]|\d)/.test(s.slice(i + m[0].length))) return null;
  const year = m[1] ? Number(m[1]) : null;
  return dateToken(i, i + m[0].length, year, numberValue(m[2] ?? ""), numberValue(m[3] ?? ""));
};

const CN_THIS_MONTH_RE = new RegExp(`(下个?月|这个?月|本月)\\s*(${NUM})\\s*[日号號]`, "y");

const cnThisMonth: Matcher = (s, i) => {
  const m = exec(CN_THIS_MONTH_RE, s, i);
  const day = m ? numberValue(m[2] ?? "") : null;
  if (!m || day === null || day < 1 || day > 31) return null;
  const monthOffset = m[1]?.startsWith("下") ? 1 : 0;
  return {
    kind: "day",
    start: i,
    end: i + m[0].length,
    day: { type: "dayOfMonth", day, monthOffset },
    pod: null,
  };
};

const slashDate: Matcher = (s, i) => {
  const m = digitStartOk(s, i) ? exec(SLASH_RE, s, i) : null;
  return m ? dateToken(i, i + m[0].length, null, Number(m[1]), Number(m[2])) : null;
};

const enMonthDay: Matcher = (s, i) => {
  const m = wordStartOk(s, i) ? exec(EN_MONTH_DAY_RE, s, i) : null;
  if (!m) return null;
  return dateToken(i, i + m[0].length, m[3] ? Number(m[3]) : null, MONTHS[m[1] ?? ""] ?? null, Number(m[2]));
};

const enDayMonth: Matcher = (s, i) => {
  const m = wordStartOk(s, i) && digitStartOk(s, i) ? exec(EN_DAY_MONTH_RE, s, i) : null;
  if (!m) return null;
  return dateToken(i, i + m[0].length, m[3] ? Number(m[3]) : null, MONTHS[m[2] ?? ""] ?? null, Number(m[1]));
};

const enTheNth: Matcher = (s, i) => {
  const m = wordStartOk(s, i) ? exec(EN_THE_NTH_RE, s, i) : null;
  const day = m ? Number(m[1]) : 0;
  if (!m || day < 1 || day > 31) return null;
  return {
    kind: "day",
    start: i,
    end: i + m[0].length,
    day: { type: "dayOfMonth", day, monthOffset: null },
    pod: null,
  };
};

// "3号" alone is the 3rd only when what follows reads like a date: the end, punctuation, a part of
// the day, a time, a weekday, or one of the words that follow a date in a request. Anything else —
// 3号楼, 3号门, 3号会议室, 3号线 — is a number on a building, door, room or line.
const CN_DAY_OF_MONTH_RE = new RegExp(`(${NUM})\\s*[号號日]`, "y");
const AFTER_DAY_OF_MONTH = new RegExp(
  [
    "^$",
    "^[,.!?;、)~\\-–—。〜]",
    `^(?:\\d{1,2}|[${CN_DIGITS}]{1,3})\\s*(?:[点點时時]|:\\d)`,
    "^(?:的|那|当天|全天|整天|一天|早|上午|中午|下午|午后|晚|傍晚|夜|凌晨|周|星期|礼拜|週|有|能|可|行|吗|呢|吧|啊|要|想|开|用|订|预|借|之前|以前|前|以后|之后|到|至|或|和|跟|及|我|你|咱|大家)",
  ].join("|"),
);

const cnDayOfMonth: Matcher = (s, i) => {
  if (/[\d第栋楼元门室房区座幢号層层排#\-a-z./月]/.test(s[i - 1] ?? "")) return null;
  const m = exec(CN_DAY_OF_MONTH_RE, s, i);
  const day = m ? numberValue(m[1] ?? "") : null;
  if (!m || day === null || day < 1 || day > 31) return null;
  if (!AFTER_DAY_OF_MONTH.test(s.slice(i + m[0].length).trimStart())) return null;
  return {
    kind: "day",
    start: i,
    end: i + m[0].length,
    day: { type: "dayOfMonth", day, monthOffset: null },
    pod: null,
  };
};

export const DAY_MATCHERS: readonly Matcher[] = [
  cnRelative,
  enRelative,
  cnWeekday,
  enWeekday,
  ymd,
  cnThisMonth,
  cnMonthDay,
  slashDate,
  enMonthDay,
  enDayMonth,
  enTheNth,
  cnDayOfMonth,
];
