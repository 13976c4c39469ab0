// What grid workers and admins type in a chat about the residents registry: an entry to keep it up
// to date ("3栋201 王奶奶 独居 电话13800001111") or a request for a list or a count ("3栋的独居老人",
// "我们网格有多少独居老人"). Pure: the caller resolves the building and writes the registry.
//
// Heuristics (tested in registry-text*.test.ts):
// - An entry starts (after 登记/更新/录入/register) with building + room (3栋201, 3栋2单元201,
//   5号楼1单元302, 3-2-201, building 3 room 201) and names someone plus at least one fact (a tag,
//   a phone, an age or birth year, a move-out, an emergency contact). Names start with a common
//   surname (王芳, 欧阳娜娜, 老王, 王奶奶) or are capitalised / titled Latin words (Mrs Wang).
// - A text holding a problem or an event word (漏水, 坏了, 吵, 垃圾, 摔, 今天 …) is a report and is
//   neither an entry nor a request, whatever else it says.
// - A request is a place (optional), tag or registry words, and list/count words, nothing else:
//   any word left unexplained means it is something else.

import {
  alternation,
  CN_NUM,
  CONTACT_LABEL,
  COUNT_WORDS,
  CUT,
  EN_NAME_STOP,
  EN_NAME_TOKEN,
  EN_PLACE,
  EN_RELATIONS,
  EN_TITLES,
  HAN_NAME_TOKEN,
  HONORIFIC_NAME,
  isHanName,
  LEAD,
  MOVE_OUT,
  normalizeText,
  numberText,
  OWN_AREA,
  PHONE,
  PHONE_LABEL,
  PLACE_NAME,
  PLACE_PARTS,
  QUERY_FILLER,
  REGISTRY_TAG_WORDS,
  REGISTRY_WORDS,
  RELATIONS,
  REPORT_WORDS,
  readAddress,
  registryTagsIn,
  TRAIL,
} from "./registry-text-words";
import type { VulnerableTag } from "./resident";
import { phoneSchema, VULNERABLE_TAGS } from "./resident";

export interface RegistryUpdate {
  /** The digits that name the building, "3", "12" (as place-matching expects). */
  readonly buildingHint: string;
  readonly unit: string | null;
  readonly room: string;
  readonly name: string;
  readonly tags: VulnerableTag[];
  /** Digits only, valid per phoneSchema; an invalid one is reported in `problems`. */
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly emergencyContactName: string | null;
  readonly emergencyContactPhone: string | null;
  readonly moveOut: boolean;
  /** The words behind `unread_text` ("二级", "坐轮椅"): kept so the caller can note them, not lose them. */
  readonly unread: string[];
  /**
   * Things seen but not understood, as short codes: phone_invalid, phone_missing (a label, no
   * number), extra_phone, contact_phone_invalid, contact_phone_missing, contact_incomplete,
   * extra_contact, age_invalid, birth_year_invalid, age_conflict, id_number_ignored, unread_text.
   */
  readonly problems: string[];
}

const UPDATE_PREFIX = /^(?:登记|更新|录入|新增|register|update)\s*(?:一下)?\s*/i;

/** What has been read so far; `rest` is what is still unread. */
interface Reading {
  rest: string;
  readonly currentYear: number;
  name: string | null;
  phone: string | null;
  phoneTaken: boolean;
  birthYear: number | null;
  sawAge: boolean;
  contactName: string | null;
  contactPhone: string | null;
  sawContact: boolean;
  moveOut: boolean;
  /** Unread words that tell of something happening ("水管爆了"): a report, not an entry. */
  sawEvent: boolean;
  readonly tags: Set<VulnerableTag>;
  readonly problems: string[];
  readonly unread: string[];
}

/** Hands each match `accept`s to `read` and blanks it from the unread text. */
function consume(
  r: Reading,
  pattern: RegExp,
  read: (m: RegExpExecArray) => void,
  accept: (m: RegExpExecArray) => boolean = () => true,
): void {
  let out = "";
  let last = 0;
  for (const m of r.rest.matchAll(pattern)) {
    if (m[0] === "" || !accept(m)) continue;
    read(m);
    out += `${r.rest.slice(last, m.index)} `;
    last = m.index + m[0].length;
  }
  r.rest = out + r.rest.slice(last);
}

function problem(r: Reading, code: string): void {
  if (!r.problems.includes(code)) r.problems.push(code);
}

function validPhone(raw: string): string | null {
  const parsed = phoneSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const FIRST_CUT = new RegExp(CUT, "u");

/** The name right after the address: "王奶奶独居" → 王奶奶, "王芳 85岁" → 王芳, "Mrs Wang living…". */
function readNameAtStart(r: Reading): void {
  const rest = r.rest.replace(/^(?:姓名|name)\s*/i, "");
  const han = /^\p{Script=Han}+/u.exec(rest)?.[0];
  if (han) {
    const cut = FIRST_CUT.exec(han.slice(1));
    const candidate = HONORIFIC_NAME.exec(han)?.[0] ?? (cut ? han.slice(0, cut.index + 1) : han);
    if (isHanName(candidate)) {
      r.name = candidate;
      r.rest = rest.slice(candidate.length);
    }
    return;
  }
  const words: string[] = [];
  for (const word of rest.split(" ")) {
    if (words.length === 4 || !/^[A-Za-z][A-Za-z'-]*$/.test(word) || EN_NAME_STOP.test(word)) break;
    words.push(word);
  }
  const titled = words.length >= 2 && EN_TITLES.test(words[0] ?? "");
  if (words.length > 0 && (titled || words.every((w) => /^[A-Z]/.test(w)))) {
    r.name = words.join(" ");
    r.rest = rest.slice(r.name.length);
  }
}

function readPhone(r: Reading, raw: string): void {
  if (r.phoneTaken) {
    problem(r, "extra_phone");
    return;
  }
  r.phoneTaken = true;
  r.phone = validPhone(raw);
  if (r.phone === null) problem(r, "phone_invalid");
}

function readContact(r: Reading, name: string | null, raw: string | null): void {
  if (r.sawContact) {
    problem(r, "extra_contact");
    return;
  }
  r.sawContact = true;
  r.contactName = name;
  if (raw !== null) {
    r.contactPhone = validPhone(raw);
    if (r.contactPhone === null) problem(r, "contact_phone_invalid");
  }
  if (name === null && raw === null) problem(r, "contact_incomplete");
}

const RELATION = `(?:${RELATIONS}|\\b${EN_RELATIONS}\\b)`;
const CONTACT_NAME = `(?:${HAN_NAME_TOKEN}|${EN_NAME_TOKEN})`;
const ID_NUMBER = /(?:身份证(?:号码|号)?\s*)?(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/gu;
const LABELLED_CONTACT = new RegExp(
  `${CONTACT_LABEL}\\s*(?:(${RELATION})\\s*)?(${CONTACT_NAME})?\\s*(?:(${RELATION})\\s*)?(?:${PHONE_LABEL}\\s*)?(${PHONE})?`,
  "giu",
);
const RELATIVE_WITH_PHONE = new RegExp(
  `(${RELATION})\\s*(${CONTACT_NAME})?\\s*(?:${PHONE_LABEL}\\s*)?(${PHONE})`,
  "giu",
);
const RELATIVE_NAMED = new RegExp(`(${RELATIONS})\\s*(${HAN_NAME_TOKEN})`, "gu");
const LABELLED_PHONE = new RegExp(`(?<![A-Za-z])${PHONE_LABEL}\\s*(${PHONE}|\\d[\\d-]*)?`, "giu");
const BARE_PHONE = new RegExp(PHONE, "gu");
const BIRTH_YEAR = [
  /(?:出生于|出生|生于|born in|born)\s*((?:19|20)\d{2})(?!\d)\s*年?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?/giu,
  /(?<!\d)((?:19|20)\d{2})(?!\d)\s*年?\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号]\s*)?)?(?:出生|生人|生)/giu,
];
const AGE = new RegExp(
  `(?<!\\d)(\\d{1,3}|${CN_NUM})\\s*(?:周岁|岁)|(?:年龄|\\baged?)\\s*(\\d{1,3})(?!\\d)\\s*(?:周岁|岁)?|(?<!\\d)(\\d{1,3})\\s*(?:years? old|yrs old|y/?o)\\b`,
  "giu",
);
const TAG_PATTERNS = REGISTRY_TAG_WORDS.map(
  ([word, tag]) => [new RegExp(alternation([word]), "gi"), tag] as const,
);
/** Left-overs that carry nothing: "是", "的", "本人", "and". */
const FILLER = /^(?:是|的|人|户主|本人|一人|一个人|和|及|与|家|住|住户|居民|and|with|is|a|an|the|-|\+)$/i;

function readFields(r: Reading): void {
  readNameAtStart(r);
  // An ID number is not part of an entry typed in a chat: left out, and said so.
  consume(r, ID_NUMBER, () => problem(r, "id_number_ignored"));
  consume(r, LABELLED_CONTACT, (m) => {
    const relation = m[1] ?? m[3] ?? null;
    readContact(r, m[2]?.trim() ?? relation, m[4] ?? null);
  });
  consume(r, RELATIVE_WITH_PHONE, (m) => readContact(r, m[2]?.trim() ?? m[1]!, m[3]!));
  consume(r, LABELLED_PHONE, (m) => {
    if (m[1] === undefined) problem(r, "phone_missing");
    else readPhone(r, m[1]);
  });
  consume(r, BARE_PHONE, (m) => readPhone(r, m[0]));
  for (const pattern of BIRTH_YEAR) {
    consume(r, pattern, (m) => {
      const year = Number(m[1]);
      r.sawAge = true;
      if (year > r.currentYear || year < r.currentYear - 130) problem(r, "birth_year_invalid");
      else r.birthYear = year;
    });
  }
  consume(r, AGE, (m) => {
    const age = numberText(m[1] ?? m[2] ?? m[3] ?? "");
    r.sawAge = true;
    if (age === null || Number(age) > 120) {
      problem(r, "age_invalid");
      return;
    }
    const year = r.currentYear - Number(age);
    // A birth year written out wins over an age, which is a year off around birthdays.
    if (r.birthYear === null) r.birthYear = year;
    else if (Math.abs(r.birthYear - year) > 1) problem(r, "age_conflict");
  });
  consume(r, MOVE_OUT, () => {
    r.moveOut = true;
  });
  consume(
    r,
    RELATIVE_NAMED,
    (m) => {
      readContact(r, m[2]!, null);
      problem(r, "contact_phone_missing");
    },
    (m) => !r.sawContact && isHanName(m[2]!),
  );
  for (const [pattern, tag] of TAG_PATTERNS) {
    consume(r, pattern, () => {
      r.tags.add(tag);
    });
  }
  for (const word of r.rest.split(/\s+/).filter(Boolean)) {
    if (r.name === null && isHanName(word)) r.name = word;
    else if (!FILLER.test(word)) {
      problem(r, "unread_text");
      r.unread.push(word);
    }
    if (word.includes("了")) r.sawEvent = true;
  }
}

/**
 * A registry entry as a grid worker types it, or null when the text is something else (a report,
 * a question, a request for a list). `currentYear` turns "85岁" into a birth year.
 */
export function parseRegistryUpdate(text: string, currentYear: number): RegistryUpdate | null {
  const normalized = normalizeText(text);
  if (/(?:\?|吗|呢)$/u.test(normalized)) return null; // a question, not an entry
  const address = readAddress(normalized.replace(UPDATE_PREFIX, ""));
  if (!address || REPORT_WORDS.test(address.rest)) return null;
  const r: Reading = {
    rest: address.rest,
    currentYear,
    name: null,
    phone: null,
    phoneTaken: false,
    birthYear: null,
    sawAge: false,
    contactName: null,
    contactPhone: null,
    sawContact: false,
    moveOut: false,
    sawEvent: false,
    tags: new Set(),
    problems: [],
    unread: [],
  };
  readFields(r);
  const hasFact = r.tags.size > 0 || r.phoneTaken || r.sawAge || r.moveOut || r.sawContact;
  if (r.name === null || !hasFact || r.sawEvent) return null;
  return {
    buildingHint: address.buildingHint,
    unit: address.unit,
    room: address.room,
    name: r.name,
    tags: VULNERABLE_TAGS.filter((tag) => r.tags.has(tag)),
    phone: r.phone,
    birthYear: r.birthYear,
    emergencyContactName: r.contactName,
    emergencyContactPhone: r.contactPhone,
    moveOut: r.moveOut,
    unread: r.unread,
    problems: r.problems,
  };
}

export interface RegistryQuery {
  readonly placeHint: string | null;
  readonly tags: VulnerableTag[];
  readonly mode: "list" | "count";
}

export interface PlaceHintParts {
  readonly buildingHint: string | null;
  readonly unit: string | null;
  readonly name: string | null;
}

/** "3栋2单元" → building 3, unit 2; "春晖小区3栋" → name 春晖小区, building 3; "东山街道" → name. */
export function parsePlaceHint(hint: string): PlaceHintParts {
  const text = normalizeText(hint);
  const m = PLACE_PARTS.exec(text);
  const building = m?.[2] ?? m?.[3];
  const unit = m?.[4] ?? m?.[5];
  const name = (m ? m[1]! : text).trim();
  return {
    buildingHint: building === undefined ? null : numberText(building),
    unit: unit === undefined ? null : numberText(unit),
    name: name === "" ? null : name,
  };
}

/** A place the registry can be filtered by: a building, a unit, a named area, or a mix. */
function isPlace(text: string): boolean {
  if (text === "") return false;
  const parts = parsePlaceHint(text);
  if (parts.name !== null && !PLACE_NAME.test(parts.name)) return false;
  return parts.name !== null || parts.buildingHint !== null || parts.unit !== null;
}

/** The place said before the tags, once request and linking words are stripped; false if not one. */
function placeBefore(prefix: string): string | null | false {
  let place = prefix.trim();
  for (let lead = LEAD.exec(place); lead && lead[0] !== ""; lead = LEAD.exec(place)) {
    place = place.slice(lead[0].length).trim();
  }
  for (let trail = TRAIL.exec(place); trail && trail[0] !== ""; trail = TRAIL.exec(place)) {
    place = place.slice(0, trail.index).trim();
  }
  if (OWN_AREA.test(place)) return null;
  return isPlace(place) ? place : false;
}

const QUERY_WORDS = new RegExp(
  alternation([...REGISTRY_WORDS, ...REGISTRY_TAG_WORDS.map(([word]) => word)]),
  "gi",
);
/** Any year will do: only whether the text reads as an entry matters here. */
const PROBE_YEAR = 2000;

/**
 * A worker's or admin's request for a list or a count of residents ("3栋的独居老人", "独居老人有
 * 几个"), or null when the text is an entry, a report, or anything else.
 */
export function parseRegistryQuery(text: string): RegistryQuery | null {
  const normalized = normalizeText(text).replace(/[?]+$/, "").trim();
  if (normalized === "" || REPORT_WORDS.test(normalized)) return null;
  if (parseRegistryUpdate(text, PROBE_YEAR) !== null) return null;
  let placeHint: string | null = null;
  let work = normalized;
  const en = EN_PLACE.exec(work);
  if (en) {
    placeHint = (en[1] ?? en[2] ?? "").trim();
    work = `${work.slice(0, en.index)} ${work.slice(en.index + en[0].length)}`;
  }
  const tags = registryTagsIn(work);
  const lower = work.toLowerCase();
  const first = lower.search(QUERY_WORDS);
  if (first < 0) return null;
  const before = placeBefore(work.slice(0, first));
  if (before === false) return null;
  placeHint ??= before;
  // Everything after the first tag must be tags, registry words, fillers or (once) a place.
  const leftover = lower.slice(first).replace(QUERY_WORDS, " ").replace(QUERY_FILLER, " ").trim();
  if (leftover !== "") {
    const place = leftover.replace(/^(?:在|住在|位于)/u, "");
    if (placeHint !== null || /\s/.test(place) || !isPlace(place)) return null;
    placeHint = place;
  }
  // "elderly living alone" names both; the list wanted is the alone ones, not every elderly.
  const wanted = tags.includes("elderly_alone") ? tags.filter((tag) => tag !== "elderly") : tags;
  return {
    placeHint,
    tags: VULNERABLE_TAGS.filter((tag) => wanted.includes(tag)),
    mode: COUNT_WORDS.test(normalized) ? "count" : "list",
  };
}
