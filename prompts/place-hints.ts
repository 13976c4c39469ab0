import { chineseNumeral } from "../core/shared/chinese-numerals";
import type { PlaceHints } from "../core/understanding/understanding";
import { toHalfWidth } from "./offline-model/normalise-text";

const NUMERAL = "[零〇一二两三四五六七八九十百]{1,5}";
const NUMBER = `(\\d{1,3}|${NUMERAL}|[A-Za-z])`;

/** A number as the hint gives it: digits for digits and Chinese numerals, a letter as upper case. */
function asHint(raw: string): string | null {
  if (/^[A-Za-z]$/.test(raw)) return raw.toUpperCase();
  const n = chineseNumeral(raw);
  return n === null || n === 0 ? null : String(n);
}

// Mainland mobiles (optionally +86, spaced 3-4-4 or with dashes) and landlines with an area code.
const MOBILE = /(?<![\d+])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;
const LANDLINE =
  /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3}-)\s?\d{7,8}(?!\d)|(?<!\d)0(?:10|2\d|[3-9]\d{2})\d{7,8}(?!\d)/g;

/** Phone numbers as written in the text, so replies and logs can mask them. */
export function findPhoneNumbers(text: string): string[] {
  const half = toHalfWidth(text);
  const found: { index: number; text: string }[] = [];
  for (const pattern of [MOBILE, LANDLINE]) {
    for (const m of half.matchAll(pattern))
      found.push({ index: m.index, text: text.slice(m.index, m.index + m[0].length) });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.text);
}

/** Each field's patterns, tried in order; the first match in the text wins. */
const BUILDING: readonly RegExp[] = [
  /(?<!\d)(\d{1,3})-\d{1,2}-\d{3,4}(?!\d)/,
  new RegExp(`第?${NUMBER}\\s*(?:栋|幢|号楼|座|#楼?)`),
  /\b(?:building|block|bldg|blk|tower)\.?\s*(?:no\.?\s*)?#?(\d{1,3}|[a-z])\b/i,
];
const UNIT: readonly RegExp[] = [
  /(?<!\d)\d{1,3}-(\d{1,2})-\d{3,4}(?!\d)/,
  new RegExp(`${NUMBER}\\s*单元`),
  /(?:栋|幢|号楼|座)\s*(\d{1,2})-\d{3,4}(?!\d)/,
  /\bunit\s*#?(\d{1,2})\b(?!\s*\d)/i,
];
const ROOM: readonly RegExp[] = [
  /(?<!\d)\d{1,3}-\d{1,2}-(\d{3,4})(?!\d)/,
  /单元\s*(\d{3,4})(?!\d)/,
  /(?:栋|幢|号楼|座)\s*(?:\d{1,2}-)?(\d{3,4})(?![\d单栋幢座号])/,
  /(?<!\d)(\d{3,4})\s*(?:室|房间|号房|房)/,
  /\b(?:room|rm|flat|apt|apartment)\.?\s*#?(\d{2,4})\b/i,
];

// 一栋楼 / 两栋楼 are "a building" / "two buildings", not building 1 or 2.
const COUNTING = /^[一两]\s*栋楼/;

const globalOf = (patterns: readonly RegExp[]) => patterns.map((p) => new RegExp(p.source, `${p.flags}g`));
const GLOBAL_BUILDING = globalOf(BUILDING);
const GLOBAL_UNIT = globalOf(UNIT);
const GLOBAL_ROOM = globalOf(ROOM);

function first(patterns: readonly RegExp[], text: string, skip?: RegExp): string | null {
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      if (skip?.test(text.slice(m.index))) continue;
      const hint = asHint(m[1]!);
      if (hint) return hint;
    }
  }
  return null;
}

/**
 * Building, unit and room from the ways residents write them — 3栋2单元501, 12号楼, 5幢, 二单元,
 * 3-2-501, "building 5", "block 3", 501室 — plus phone numbers. Phone numbers are blanked out
 * before looking for places so their digits are never read as a room.
 */
export function extractPlaceHints(text: string): PlaceHints {
  const phoneNumbers = findPhoneNumbers(text);
  let half = toHalfWidth(text);
  for (const phone of phoneNumbers) half = half.replace(toHalfWidth(phone), " ".repeat(phone.length));
  return {
    building: first(GLOBAL_BUILDING, half, COUNTING),
    unit: first(GLOBAL_UNIT, half),
    room: first(GLOBAL_ROOM, half),
    phoneNumbers,
  };
}
