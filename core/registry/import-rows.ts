import { chineseNumeral } from "../shared/chinese-numerals";
import { type ResidentInput, residentInputSchema, TAG_WORDS, tagsIn, type VulnerableTag } from "./resident";

/** A building residents can be imported into: matched by id, name, or English name. */
export interface ImportBuilding {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string | null;
}

export interface AcceptedRow {
  readonly rowNumber: number;
  readonly input: ResidentInput;
}

/** Why a row was left out. `column` is the file's own header text, so the worker can find the cell. */
export interface RefusedRow {
  readonly rowNumber: number;
  readonly column: string | null;
  readonly reason: string;
}

export interface ImportCheck {
  readonly accepted: AcceptedRow[];
  readonly refused: RefusedRow[];
  /** Header cells that name no field (or repeat one already mapped); their cells are ignored. */
  readonly unknownColumns: string[];
}

export interface ImportOptions {
  /** Lets an age column stand in for birth year (birthYear = currentYear - age). */
  readonly currentYear: number;
}

type Field =
  | "building"
  | "unit"
  | "room"
  | "name"
  | "phone"
  | "idNumber"
  | "birthYear"
  | "age"
  | "tags"
  | "emergencyContactName"
  | "emergencyContactPhone"
  | "consent"
  | "note";

/** Header words per field, written normalised (see headerKey). The first is the label used in reports. */
const HEADER_WORDS: Readonly<Record<Field, readonly string[]>> = {
  building: ["楼栋", "楼号", "building", "buildingid"],
  unit: ["单元", "unit"],
  room: ["房号", "门牌", "室", "room"],
  name: ["姓名", "name"],
  phone: ["电话", "手机", "联系电话", "手机号", "手机号码", "电话号码", "phone"],
  idNumber: ["身份证号", "身份证", "idnumber"],
  birthYear: ["出生年份", "birthyear"],
  age: ["年龄", "age"],
  tags: ["标签", "类别", "人群", "tags"],
  emergencyContactName: ["紧急联系人", "emergencycontact", "emergencycontactname"],
  emergencyContactPhone: ["紧急联系电话", "紧急联系人电话", "emergencyphone", "emergencycontactphone"],
  consent: ["同意", "知情同意", "consent"],
  note: ["备注", "note"],
};
const FIELDS = Object.keys(HEADER_WORDS) as Field[];
const REQUIRED: readonly Field[] = ["building", "room", "name", "consent"];
const REQUIRED_EN: Readonly<Partial<Record<Field, string>>> = {
  building: "building",
  room: "room",
  name: "name",
  consent: "consent",
};

/** "Building ID", "building_id" and "BUILDING-ID" are one header; a trailing "*" marks required in templates. */
function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-*]/g, "");
}

const FIELD_BY_HEADER = new Map<string, Field>(
  FIELDS.flatMap((field) => HEADER_WORDS[field].map((word) => [word, field] as const)),
);

/** Full-width forms (０-９, Ｘ, －) come from Chinese input methods; map them to ASCII. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/** "2单元" → "2", "二单元" → "2", "A座" stays "A座". */
function normaliseUnit(text: string): string {
  const bare = toHalfWidth(text)
    .replace(/\s*单元$/, "")
    .trim();
  const numeral = /^\d+$/.test(bare) ? null : chineseNumeral(bare);
  return numeral === null ? bare : String(numeral);
}

/** "201室" / "201号" → "201". */
function normaliseRoom(text: string): string {
  return toHalfWidth(text)
    .replace(/\s*[室号]$/, "")
    .trim();
}

const CONSENT_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["是", true],
  ["y", true],
  ["yes", true],
  ["true", true],
  ["1", true],
  ["同意", true],
  ["否", false],
  ["n", false],
  ["no", false],
  ["false", false],
  ["0", false],
  ["不同意", false],
]);

const TAG_SEPARATORS = "、,，;；|/\\s";
const MULTI_WORD_TAGS = TAG_WORDS.map(([word]) => word).filter((word) => /\s/.test(word));
/** Spaces separate tags, but "living alone" is one tag: match the multi-word phrases first. */
const TAG_TOKEN = new RegExp(
  [
    ...MULTI_WORD_TAGS.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+")),
    `[^${TAG_SEPARATORS}]+`,
  ].join("|"),
  "gi",
);

function parseTags(text: string): { tags: VulnerableTag[]; unknown: string[] } {
  const tags = new Set<VulnerableTag>();
  const unknown: string[] = [];
  for (const token of text.match(TAG_TOKEN) ?? []) {
    const found = tagsIn(token.replace(/\s+/g, " "));
    if (found.length === 0) unknown.push(token);
    for (const tag of found) tags.add(tag);
  }
  return { tags: [...tags], unknown };
}

type BuildingMatch = { ok: true; id: string } | { ok: false; reason: string };

function matchBuilding(text: string, buildings: readonly ImportBuilding[]): BuildingMatch {
  const byId = buildings.find((b) => b.id === text);
  if (byId) return { ok: true, id: byId.id };
  const lower = text.toLowerCase();
  const byName = buildings.filter(
    (b) => b.name.trim() === text || (b.nameEn != null && b.nameEn.trim().toLowerCase() === lower),
  );
  const ids = [...new Set(byName.map((b) => b.id))];
  if (ids.length === 1) return { ok: true, id: ids[0]! };
  if (ids.length > 1)
    return { ok: false, reason: `楼栋名称不唯一 (ambiguous building, matches ${ids.join(", ")}): ${text}` };
  return { ok: false, reason: `楼栋不存在 (no such building): ${text}` };
}

/** Messages for what residentInputSchema refuses, by field; `value` is the cell as written. */
function schemaReason(field: Field, value: string, zodMessage: string): string {
  switch (field) {
    case "unit":
      return `单元号过长 (unit longer than 10 characters): ${value}`;
    case "room":
      return value ? `房号过长 (room longer than 20 characters): ${value}` : "房号为空 (room is required)";
    case "name":
      return value ? `姓名过长 (name longer than 40 characters): ${value}` : "姓名为空 (name is required)";
    case "phone":
      return `电话格式不对 (not a phone number): ${value}`;
    case "idNumber":
      return `身份证号格式不对 (not an 18-character ID number): ${value}`;
    case "birthYear":
    case "age":
      return `出生年份不对 (birth year not between 1900 and 2100): ${value}`;
    case "emergencyContactName":
      return `紧急联系人过长 (emergency contact longer than 40 characters): ${value}`;
    case "emergencyContactPhone":
      return `紧急联系电话格式不对 (emergency contact phone is not a phone number): ${value}`;
    case "note":
      return "备注过长 (note longer than 500 characters)";
    default:
      return `${HEADER_WORDS[field][0]}不对 (${zodMessage}): ${value}`;
  }
}

const SCHEMA_FIELD: Readonly<Record<string, Field>> = {
  unit: "unit",
  room: "room",
  name: "name",
  phone: "phone",
  idNumber: "idNumber",
  birthYear: "birthYear",
  emergencyContactName: "emergencyContactName",
  emergencyContactPhone: "emergencyContactPhone",
  note: "note",
};

interface Problem {
  readonly field: Field | null;
  readonly reason: string;
}

/**
 * Check the rows of a residents file against the registry's rules. Each row is accepted as a
 * ResidentInput or refused once, its reason being all its problems joined with "; " (in column
 * order, a repeat of an earlier row last) and its column the column of the first problem.
 */
export function checkResidentRows(
  header: readonly string[],
  rows: readonly { rowNumber: number; cells: Record<string, string> }[],
  buildings: readonly ImportBuilding[],
  options?: ImportOptions,
): ImportCheck {
  const columnOf = new Map<Field, string>();
  const unknownColumns: string[] = [];
  for (const text of header) {
    if (text.trim() === "") continue;
    const field = FIELD_BY_HEADER.get(headerKey(text));
    const usable = field !== undefined && (field !== "age" || options !== undefined);
    if (usable && !columnOf.has(field)) columnOf.set(field, text);
    else unknownColumns.push(text.trim());
  }

  const missing = REQUIRED.filter((field) => !columnOf.has(field));
  if (missing.length > 0) {
    return {
      accepted: [],
      refused: missing.map((field) => ({
        rowNumber: 1,
        column: HEADER_WORDS[field][0]!,
        reason: `缺少列 (missing column): ${HEADER_WORDS[field][0]} / ${REQUIRED_EN[field]}`,
      })),
      unknownColumns,
    };
  }

  const accepted: AcceptedRow[] = [];
  const refused: RefusedRow[] = [];
  const firstRowOf = new Map<string, number>();

  for (const row of rows) {
    if (Object.values(row.cells).every((cell) => cell.trim() === "")) continue;
    const cell = (field: Field): string => {
      const column = columnOf.get(field);
      return column === undefined ? "" : (row.cells[column] ?? "").trim();
    };
    const problems: Problem[] = [];
    const problem = (field: Field | null, reason: string) => problems.push({ field, reason });

    const buildingText = cell("building");
    let buildingId = "";
    if (buildingText === "") problem("building", "楼栋为空 (building is required)");
    else {
      const match = matchBuilding(buildingText, buildings);
      if (match.ok) buildingId = match.id;
      else problem("building", match.reason);
    }

    let birthYear: number | null = null;
    const yearText = toHalfWidth(cell("birthYear")).replace(/\s*年$/, "");
    const ageText = toHalfWidth(cell("age")).replace(/\s*[岁周]$/, "");
    if (yearText !== "") {
      if (/^\d{1,4}$/.test(yearText)) birthYear = Number(yearText);
      else problem("birthYear", `出生年份不对 (not a year): ${cell("birthYear")}`);
    } else if (ageText !== "" && options) {
      const age = /^\d{1,3}$/.test(ageText) ? Number(ageText) : Number.NaN;
      if (age >= 0 && age <= 130) birthYear = options.currentYear - age;
      else problem("age", `年龄不对 (not an age): ${cell("age")}`);
    }

    const { tags, unknown } = parseTags(cell("tags"));
    for (const word of unknown) problem("tags", `标签无法识别 (unknown tag): ${word}`);

    const consentText = cell("consent");
    const consent = CONSENT_WORDS.get(toHalfWidth(consentText).toLowerCase());
    if (consentText === "") problem("consent", "未填写是否同意 (consent must be stated)");
    else if (consent === undefined)
      problem("consent", `同意一栏无法识别 (consent not understood): ${consentText}`);

    const orNull = (text: string) => (text === "" ? null : text);
    const unit = normaliseUnit(cell("unit"));
    const room = normaliseRoom(cell("room"));
    const name = cell("name").replace(/\s+/g, " ");
    const parsed = residentInputSchema.safeParse({
      buildingId: buildingId || "?",
      unit: orNull(unit),
      room,
      name,
      phone: orNull(toHalfWidth(cell("phone"))),
      idNumber: orNull(toHalfWidth(cell("idNumber"))),
      birthYear,
      tags,
      emergencyContactName: orNull(cell("emergencyContactName")),
      emergencyContactPhone: orNull(toHalfWidth(cell("emergencyContactPhone"))),
      consent: consent ?? false,
      note: orNull(cell("note")),
    });
    if (!parsed.success) {
      const reported = new Set<Field>();
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        const field = typeof key === "string" ? SCHEMA_FIELD[key] : undefined;
        if (field === undefined) {
          // Fields checked above (building, tags, consent) cannot fail here; say so rather than drop it.
          problem(null, `数据不对 (invalid ${String(key)}): ${issue.message}`);
          continue;
        }
        if (reported.has(field)) continue;
        reported.add(field);
        // A birth year computed from an age is reported against the age column.
        const source = field === "birthYear" && yearText === "" ? "age" : field;
        problem(source, schemaReason(source, cell(source), issue.message));
      }
    }

    problems.sort((a, b) => order(a.field) - order(b.field));
    const key = [buildingId || `?${buildingText.toLowerCase()}`, unit, room, name].join("\u0000");
    const earlier = firstRowOf.get(key);
    if (earlier === undefined) firstRowOf.set(key, row.rowNumber);
    else problem(null, `与第${earlier}行重复 (same as row ${earlier})`);

    const first = problems[0];
    if (first === undefined && parsed.success)
      accepted.push({ rowNumber: row.rowNumber, input: parsed.data });
    else
      refused.push({
        rowNumber: row.rowNumber,
        column: first?.field ? (columnOf.get(first.field)?.trim() ?? null) : null,
        reason: problems.map((p) => p.reason).join("; "),
      });
  }
  return { accepted, refused, unknownColumns };
}

function order(field: Field | null): number {
  return field === null ? FIELDS.length : FIELDS.indexOf(field);
}
