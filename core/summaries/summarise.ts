import { z } from "zod";
import { ancestorIdAt, type Place, placeIdOfPath } from "../places/place";
import { MINUTE_MS } from "../shared/clock";
import { fail, ok, type Result } from "../shared/result";
import { addDays, localDateOf } from "../shared/zoned-time";
import { localDatesBetween, startOfDate } from "./summary-period";
import type { OpenCasesAtPath, SummaryDeps, SummaryEvent, SummaryTicket } from "./summary-repository";

export const summaryInputSchema = z
  .object({
    scopePlaceId: z.string().min(1).max(200),
    from: z.date(),
    to: z.date(),
    timeZone: z.string().min(1),
    /** The by-day series covers at least this many days, ending with the period's last day. */
    trendDays: z.number().int().min(1).max(62).default(7),
    longestOpen: z.number().int().min(0).max(50).default(5),
  })
  .refine((input) => input.from < input.to, "from must be before to");
export type SummaryInput = z.input<typeof summaryInputSchema>;

export interface Rate {
  readonly count: number;
  readonly of: number;
  /** count / of, or null when there is nothing to divide by. */
  readonly rate: number | null;
}

export interface PlaceCount {
  readonly placeId: string;
  readonly placeName: string;
  readonly count: number;
}

export interface HotSpot extends PlaceCount {
  readonly level: "building" | "grid";
  readonly categoryCode: string | null;
}

export interface LongOpenCase {
  readonly number: string;
  readonly categoryCode: string | null;
  readonly placeId: string;
  readonly placeName: string;
  readonly ageMinutes: number;
}

export interface PeriodFigures {
  readonly newCases: number;
  readonly closed: number;
  readonly overdue: number;
}

export interface Summary {
  readonly scope: Place;
  readonly from: Date;
  readonly to: Date;
  readonly newCases: number;
  readonly closed: number;
  /** Open at `to`: someone still has to act. */
  readonly open: number;
  /** Open at `to` and past the deadline of its current clock. */
  readonly overdue: number;
  /** Closed cases resolved by their resolve deadline and never escalated for lateness. */
  readonly onTime: Rate;
  /** Cases resolved in the period that were reopened (the reporter said "not fixed") at least once. */
  readonly reopened: Rate;
  readonly rating: { readonly average: number | null; readonly count: number };
  /** New cases by category, most first (the chart's bars). */
  readonly byCategory: readonly { readonly categoryCode: string | null; readonly count: number }[];
  /** Buildings and grids with two or more new cases of one category. */
  readonly hotSpots: readonly HotSpot[];
  readonly longestOpen: readonly LongOpenCase[];
  /** New and closed cases per local day (the chart's lines). */
  readonly byDay: readonly { readonly date: string; readonly newCases: number; readonly closed: number }[];
  readonly overdueByGrid: readonly PlaceCount[];
  /** The period of the same length just before. */
  readonly previous: PeriodFigures & { readonly from: Date; readonly to: Date };
  /** This period minus the previous one. */
  readonly change: PeriodFigures;
}

const within = (from: Date, to: Date, at: Date | null) => at !== null && at >= from && at < to;

/** The sweep escalates for lateness as the system (a person whistling a case up is not lateness). */
export function isLateEvent(event: SummaryEvent): boolean {
  return event.type === "sla_breached" || (event.type === "escalated" && event.actorId === null);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A quarter of an hour: every time zone's offset is a multiple of it, so no local date changes within one. */
const QUARTER_HOUR_MS = 15 * 60_000;

/** How many of the instants fall on each local date (one zone conversion per quarter-hour, not per instant). */
function perLocalDate(instants: readonly (Date | null)[], timeZone: string): Map<string, number> {
  const counts = new Map<string, number>();
  const dateOfQuarter = new Map<number, string>();
  for (const at of instants) {
    if (!at) continue;
    const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
    let date = dateOfQuarter.get(quarter);
    if (date === undefined) {
      date = localDateOf(at, timeZone);
      dateOfQuarter.set(quarter, date);
    }
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}

const earliest = (a: Date, b: Date): Date => new Date(Math.min(a.getTime(), b.getTime()));

function rate(count: number, of: number): Rate {
  return { count, of, rate: of === 0 ? null : count / of };
}

/**
 * The summary of a place (district, street, community or grid) over [from, to): what came in,
 * what was closed, what is still open and late at `to`, quality (on time, reopened, rating),
 * where problems repeat, and the change against the period of the same length before.
 * Figures about "at `to`" read the tickets' stored deadlines.
 */
export async function summarise(deps: SummaryDeps, rawInput: SummaryInput): Promise<Result<Summary>> {
  const input = summaryInputSchema.parse(rawInput);
  const scope = await deps.places.getPlace(input.scopePlaceId);
  if (!scope) return fail("PLACE.NOT_FOUND", { placeId: input.scopePlaceId });
  const { from, to, timeZone } = input;
  const previous = { from: new Date(from.getTime() - (to.getTime() - from.getTime())), to: from };
  const lastDate = localDateOf(new Date(to.getTime() - 1), timeZone);
  const trendStart = startOfDate(addDays(lastDate, 1 - input.trendDays), timeZone);
  const trendFrom = earliest(trendStart, from);
  const windowFrom = earliest(trendFrom, previous.from);

  const repo = deps.summaries;
  const created = await repo.ticketsCreated(scope.path, windowFrom, to);
  const closedAll = await repo.ticketsClosed(scope.path, windowFrom, to);
  const openByPath = await repo.openCasesByPath(scope.path, from, to);
  const total = (count: (path: OpenCasesAtPath) => number) =>
    openByPath.reduce((sum, p) => sum + count(p), 0);
  const resolvedEvents = await repo.eventsBetween(scope.path, ["resolved"], from, to);

  const newCases = created.filter((t) => within(from, to, t.createdAt));
  const closed = closedAll.filter((t) => within(from, to, t.closedAt));
  const history = await repo.eventsOfTickets(
    [...new Set([...closed.map((t) => t.id), ...resolvedEvents.map((e) => e.ticketId)])],
    ["rejected", "escalated", "sla_breached"],
    to,
  );
  const late = new Set(history.filter(isLateEvent).map((e) => e.ticketId));
  const rejected = new Set(history.filter((e) => e.type === "rejected").map((e) => e.ticketId));
  const onTime = closed.filter(
    (t) =>
      !late.has(t.id) &&
      (t.resolveDeadline === null || (t.resolvedAt !== null && t.resolvedAt <= t.resolveDeadline)),
  );
  const resolvedIds = new Set(resolvedEvents.map((e) => e.ticketId));
  const ratings = closed.map((t) => t.rating).filter((r): r is number => r !== null);

  const names = placeNames(deps);
  const figures = (period: { from: Date; to: Date }, overdueAtEnd: number): PeriodFigures => ({
    newCases: created.filter((t) => within(period.from, period.to, t.createdAt)).length,
    closed: closedAll.filter((t) => within(period.from, period.to, t.closedAt)).length,
    overdue: overdueAtEnd,
  });
  const current = figures(
    { from, to },
    total((p) => p.overdueAtTo),
  );
  const before = figures(
    previous,
    total((p) => p.overdueAtFrom),
  );

  return ok({
    scope,
    from,
    to,
    newCases: current.newCases,
    closed: current.closed,
    open: total((p) => p.openAtTo),
    overdue: current.overdue,
    onTime: rate(onTime.length, closed.length),
    reopened: rate([...resolvedIds].filter((id) => rejected.has(id)).length, resolvedIds.size),
    rating: {
      average: ratings.length === 0 ? null : ratings.reduce((a, b) => a + b, 0) / ratings.length,
      count: ratings.length,
    },
    byCategory: [...countBy(newCases, (t) => t.categoryCode ?? "").entries()]
      .map(([code, tickets]) => ({ categoryCode: code || null, count: tickets.length }))
      .sort((a, b) => b.count - a.count || (a.categoryCode ?? "").localeCompare(b.categoryCode ?? "")),
    hotSpots: await hotSpots(newCases, names),
    longestOpen: await longestOpen(deps, openByPath, input.longestOpen, to, names),
    byDay: byDay(created, closedAll, localDatesBetween(trendFrom, to, timeZone), timeZone),
    overdueByGrid: await overdueByGrid(openByPath, names),
    previous: { ...previous, ...before },
    change: {
      newCases: current.newCases - before.newCases,
      closed: current.closed - before.closed,
      overdue: current.overdue - before.overdue,
    },
  });
}

/**
 * The oldest cases open at `to`, read only from the paths that can hold them: those whose own
 * oldest is among the `count` oldest of the paths' (ties included). A case among the `count`
 * oldest is no later than that cutoff, since the cutoff's paths hold `count` cases no later, so
 * its path's oldest is no later either.
 */
async function longestOpen(
  deps: SummaryDeps,
  openByPath: readonly OpenCasesAtPath[],
  count: number,
  to: Date,
  names: (id: string) => Promise<string>,
): Promise<LongOpenCase[]> {
  const oldestOfPaths = openByPath
    .flatMap((p) => (p.oldestOpenAtTo ? [{ path: p.placePath, oldest: p.oldestOpenAtTo.getTime() }] : []))
    .sort((a, b) => a.oldest - b.oldest);
  if (count === 0 || oldestOfPaths.length === 0) return [];
  const cutoff = oldestOfPaths[Math.min(count, oldestOfPaths.length) - 1]!.oldest;
  const paths = oldestOfPaths.filter((p) => p.oldest <= cutoff).map((p) => p.path);
  const shown = await deps.summaries.oldestOpenAt(paths, to, count);
  return Promise.all(
    shown.map(async (t) => ({
      number: t.number,
      categoryCode: t.categoryCode,
      placeId: t.placeId,
      placeName: await names(t.placeId),
      ageMinutes: Math.floor((to.getTime() - t.createdAt.getTime()) / MINUTE_MS),
    })),
  );
}

function byDay(
  created: readonly SummaryTicket[],
  closedAll: readonly SummaryTicket[],
  dates: readonly string[],
  timeZone: string,
) {
  const opened = perLocalDate(
    created.map((t) => t.createdAt),
    timeZone,
  );
  const closed = perLocalDate(
    closedAll.map((t) => t.closedAt),
    timeZone,
  );
  return dates.map((date) => ({ date, newCases: opened.get(date) ?? 0, closed: closed.get(date) ?? 0 }));
}

/** Place names, each looked up once. */
export function placeNames(deps: SummaryDeps): (id: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (id) => {
    let name = cache.get(id);
    if (!name) {
      name = deps.places.getPlace(id).then((place) => place?.name ?? id);
      cache.set(id, name);
    }
    return name;
  };
}

/**
 * Buildings with two or more cases of one category; grids too, unless all of the grid's cases
 * of that category are in one building already listed (the same hot spot said twice).
 */
async function hotSpots(tickets: readonly SummaryTicket[], names: (id: string) => Promise<string>) {
  const spots: HotSpot[] = [];
  const inBuildings = tickets.filter((t) => ancestorIdAt(t.placePath, "building") !== null);
  for (const [key, group] of countBy(
    inBuildings,
    (t) => `${t.categoryCode ?? ""}|${ancestorIdAt(t.placePath, "building")}`,
  )) {
    const [code, building] = key.split("|") as [string, string];
    if (group.length < 2) continue;
    spots.push({
      level: "building",
      placeId: building,
      placeName: await names(building),
      categoryCode: code || null,
      count: group.length,
    });
  }
  const byGridCategory = countBy(
    tickets.filter((t) => ancestorIdAt(t.placePath, "grid") !== null),
    (t) => `${t.categoryCode ?? ""}|${ancestorIdAt(t.placePath, "grid")}`,
  );
  for (const [key, group] of byGridCategory) {
    const [code, grid] = key.split("|") as [string, string];
    const places = new Set(group.map((t) => ancestorIdAt(t.placePath, "building") ?? t.placeId));
    if (group.length < 2 || places.size < 2) continue;
    spots.push({
      level: "grid",
      placeId: grid,
      placeName: await names(grid),
      categoryCode: code || null,
      count: group.length,
    });
  }
  return spots.sort((a, b) => b.count - a.count || a.placeId.localeCompare(b.placeId));
}

/** Cases overdue at `to` per grid; a case placed above any grid counts under its own place. */
async function overdueByGrid(openByPath: readonly OpenCasesAtPath[], names: (id: string) => Promise<string>) {
  const perPlace = new Map<string, number>();
  for (const { placePath, overdueAtTo } of openByPath) {
    if (overdueAtTo === 0) continue;
    const placeId = ancestorIdAt(placePath, "grid") ?? placeIdOfPath(placePath);
    perPlace.set(placeId, (perPlace.get(placeId) ?? 0) + overdueAtTo);
  }
  const counts: PlaceCount[] = [];
  for (const [placeId, count] of perPlace) counts.push({ placeId, placeName: await names(placeId), count });
  return counts.sort((a, b) => b.count - a.count || a.placeId.localeCompare(b.placeId));
}
