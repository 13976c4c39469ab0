import { z } from "zod";

/**
 * The groups a grid keeps a precise list of ("一老一小", the disabled, expectant mothers, the
 * chronically ill, families on subsistence). Codes are stable; words are in the catalogues.
 */
export const VULNERABLE_TAGS = [
  "elderly_alone",
  "elderly",
  "child",
  "disabled",
  "pregnant",
  "chronic_illness",
  "low_income",
] as const;
export type VulnerableTag = (typeof VULNERABLE_TAGS)[number];
export const vulnerableTagSchema = z.enum(VULNERABLE_TAGS);

/** Words residents and workers use for each tag, longest first so "独居老人" wins over "老人". */
export const TAG_WORDS: readonly (readonly [string, VulnerableTag])[] = [
  ["独居老人", "elderly_alone"],
  ["空巢老人", "elderly_alone"],
  ["孤寡老人", "elderly_alone"],
  ["living alone", "elderly_alone"],
  ["独居", "elderly_alone"],
  ["空巢", "elderly_alone"],
  ["孤寡", "elderly_alone"],
  ["高龄老人", "elderly"],
  ["老年人", "elderly"],
  ["elderly", "elderly"],
  ["高龄", "elderly"],
  ["老人", "elderly"],
  ["留守儿童", "child"],
  ["困境儿童", "child"],
  ["children", "child"],
  ["child", "child"],
  ["儿童", "child"],
  ["小孩", "child"],
  ["残疾人", "disabled"],
  ["disabled", "disabled"],
  ["残疾", "disabled"],
  ["残障", "disabled"],
  ["孕产妇", "pregnant"],
  ["pregnant", "pregnant"],
  ["孕妇", "pregnant"],
  ["怀孕", "pregnant"],
  ["chronic illness", "chronic_illness"],
  ["chronic", "chronic_illness"],
  ["慢性病", "chronic_illness"],
  ["慢病", "chronic_illness"],
  ["low income", "low_income"],
  ["低保户", "low_income"],
  ["低保", "low_income"],
  ["特困", "low_income"],
];

/** Tags named in a text (any order, each once), e.g. "独居 残疾" → elderly_alone, disabled. */
export function tagsIn(text: string): VulnerableTag[] {
  const found = new Set<VulnerableTag>();
  let rest = text.toLowerCase();
  for (const [word, tag] of TAG_WORDS) {
    if (rest.includes(word)) {
      found.add(tag);
      rest = rest.split(word).join(" ");
    }
  }
  return [...found];
}

/** Mainland mobile or landline (digits, an optional +86, dashes and spaces dropped). */
export const phoneSchema = z
  .string()
  .transform((raw) => raw.replace(/[\s-]/g, "").replace(/^\+?86(?=1\d{10}$)/, ""))
  .pipe(z.string().regex(/^(1\d{10}|0\d{9,11}|\d{7,8})$/, "not a phone number"));

/** 18-character resident identity number (the last may be X). */
export const idNumberSchema = z
  .string()
  .transform((raw) => raw.trim().toUpperCase())
  .pipe(z.string().regex(/^\d{17}[\dX]$/, "not an 18-character ID number"));

/** Where a household lives: a building of the tree, and the unit and room inside it. */
export interface HouseholdAddress {
  readonly buildingId: string;
  /** "2" for 2单元; null where a building has no units. */
  readonly unit: string | null;
  /** "201". */
  readonly room: string;
}

export interface Household extends HouseholdAddress {
  readonly id: string;
  readonly buildingPath: string;
}

/** A registered resident. Personal fields are as stored; masking happens on the way out. */
export interface Resident {
  readonly id: string;
  readonly householdId: string;
  readonly name: string;
  readonly phone: string | null;
  readonly idNumber: string | null;
  readonly birthYear: number | null;
  readonly tags: readonly VulnerableTag[];
  readonly emergencyContactName: string | null;
  readonly emergencyContactPhone: string | null;
  /** The resident (or guardian) agreed to be kept in the registry and contacted. */
  readonly consent: boolean;
  /** Their chat account, when they (or the bot's welfare check) use one. */
  readonly personId: string | null;
  readonly note: string | null;
}

/** What a registry write carries: a resident at an address, new or updated (matched by name there). */
export const residentInputSchema = z.object({
  buildingId: z.string().min(1),
  unit: z
    .string()
    .trim()
    .max(10)
    .nullable()
    .transform((v) => (v ? v : null)),
  room: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(40),
  phone: phoneSchema.nullable(),
  idNumber: idNumberSchema.nullable(),
  birthYear: z.number().int().min(1900).max(2100).nullable(),
  tags: z.array(vulnerableTagSchema).max(VULNERABLE_TAGS.length),
  emergencyContactName: z.string().trim().max(40).nullable(),
  emergencyContactPhone: phoneSchema.nullable(),
  consent: z.boolean(),
  note: z.string().trim().max(500).nullable(),
});
export type ResidentInput = z.output<typeof residentInputSchema>;

/** "138****5678": enough to recognise a number, not to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length <= 4) return "*".repeat(phone.length);
  const head = phone.length >= 11 ? 3 : 0;
  return phone.slice(0, head) + "*".repeat(phone.length - head - 4) + phone.slice(-4);
}

/** "330102********123X". */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return null;
  return idNumber.slice(0, 6) + "*".repeat(Math.max(0, idNumber.length - 10)) + idNumber.slice(-4);
}

/** "3栋2单元201" or "3栋201". */
export function formatAddress(buildingName: string, unit: string | null, room: string): string {
  return `${buildingName}${unit ? `${unit}单元` : ""}${room}`;
}
