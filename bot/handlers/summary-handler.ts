import type { Role } from "../../core/people/person";
import { isWithin, type Place } from "../../core/places/place";
import { addDays, localDateOf } from "../../core/shared/zoned-time";
import { SUMMARY_ADMIN_ROLES, SUMMARY_ROLES, summaryGrantsOf } from "../../core/summaries/summary-access";
import {
  dayPeriod,
  localDateSchema,
  periodSoFar,
  type SummaryPeriod,
  weekPeriod,
} from "../../core/summaries/summary-period";
import {
  type BotContext,
  reply,
  replyPrivately,
  replyPrivatelyWith,
  words,
} from "../conversation/bot-context";
import { renderSummary, renderWorkerScores, summaryMessage } from "../conversation/summary-report";
import { showScope } from "./listing-handler";

const WEEK_WORDS = /本周|这周|这一周|这个星期|本星期|周报|this week|weekly|\bweek\b/i;
const YESTERDAY_WORDS = /昨天|昨日|yesterday/i;
const SCORE_WORDS = /考评|考核|绩效|打分情况|worker scores?|\bscores\b/i;
const SUFFIXES = /(社区|街道|网格|小区)$/;

/** Names someone may use for a place: its name, and without 社区/街道 when that leaves a real name. */
function namesOf(place: Place): string[] {
  const short = place.name.replace(SUFFIXES, "");
  return short.length >= 2 && short !== place.name ? [place.name, short] : [place.name];
}

/** The place named in the text (its id, or the longest name that appears), among all but buildings. */
async function placeNamedIn(ctx: BotContext, text: string): Promise<Place | null> {
  const places = await ctx.deps.summaries.places.placesWithin("/", [
    "district",
    "street",
    "community",
    "grid",
  ]);
  let best: { place: Place; length: number } | null = null;
  for (const place of places) {
    const mentions = [place.id, ...namesOf(place)].filter((name) => text.includes(name));
    for (const name of mentions)
      if (!best || name.length > best.length) best = { place, length: name.length };
  }
  return best?.place ?? null;
}

/** The scope asked about: a place named within the person's own, else their widest grant's place. */
async function scopeFor(
  ctx: BotContext,
  text: string,
  roles: readonly Role[],
): Promise<{ place: Place } | { refused: string } | null> {
  const named = await placeNamedIn(ctx, text);
  const grants = summaryGrantsOf(ctx.person, roles);
  if (named) {
    if (grants.some((g) => isWithin(named.path, g.placePath))) return { place: named };
    return { refused: words(ctx).summary.notInScope({ place: named.name }) };
  }
  const own = grants[0] ? await ctx.deps.summaries.places.getPlace(grants[0].placeId) : null;
  return own ? { place: own } : null;
}

/** "本周" → this week so far, "昨天" → yesterday, a date → that day (or its week), else today so far. */
function periodFor(
  ctx: BotContext,
  text: string,
  date: string | null,
): { period: SummaryPeriod; soFar: boolean } {
  const zone = ctx.deps.settings.timeZone;
  const week = WEEK_WORDS.test(text);
  if (date) return { period: week ? weekPeriod(date, zone) : dayPeriod(date, zone), soFar: false };
  if (YESTERDAY_WORDS.test(text)) {
    return { period: dayPeriod(addDays(localDateOf(ctx.now, zone), -1), zone), soFar: false };
  }
  return { period: periodSoFar(week ? "week" : "day", ctx.now, zone), soFar: true };
}

/** "今天的汇总", "本周东街道情况", "summary", "this week": figures and chart, privately. */
export async function showSummary(ctx: BotContext, text: string, date: string | null = null): Promise<void> {
  if (summaryGrantsOf(ctx.person).length === 0) {
    // Residents and department handlers keep the answer they had: the open-cases list is for admins.
    return showScope(ctx, "open");
  }
  if (SCORE_WORDS.test(text) && summaryGrantsOf(ctx.person, SUMMARY_ADMIN_ROLES).length > 0) {
    return showScores(ctx, text, date);
  }
  const scope = await scopeFor(ctx, text, SUMMARY_ROLES);
  if (!scope) return showScope(ctx, "open");
  if ("refused" in scope) {
    ctx.outcome = "refused_summary_scope";
    return reply(ctx, scope.refused);
  }
  const { period, soFar } = periodFor(ctx, text, date);
  const rendered = await renderSummary(
    ctx.deps,
    { scopePlaceId: scope.place.id, period, locale: ctx.locale },
    soFar ? ctx.now : null,
  );
  if (!rendered.ok) {
    ctx.outcome = `refused_${rendered.code}`;
    return reply(ctx, words(ctx).errors[rendered.code]);
  }
  ctx.outcome = "summary";
  replyPrivatelyWith(ctx, await summaryMessage(ctx.deps, rendered.value, ctx.locale));
}

/** Split /summary and /scores arguments into a date, "week" and the rest (a scope). */
function parseArgs(args: readonly string[]): { date: string | null; rest: string } | null {
  let date: string | null = null;
  const rest: string[] = [];
  for (const arg of args) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(arg)) {
      if (!localDateSchema.safeParse(arg).success) return null;
      date = arg;
    } else rest.push(arg);
  }
  return { date, rest: rest.join(" ") };
}

/** /summary [date] [week] [scope] */
export async function summaryCommand(ctx: BotContext, args: readonly string[]): Promise<void> {
  const parsed = parseArgs(args);
  if (!parsed) return reply(ctx, words(ctx).summary.usage("summary"));
  return showSummary(ctx, parsed.rest, parsed.date);
}

/** /scores [date] [week] [scope]: worker scores, for admins only. */
export async function scoresCommand(ctx: BotContext, args: readonly string[]): Promise<void> {
  const parsed = parseArgs(args);
  if (!parsed) return reply(ctx, words(ctx).summary.usage("scores"));
  return showScores(ctx, parsed.rest, parsed.date);
}

/** Worker scores ("本周网格员考评", /scores): resolved, on time, rating, sent back. */
async function showScores(ctx: BotContext, text: string, date: string | null): Promise<void> {
  if (summaryGrantsOf(ctx.person, SUMMARY_ADMIN_ROLES).length === 0) {
    ctx.outcome = "refused_admin_only";
    return reply(ctx, words(ctx).onlyForAdmins());
  }
  const scope = await scopeFor(ctx, text, SUMMARY_ADMIN_ROLES);
  if (!scope) return reply(ctx, words(ctx).onlyForAdmins());
  if ("refused" in scope) {
    ctx.outcome = "refused_summary_scope";
    return reply(ctx, scope.refused);
  }
  const { period, soFar } = periodFor(ctx, text, date);
  const scores = await renderWorkerScores(
    ctx.deps,
    { scopePlaceId: scope.place.id, period, locale: ctx.locale },
    soFar ? ctx.now : null,
  );
  if (!scores.ok) return reply(ctx, words(ctx).errors[scores.code]);
  ctx.outcome = "worker_scores";
  replyPrivately(ctx, scores.value);
}
