import { z } from "zod";
import { type BoardList, parseItemNumber, type UnitKind } from "../../core/board/board-ports";
import { chineseNumeral } from "../../core/shared/chinese-numerals";

const LIST_WORDS: Readonly<Record<string, BoardList>> = {
  need: "need",
  needs: "need",
  需求: "need",
  需求清单: "need",
  resource: "resource",
  resources: "resource",
  资源: "resource",
  资源清单: "resource",
  project: "project",
  projects: "project",
  项目: "project",
  项目清单: "project",
  offer: "offer",
  offers: "offer",
  个性: "offer",
  个性清单: "offer",
};

const KIND_WORDS: Readonly<Record<string, UnitKind>> = {
  company: "company",
  企业: "company",
  公司: "company",
  school: "school",
  学校: "school",
  hospital: "hospital",
  医院: "hospital",
  卫生院: "hospital",
  诊所: "hospital",
  shop: "shop",
  商户: "shop",
  商店: "shop",
  药店: "shop",
  超市: "shop",
  organisation: "organisation",
  organization: "organisation",
  社会组织: "organisation",
  组织: "organisation",
  协会: "organisation",
};

export function parseList(word: string | undefined): BoardList | null {
  return word ? (LIST_WORDS[word.toLowerCase()] ?? null) : null;
}

export function parseUnitKind(word: string | undefined): UnitKind | null {
  return word ? (KIND_WORDS[word.toLowerCase()] ?? null) : null;
}

/** "3栋", "5号楼2单元", "春晖社区", "东街道", or a place id ("b-chunhui-3"): the post's place. */
const PLACE_TOKEN =
  /^(?:(?:\d+|[一二三四五六七八九十]+)(?:栋|号楼|幢|座)(?:\d+单元)?|\S+(?:社区|网格|街道|小区)|[a-z]+(?:-[a-z0-9]+)+)$/i;

/** A time as people say it: "周六上午", "明天", "12月5日14:00", "每周三", "saturday", "tomorrow". */
const WHEN_TOKEN =
  /^(?:今天|明天|后天|今晚|明晚|本周|下周|这周|周末|每周|每天|每月|工作日|长期|随时|即日起|上午|下午|晚上|周[一二三四五六日天]|星期[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]|\d{1,2}[:：]\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}|today|tomorrow|tonight|weekends?|weekdays?|daily|weekly|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs?|fri|sat|sun)\b)/i;

const QUANTITY_ZH =
  /([0-9]+|[一二两三四五六七八九十百]+)\s*(?:名|个人|人|位|箱|件|份|袋|台|套|本|桶|张|辆|次|场)/;
const QUANTITY_EN = /\b([0-9]+)\s*(?:people|persons|volunteers|helpers|boxes|bags|sets|pieces|sessions)\b/i;

/** How many people or goods the text asks for or offers ("需要5名志愿者", "20箱矿泉水"), if it says. */
export function parseQuantity(text: string): number | null {
  const match = QUANTITY_ZH.exec(text) ?? QUANTITY_EN.exec(text);
  const value = match ? chineseNumeral(match[1]!) : null;
  return value !== null && value > 0 && value <= 100_000 ? value : null;
}

export interface PostWords {
  readonly list: BoardList;
  readonly placeHint: string | null;
  readonly whenText: string | null;
  readonly text: string;
  readonly quantity: number | null;
}

/** `/post <list> [place] [when] <text>`: place and time only where a word reads as one and text follows. */
export function parsePost(args: readonly string[]): PostWords | null {
  const list = parseList(args[0]);
  if (!list) return null;
  const rest = args.slice(1).filter((a) => a.length > 0);
  const placeHint = rest.length > 1 && PLACE_TOKEN.test(rest[0]!) ? rest.shift()! : null;
  const whenText = rest.length > 1 && WHEN_TOKEN.test(rest[0]!) ? rest.shift()! : null;
  const text = rest.join(" ").trim();
  if (!text) return null;
  return { list, placeHint, whenText, text, quantity: parseQuantity(text) };
}

const hoursSchema = z.coerce.number().positive().max(24);
const personIdSchema = z.string().regex(/^[\w-]{1,64}$/);

/** `/done <number> [hours each] [volunteer ids…]`; "2", "2.5", "2h", "2小时" are hours. */
export function parseDone(
  args: readonly string[],
): { number: number; hours: number | null; volunteerIds: string[] } | null {
  const number = parseItemNumber(args[0]);
  if (number === null) return null;
  let rest = args.slice(1).filter((a) => a.length > 0);
  let hours: number | null = null;
  const hoursWord = /^(\d+(?:\.\d+)?)(?:h|小时|个小时)?$/i.exec(rest[0] ?? "");
  if (hoursWord) {
    const parsed = hoursSchema.safeParse(hoursWord[1]);
    if (!parsed.success) return null;
    hours = parsed.data;
    rest = rest.slice(1);
  }
  const ids = z.array(personIdSchema).max(20).safeParse(rest);
  return ids.success ? { number, hours, volunteerIds: ids.data } : null;
}

/** `/unit add <name…> <kind> <place> <contact person id>` (the name may hold spaces). */
export function parseUnitAdd(
  args: readonly string[],
): { name: string; kind: UnitKind; placeHint: string; contactId: string } | null {
  if (!/^(add|登记|添加|新增)$/i.test(args[0] ?? "")) return null;
  const rest = args.slice(1).filter((a) => a.length > 0);
  if (rest.length < 4) return null;
  const contactId = personIdSchema.safeParse(rest.at(-1));
  const kind = parseUnitKind(rest.at(-3));
  const name = rest.slice(0, -3).join(" ").trim();
  if (!contactId.success || !kind || !name) return null;
  return { name, kind, placeHint: rest.at(-2)!, contactId: contactId.data };
}
