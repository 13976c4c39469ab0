// Reading the tokens of parse-when: which tokens belong together (a run separated only by spaces,
// commas, 的, at, on, from…), which of them make a time range, and what minutes that range means.
import { type HourRule, type PodWord, resolveHour } from "./parse-when-lexicon";
import type { BareToken, DayToken, DurationToken, PodToken, TimeToken, Token } from "./parse-when-tokens";

export interface TimeRange {
  readonly start: TimeToken | BareToken;
  readonly startPod: PodToken | null;
  readonly sep: Token | null;
  readonly end: TimeToken | null;
  readonly endPod: PodToken | null;
}

/** What one run of adjacent tokens says (tokens separated only by spaces, commas, 的, at, on, from…). */
export interface Cluster {
  readonly tokens: readonly Token[];
  readonly day: DayToken | null;
  readonly range: TimeRange | null;
  readonly pods: readonly PodToken[];
  readonly duration: DurationToken | null;
}

const FILLER_CN = /的|在|从|於|于|大概|大约|约|左右|开始|起|是|那天|当天/g;
const FILLER_EN = new Set([
  "at",
  "on",
  "from",
  "in",
  "the",
  "for",
  "of",
  "around",
  "about",
  "by",
  "starting",
  "start",
  "between",
  "ish",
  "@",
]);

function isFiller(gap: string): boolean {
  const words = gap
    .replace(FILLER_CN, " ")
    .replace(/[,.;:!?、()（），。；：！？]/g, " ")
    .split(/\s+/);
  return words.every((word) => word === "" || FILLER_EN.has(word));
}

export function clusters(s: string, tokens: readonly Token[]): Cluster[] {
  const groups: Token[][] = [];
  for (const token of tokens) {
    const last = groups.at(-1);
    const previous = last?.at(-1);
    if (last && previous && isFiller(s.slice(previous.end, token.start))) last.push(token);
    else groups.push([token]);
  }
  return groups.map((group) => readCluster(s, group));
}

function readCluster(s: string, tokens: readonly Token[]): Cluster {
  const day = tokens.find((t): t is DayToken => t.kind === "day") ?? null;
  const pods = tokens.filter((t): t is PodToken => t.kind === "pod");
  const duration = tokens.find((t): t is DurationToken => t.kind === "duration") ?? null;
  const at = (k: number) => tokens[k];
  const podBefore = (k: number): PodToken | null => {
    const before = at(k - 1);
    const token = at(k);
    return before?.kind === "pod" && token && s.slice(before.end, token.start).trim() === "" ? before : null;
  };
  let range: TimeRange | null = null;
  for (let k = 0; k < tokens.length && !range; k++) {
    const token = at(k);
    if (!token || (token.kind !== "time" && token.kind !== "bare")) continue;
    const sep = at(k + 1)?.kind === "sep" ? at(k + 1)! : null;
    const endIndex = sep ? (at(k + 2)?.kind === "pod" ? k + 3 : k + 2) : -1;
    const endToken = at(endIndex);
    const end = endToken?.kind === "time" ? endToken : null;
    if (token.kind === "bare" && (token.value === null || !end)) continue; // "3-5pm" yes, "room 3" no
    range = {
      start: token,
      startPod: podBefore(k),
      sep: end ? sep : null,
      end,
      endPod: end ? podBefore(endIndex) : null,
    };
  }
  return { tokens, day, range, pods, duration };
}

/** The minutes of a range: start, end (null if it cannot be after the start), or null if no time. */
export function resolveRange(
  range: TimeRange,
  contextPod: PodWord | null,
): { start: number; end: number | null } | null {
  const startHour = range.start.kind === "time" ? range.start.hour : (range.start.value ?? -1);
  const startMinuteOfHour = range.start.kind === "time" ? range.start.minute : 0;
  const ownStartRule: HourRule | null =
    (range.start.kind === "time" ? range.start.rule : null) ?? range.startPod?.pod.rule ?? null;
  const end = range.end;
  const ownEndRule: HourRule | null = end ? (end.rule ?? range.endPod?.pod.rule ?? null) : null;

  const startRule: HourRule = ownStartRule ?? contextPod?.rule ?? "bare";
  let start = resolveHour(startHour, startMinuteOfHour, startRule);
  if (!end) return start === null ? null : { start, end: null };

  const endRule: HourRule = ownEndRule ?? startRule;
  let endMinute = resolveHour(end.hour, end.minute, endRule);
  if (ownStartRule === null && contextPod === null && ownEndRule !== null && endMinute !== null) {
    // "3-5pm", "7到晚上9点": the start borrows the end's marker if that keeps it first.
    const borrowed = resolveHour(startHour, startMinuteOfHour, ownEndRule);
    if (borrowed !== null && borrowed < endMinute) start = borrowed;
  }
  if (start === null) return null;
  if (endMinute !== null && endMinute <= start) {
    const guessed = ownEndRule === null && end.hour <= 12;
    const later = endMinute + 12 * 60;
    endMinute = guessed && later > start && later <= 24 * 60 ? later : null;
  }
  return { start, end: endMinute };
}
