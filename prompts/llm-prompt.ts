// Versioned prompt templates for the LLM path: prompts/templates/<version>.md, split into a system
// part and a user part, with {{placeholders}} filled from the deployment's categories and the message.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { IntentCode } from "../core/categories/default-categories";
import type { Locale } from "../core/people/person";
import type { CategoryChoice } from "../core/understanding/understanding";

export const UNDERSTAND_TEMPLATE_VERSION = "understand.v1";
export const TEMPLATES_DIR = path.join(import.meta.dirname, "templates");

/** The intents are the bot's, not the deployment's: described here, complete by type. */
export const INTENT_DESCRIPTIONS: Readonly<Record<IntentCode, string>> = {
  report:
    "报告问题、投诉或求助（然后要给出类别）/ reports a problem, complaint or request for help (then a category applies)",
  ticket_status: "询问自己之前报的事处理得怎么样了 / asks what happened to their earlier report(s)",
  points_balance: "查询志愿积分余额或明细 / asks for their volunteer points balance or history",
  points_redeem:
    "用积分兑换礼品，或查看可兑换的东西 / wants to exchange points for a reward, or see the rewards",
  checkin: "志愿活动或值班签到 / checks in to a volunteer activity or duty",
  booking_create: "预约党群服务中心的活动室或服务 / books a room or a service at the community centre",
  booking_query:
    "查看、修改、取消预约，或问哪里有空 / sees, changes or cancels bookings, or asks what is free",
  close_case:
    "（网格员）报告案件已处理、签收或回复案件 / (grid worker) reports a case handled, accepts or replies on one",
  summary:
    "（管理员）要日报、周报、统计、趋势 / (administrator) asks for a daily or weekly summary, statistics, trends",
  help: "问机器人能做什么、怎么用 / asks what the bot can do and how to use it",
  chitchat: "打招呼、感谢、闲聊等不需要处理的话 / greetings, thanks, anything that needs no action",
};

export interface PromptTemplate {
  /** e.g. "understand.v1": the file name without extension; logged and kept with evaluations. */
  readonly version: string;
  readonly system: string;
  readonly user: string;
}

export interface RenderedPrompt {
  readonly version: string;
  readonly system: string;
  readonly user: string;
}

export interface PromptInputs {
  readonly categories: readonly CategoryChoice[];
  readonly locale?: Locale;
}

const SYSTEM_MARKER = "<!-- system -->";
const USER_MARKER = "<!-- user -->";
const PLACEHOLDER = /\{\{(\w+)\}\}/g;
/** Long enough for any chat message; longer text is cut so one paste cannot run up the bill. */
export const MAX_MESSAGE_CHARS = 2000;

/** Read `<dir>/<version>.md`; throws when the file lacks the system and user markers (a bug, not a runtime state). */
export function loadPromptTemplate(
  version: string = UNDERSTAND_TEMPLATE_VERSION,
  dir: string = TEMPLATES_DIR,
): PromptTemplate {
  const text = readFileSync(path.join(dir, `${version}.md`), "utf8");
  return parsePromptTemplate(version, text);
}

export function parsePromptTemplate(version: string, text: string): PromptTemplate {
  const systemAt = text.indexOf(SYSTEM_MARKER);
  const userAt = text.indexOf(USER_MARKER);
  if (systemAt < 0 || userAt < systemAt) {
    throw new Error(`prompt template ${version}: needs "${SYSTEM_MARKER}" and then "${USER_MARKER}"`);
  }
  return {
    version,
    system: text.slice(systemAt + SYSTEM_MARKER.length, userAt).trim(),
    user: text.slice(userAt + USER_MARKER.length).trim(),
  };
}

/**
 * Fill {{name}} placeholders in one pass, so a value that itself contains "{{…}}" (a resident's
 * message can) is never expanded. An unknown placeholder is a bug in the template: it throws.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt template: no value for {{${name}}}`);
    return value;
  });
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export function renderCategoryList(categories: readonly CategoryChoice[]): string {
  return categories
    .map(
      (c) =>
        `- \`${oneLine(c.code)}\` ${oneLine(c.nameZh)} / ${oneLine(c.nameEn)}: ${oneLine(c.descriptionZh)} / ${oneLine(c.descriptionEn)}`,
    )
    .join("\n");
}

export function renderIntentList(): string {
  return Object.entries(INTENT_DESCRIPTIONS)
    .map(([code, description]) => `- \`${code}\`: ${description}`)
    .join("\n");
}

/**
 * The resident's text as it goes inside the <resident_message> tags: tags of that name in the text
 * are defused so the text cannot close the block early and pose as instructions; over-long text is cut.
 */
export function quoteMessage(text: string): string {
  const defused = text.replace(/<\s*(\/?)\s*resident_message\s*>/gi, "[$1resident_message]");
  return defused.length > MAX_MESSAGE_CHARS ? `${defused.slice(0, MAX_MESSAGE_CHARS)}…` : defused;
}

export function renderUnderstandPrompt(
  template: PromptTemplate,
  message: string,
  inputs: PromptInputs,
): RenderedPrompt {
  const systemValues = {
    intents: renderIntentList(),
    categories: renderCategoryList(inputs.categories),
    categoryCodes: inputs.categories.map((c) => oneLine(c.code)).join(", "),
    reasonLanguage: inputs.locale === "en" ? "English" : "简体中文 (Simplified Chinese)",
  };
  return {
    version: template.version,
    system: fillPlaceholders(template.system, systemValues),
    user: fillPlaceholders(template.user, { message: quoteMessage(message) }),
  };
}
