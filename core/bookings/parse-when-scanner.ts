// The shared vocabulary of the parse-when scanner: what a token is, what a matcher is, and the
// boundary rules every matcher applies (a date or time never starts inside a word or a number).
import type { HourRule, PodWord } from "./parse-when-lexicon";

export type WeekRef = "upcoming" | "this" | "next" | "afterNext" | "last";

export type DaySpec =
  | { readonly type: "relative"; readonly offset: number }
  | { readonly type: "weekday"; readonly weekday: number; readonly week: WeekRef }
  | { readonly type: "date"; readonly year: number | null; readonly month: number; readonly day: number }
  | { readonly type: "dayOfMonth"; readonly day: number; readonly monthOffset: number | null };

interface Span {
  readonly start: number;
  readonly end: number;
}
export type DayToken = Span & {
  readonly kind: "day";
  readonly day: DaySpec | null;
  readonly pod: PodWord | null;
};
export type PodToken = Span & { readonly kind: "pod"; readonly pod: PodWord };
/** `rule` null: the time carries no marker of its own (no am/pm, not written as 24-hour). */
export type TimeToken = Span & {
  readonly kind: "time";
  readonly hour: number;
  readonly minute: number;
  readonly rule: HourRule | null;
};
export type BareToken = Span & { readonly kind: "bare"; readonly value: number | null };
export type SepToken = Span & { readonly kind: "sep" };
export type DurationToken = Span & { readonly kind: "duration"; readonly minutes: number };
export type Token = DayToken | PodToken | TimeToken | BareToken | SepToken | DurationToken;

export type Matcher = (s: string, i: number) => Token | null;

export function exec(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

export const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);
/** Digits glued to letters or other figures ("room3", "1.5", "3/4/5") are not the start of a date or time. */
export const digitStartOk = (s: string, i: number) => !/[a-z0-9.:/#_]/.test(s[i - 1] ?? " ");
export const wordStartOk = (s: string, i: number) => !isWordChar(s[i - 1]);
