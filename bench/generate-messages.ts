import { seededRandom } from "../prompts/offline-model/seeded-random";
import { CLOSINGS, DETAILS, ENGLISH_CLOSINGS, ENGLISH_PROBLEMS, OPENINGS, PROBLEMS } from "./report-phrases";

/** The demo district's communities (db/seed/demo-district.ts): two grids each, buildings 1–3 and 4–6. */
export const COMMUNITIES = [
  "chunhui",
  "wenchang",
  "qiaodong",
  "xihu",
  "fengle",
  "dongshan",
  "fenghuang",
] as const;
const GRIDS_PER_COMMUNITY = 2;
const BUILDINGS_PER_GRID = 3;

export interface BenchResident {
  readonly personId: string;
  /** The playground user id (ChatIdentity.externalId). */
  readonly externalId: string;
  readonly name: string;
  readonly homeId: string;
  readonly chatId: string;
  readonly gridBuildings: readonly number[];
  readonly homeNo: number;
}

export interface BenchMessage {
  readonly chatId: string;
  readonly userId: string;
  readonly userName: string;
  readonly messageId: string;
  readonly text: string;
  /** What the generator meant; the offline model decides what it is. */
  readonly intendedCategory: string;
  /** A resident the bot has never seen: registered on first contact. */
  readonly newcomer: boolean;
}

const SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
const GIVEN = ["阿姨", "大爷", "女士", "先生", "奶奶", "爷爷", "姐", "哥", "老师", "同学"];

export type Random = () => number;

export function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Residents registered in the demo grids, each living in one building of their grid. */
export function generateResidents(count: number, random: Random): BenchResident[] {
  const residents: BenchResident[] = [];
  for (let i = 0; i < count; i++) {
    const community = COMMUNITIES[i % COMMUNITIES.length]!;
    const grid = 1 + (Math.floor(i / COMMUNITIES.length) % GRIDS_PER_COMMUNITY);
    const gridBuildings = Array.from(
      { length: BUILDINGS_PER_GRID },
      (_, b) => (grid - 1) * BUILDINGS_PER_GRID + b + 1,
    );
    const homeNo = pick(gridBuildings, random);
    residents.push({
      personId: `p-bench-${i}`,
      externalId: `bench-user-${i}`,
      name: `${pick([...SURNAMES], random)}${pick(GIVEN, random)}`,
      homeId: `b-${community}-${homeNo}`,
      chatId: `grid-${community}-${grid}`,
      gridBuildings,
      homeNo,
    });
  }
  return residents;
}

function placePhrase(buildingNo: number, random: Random): string {
  const unit = 1 + Math.floor(random() * 4);
  const room = `${1 + Math.floor(random() * 18)}0${1 + Math.floor(random() * 4)}`;
  const forms = [
    `${buildingNo}栋`,
    `${buildingNo}号楼`,
    `${buildingNo}幢`,
    `${buildingNo}栋${unit}单元`,
    `${buildingNo}栋${unit}单元${room}`,
    `${buildingNo}-${unit}-${room}`,
  ];
  return pick(forms, random);
}

function chineseText(category: string, buildingNo: number | null, random: Random): string {
  const problem = pick(PROBLEMS[category]!, random);
  const place = buildingNo === null ? "" : `${placePhrase(buildingNo, random)}${random() < 0.5 ? "" : "的"}`;
  const detail = pick(DETAILS, random);
  const closing = pick(CLOSINGS, random);
  const parts = [`${pick(OPENINGS, random)}${place}${problem}`, detail, closing].filter(Boolean);
  // Some write one run-on line, some use commas, some press enter between thoughts.
  const glue = pick(["，", " ", "，", "\n", "。"], random);
  let text = parts.join(glue);
  // A few long messages: the same complaint told twice, the way people vent.
  if (random() < 0.08) text = `${text}${glue}${pick(PROBLEMS[category]!, random)}，${pick(DETAILS, random)}`;
  return text;
}

function englishText(category: string, buildingNo: number | null, random: Random): string {
  const problem = pick(ENGLISH_PROBLEMS[category]!, random);
  const where = buildingNo === null ? "" : ` in building ${buildingNo}`;
  const closing = pick(ENGLISH_CLOSINGS, random);
  return `${problem}${where}${closing ? `, ${closing}` : ""}`;
}

const CATEGORIES = Object.keys(PROBLEMS);
const ENGLISH_CATEGORIES = Object.keys(ENGLISH_PROBLEMS);

/**
 * `count` distinct reports from the residents, in their grids' group chats, with a fixed seed:
 * every category, a building named in most texts (the resident's own or a neighbour's), varied
 * length, 3% English, and a share from people the bot has not met yet.
 */
export function generateMessages(
  count: number,
  residents: readonly BenchResident[],
  options: { seed: number; newcomerShare?: number; runTag?: string },
): BenchMessage[] {
  const random = seededRandom(options.seed);
  const newcomerShare = options.newcomerShare ?? 0.03;
  const seen = new Set<string>();
  const messages: BenchMessage[] = [];
  let newcomers = 0;
  while (messages.length < count) {
    const resident = pick(residents, random);
    const newcomer = random() < newcomerShare;
    const english = random() < 0.03;
    const category = english ? pick(ENGLISH_CATEGORIES, random) : pick(CATEGORIES, random);
    const roll = random();
    // 55% name their own building, 25% a neighbour's building in the grid, 20% none.
    const buildingNo =
      roll < 0.55 ? resident.homeNo : roll < 0.8 ? pick(resident.gridBuildings, random) : null;
    const text = english
      ? englishText(category, buildingNo, random)
      : chineseText(category, buildingNo, random);
    const userId = newcomer ? `bench-newcomer-${newcomers++}` : resident.externalId;
    // Distinct texts: no message is a copy of another.
    if (seen.has(text)) continue;
    seen.add(text);
    messages.push({
      chatId: resident.chatId,
      userId,
      userName: newcomer ? "新邻居" : resident.name,
      messageId: `${options.runTag ?? "bench"}-${messages.length}`,
      text,
      intendedCategory: category,
      newcomer,
    });
  }
  return messages;
}
