// The scanner of parse-when: walks the normalised text left to right and, at each position, tries
// the matchers in order (days, then times, durations, range separators, parts of the day, and
// last bare numbers, which swallow whole digit runs so "2026" never yields a "20" or a "26").
// Everything else — building numbers, head counts, greetings — is skipped.
import { DAY_MATCHERS } from "./parse-when-days";
import {
  alternation,
  anyNumberValue,
  CN_DIGITS,
  EN_NUMBER_WORDS,
  type HourRule,
  NUM,
  numberValue,
  POD_WORDS,
} from "./parse-when-lexicon";
import { digitStartOk, exec, type Matcher, type Token, wordStartOk } from "./parse-when-scanner";

export type {
  BareToken,
  DaySpec,
  DayToken,
  DurationToken,
  PodToken,
  SepToken,
  TimeToken,
  Token,
} from "./parse-when-scanner";

const AMPM = "(am|pm|a\\.m\\.?|p\\.m\\.?)(?![a-z])";
const ruleOfSuffix = (suffix: string | undefined): HourRule | null =>
  suffix === undefined ? null : suffix.startsWith("a") ? "am" : "pm";

// ── times ───────────────────────────────────────────────────────────────────────────────────────

const CN_TIME_RE = new RegExp(
  `(${NUM})\\s*(?:点|點|时|時)(?:\\s*(半|一刻|1刻|三刻|3刻|整|钟|鐘|(${NUM})(?![\\d${CN_DIGITS}人个位名栋楼号室层间小钟]|\\s*(?:分钟|小时|个))\\s*分?))?`,
  "y",
);
/** 一点 is "a little", not one o'clock, after these (早一点, 大一点的房间) and before 儿, 点, 也, 都, 不,
 *  没 (一点儿, 一点点, 一点也不). */
const A_LITTLE_BEFORE = /[早晚快大小多少好慢高低长短近远宽窄差有稍再亮暗轻重宜贵强弱松紧静热冷凉]/;

function hourRule(hour: number, text: string): HourRule | null {
  return hour === 0 || hour >= 13 || (text.length === 2 && text.startsWith("0")) ? "exact" : null;
}

const cnTime: Matcher = (s, i) => {
  if (/\d/.test(s[i] ?? "") && !digitStartOk(s, i)) return null;
  if (s[i - 1] === "第") return null;
  const m = exec(CN_TIME_RE, s, i);
  if (!m) return null;
  const hourText = m[1] ?? "";
  const hour = numberValue(hourText);
  if (hour === null) return null;
  const end = i + m[0].length;
  if (hourText === "一" && (A_LITTLE_BEFORE.test(s[i - 1] ?? "") || /^[儿点也都不没]/.test(s.slice(end))))
    return null;
  if (hourText === "一" && /^一\s*[时時]/.test(m[0])) return null; // 一时 = "for a moment"
  if (hourText === "两" && /[这那哪几有]/.test(s[i - 1] ?? "")) return null; // 这两点 = these two points
  const tail = m[2];
  // "3点半小时" is 3 o'clock for half an hour, not half past three for … hours.
  if (tail === "半" && /^\s*个?\s*(?:小时|小時|钟头)/.test(s.slice(end))) {
    const half = m[0].lastIndexOf("半");
    return { kind: "time", start: i, end: i + half, hour, minute: 0, rule: hourRule(hour, hourText) };
  }
  let minute = 0;
  if (tail === "半") minute = 30;
  else if (tail === "一刻" || tail === "1刻") minute = 15;
  else if (tail === "三刻" || tail === "3刻") minute = 45;
  else if (m[3]) minute = numberValue(m[3]) ?? 99;
  return { kind: "time", start: i, end, hour, minute, rule: hourRule(hour, hourText) };
};

const COLON_RE = new RegExp(`(\\d{1,2})\\s*:\\s*(\\d{2})(?!\\d)(?:\\s*${AMPM})?`, "y");
const DOT_AMPM_RE = new RegExp(`(\\d{1,2})\\.(\\d{2})\\s*${AMPM}`, "y");
const AMPM_RE = new RegExp(`(\\d{1,2})\\s*${AMPM}`, "y");
const OCLOCK_RE = new RegExp(`(\\d{1,2}|${EN_NUMBER_WORDS})\\s*o'?\\s*clock(?![a-z])`, "y");
const AT_BARE_RE =
  /at\s+(\d{1,2})(?![\d:.]|\s*(?:am|pm|a\.m|p\.m|o'?\s*clock|[点點时時]|people|persons?|guests?|pax|adults?|kids|children|rooms?|floors?|%|st|nd|rd|th)(?![a-z]))/y;
const NOON_RE = /(noon|midday|midnight)(?![a-z])/y;

const clockTime: Matcher = (s, i) => {
  if (!digitStartOk(s, i)) return null;
  const m = exec(COLON_RE, s, i) ?? exec(DOT_AMPM_RE, s, i);
  if (!m) return null;
  const hourText = m[1] ?? "";
  const hour = Number(hourText);
  const rule = ruleOfSuffix(m[3]) ?? hourRule(hour, hourText);
  return { kind: "time", start: i, end: i + m[0].length, hour, minute: Number(m[2]), rule };
};

const ampmTime: Matcher = (s, i) => {
  const m = digitStartOk(s, i) ? exec(AMPM_RE, s, i) : null;
  if (!m) return null;
  return {
    kind: "time",
    start: i,
    end: i + m[0].length,
    hour: Number(m[1]),
    minute: 0,
    rule: ruleOfSuffix(m[2]),
  };
};

const oclockTime: Matcher = (s, i) => {
  const m = wordStartOk(s, i) && digitStartOk(s, i) ? exec(OCLOCK_RE, s, i) : null;
  const hour = m ? anyNumberValue(m[1] ?? "") : null;
  if (!m || hour === null) return null;
  return { kind: "time", start: i, end: i + m[0].length, hour, minute: 0, rule: null };
};

const atBareTime: Matcher = (s, i) => {
  const m = wordStartOk(s, i) ? exec(AT_BARE_RE, s, i) : null;
  if (!m) return null;
  const hour = Number(m[1]);
  return { kind: "time", start: i, end: i + m[0].length, hour, minute: 0, rule: hourRule(hour, m[1] ?? "") };
};

const noonTime: Matcher = (s, i) => {
  const m = wordStartOk(s, i) ? exec(NOON_RE, s, i) : null;
  if (!m) return null;
  const hour = m[1] === "midnight" ? 24 : 12;
  return { kind: "time", start: i, end: i + m[0].length, hour, minute: 0, rule: "exact" };
};

// ── durations, separators, parts of the day, bare numbers ─────────────────────────────────────

const CN_DURATION_RE = new RegExp(`(${NUM}|\\d+\\.\\d+)\\s*(个)?\\s*(半)?\\s*(小时|钟头|鐘頭|小時|钟)`, "y");
const CN_HALF_HOUR_RE = /半\s*个?\s*(?:小时|钟头|小時)/y;
const CN_MINUTES_RE = new RegExp(`(${NUM}|\\d{3})\\s*分钟`, "y");
const EN_HOURS_RE = new RegExp(
  `(?:for\\s+)?(?:(\\d+(?:\\.\\d+)?)\\s*(?:hours?|hrs?|h)|(an?|${EN_NUMBER_WORDS})\\s+(and\\s+a\\s+half\\s+)?hours?)(?![a-z])(\\s+and\\s+a\\s+half(?![a-z]))?`,
  "y",
);
const EN_HALF_HOUR_RE = /(?:for\s+)?half\s+an?\s+hour(?![a-z])/y;
const EN_MINUTES_RE = /(?:for\s+)?(\d{1,3})\s*(?:minutes?|mins?)(?![a-z])/y;

const hoursToMinutes = (hours: number | null, half: boolean) =>
  hours === null ? null : Math.round((hours + (half ? 0.5 : 0)) * 60);

/** Each: a regex and how many minutes its match means (null: not a duration after all). */
const DURATIONS: readonly (readonly [RegExp, (m: RegExpExecArray) => number | null, "cn" | "en"])[] = [
  [
    CN_DURATION_RE,
    (m) => (m[4] === "钟" && !m[2] ? null : hoursToMinutes(anyNumberValue(m[1] ?? ""), !!m[3])),
    "cn",
  ],
  [CN_HALF_HOUR_RE, () => 30, "cn"],
  [CN_MINUTES_RE, (m) => numberValue(m[1] ?? ""), "cn"],
  [EN_HOURS_RE, (m) => hoursToMinutes(anyNumberValue(m[1] ?? m[2] ?? ""), !!(m[3] || m[4])), "en"],
  [EN_HALF_HOUR_RE, () => 30, "en"],
  [EN_MINUTES_RE, (m) => Number(m[1]), "en"],
];

const duration: Matcher = (s, i) => {
  for (const [re, minutesOf, language] of DURATIONS) {
    if (language === "en" && !wordStartOk(s, i)) continue;
    const m = exec(re, s, i);
    const minutes = m ? minutesOf(m) : null;
    if (m && minutes !== null && minutes > 0 && minutes <= 24 * 60) {
      return { kind: "duration", start: i, end: i + m[0].length, minutes };
    }
  }
  return null;
};

const SEP_RE = /(?:到|至|~|〜|-|–|—|(?:to|until|till|til|thru|through|and)(?![a-z]))/y;

const separator: Matcher = (s, i) => {
  if (/[a-z]/.test(s[i] ?? "") && !wordStartOk(s, i)) return null;
  const m = exec(SEP_RE, s, i);
  return m ? { kind: "sep", start: i, end: i + m[0].length } : null;
};

const CN_POD_RE = new RegExp(alternation(Object.keys(POD_WORDS).filter((k) => !/^[a-z]/.test(k))), "y");
const EN_POD_RE = /(morning|afternoon|evening|night)(?![a-z])/y;
const TIME_MATCHERS: readonly Matcher[] = [cnTime, clockTime, ampmTime];

const partOfDay: Matcher = (s, i) => {
  const m = exec(CN_POD_RE, s, i) ?? (wordStartOk(s, i) ? exec(EN_POD_RE, s, i) : null);
  const pod = m ? POD_WORDS[m[0]] : undefined;
  if (!m || !pod) return null;
  const end = i + m[0].length;
  if (/^\s*好/.test(s.slice(end)) || /good\s+$/.test(s.slice(Math.max(0, i - 8), i))) return null; // greetings
  if (m[0].length === 1) {
    // 早 / 晚 / 夜 alone count only right before a time: 晚7点 yes, 晚一点 ("a bit later") no.
    const next = end + (s.slice(end).length - s.slice(end).trimStart().length);
    if (!TIME_MATCHERS.some((match) => match(s, next) !== null)) return null;
  }
  return { kind: "pod", start: i, end, pod };
};

const DIGITS_RE = /\d+/y;
const CN_BARE_RE = new RegExp(`[${CN_DIGITS}]{1,3}(?=\\s*(?:到|至|~|〜|-|–|—))`, "y");

const bareNumber: Matcher = (s, i) => {
  const m = exec(DIGITS_RE, s, i) ?? exec(CN_BARE_RE, s, i);
  if (!m) return null;
  const value = m[0].length <= 2 || !/^\d/.test(m[0]) ? numberValue(m[0]) : null;
  return { kind: "bare", start: i, end: i + m[0].length, value: digitStartOk(s, i) ? value : null };
};

const MATCHERS: readonly Matcher[] = [
  ...DAY_MATCHERS,
  ...TIME_MATCHERS,
  oclockTime,
  atBareTime,
  noonTime,
  duration,
  separator,
  partOfDay,
  bareNumber,
];

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    let token: Token | null = null;
    for (const match of MATCHERS) {
      token = match(s, i);
      if (token) break;
    }
    if (token && token.end > i) {
      tokens.push(token);
      i = token.end;
    } else if (/[a-z]/.test(s[i] ?? "")) {
      while (/[a-z]/.test(s[i] ?? "")) i++; // a word that is none of ours: skip it whole
    } else {
      i++;
    }
  }
  return tokens;
}
