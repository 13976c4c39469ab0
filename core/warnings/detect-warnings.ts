import { ancestorIdAt, levelOfPath, type PlaceLevel, pathAt } from "../places/place";
import { HOUR_MS } from "../shared/clock";
import { addDays, instantOf, localDateOf, parseLocalDate } from "../shared/zoned-time";
import { poissonUpperTail } from "./poisson";
import type { CaseFact, Warning, WarningDeps, WarningEvidence, WarningRule } from "./warning-ports";
import { categoryMatches } from "./warning-rules";

/** Cases newer than this are looked at by the repeat and exposure rules on every run (keys make it idempotent). */
const LOOKBACK_MS = 24 * HOUR_MS;
const DAY_MS = 24 * HOUR_MS;

export interface RaisedWarning {
  readonly warning: Warning;
  /** A cluster that grew since it was raised: its people are told again, with the new cases. */
  readonly grown: boolean;
  /** Whom to tell (person ids): the grid's workers and the place's admins; an exposure only the grid's workers. */
  readonly to: readonly string[];
}

/**
 * Run every rule over the recent stream of cases, as of `at`. Each warning's key names its evidence,
 * so a run repeated (here or on another instance) raises nothing new; a cluster that grows is
 * updated, not raised again.
 */
export async function detectWarnings(deps: WarningDeps, at: Date): Promise<RaisedWarning[]> {
  const raised: RaisedWarning[] = [];
  raised.push(...(await clusters(deps, at)));
  if (deps.rules.spike.enabled) raised.push(...(await spikes(deps, at)));
  if (deps.rules.repeat.enabled) raised.push(...(await repeats(deps, at)));
  if (deps.rules.exposure.enabled) raised.push(...(await exposures(deps, at)));
  return raised;
}

async function clusters(deps: WarningDeps, at: Date): Promise<RaisedWarning[]> {
  const rules = deps.rules.clusters;
  if (rules.length === 0) return [];
  const longest = Math.max(...rules.map((r) => r.windowHours));
  const cases = await deps.warnings.casesCreated(new Date(at.getTime() - longest * HOUR_MS), at);
  const out: RaisedWarning[] = [];
  for (const rule of rules) {
    const since = new Date(at.getTime() - rule.windowHours * HOUR_MS);
    const groups = groupBy(
      cases.filter((c) => c.createdAt >= since && categoryMatches(rule, c.categoryCode)),
      (c) => {
        const placeId = ancestorIdAt(c.placePath, rule.level);
        return placeId ? `${c.categoryCode}\u0000${placeId}` : null;
      },
    );
    for (const group of groups.values()) {
      if (group.length < rule.minCases) continue;
      const first = group[0]!;
      const placeId = ancestorIdAt(first.placePath, rule.level)!;
      const evidence: WarningEvidence = {
        cases: caseRefs(group),
        windowHours: rule.windowHours,
        count: group.length,
      };
      const existing = await deps.warnings.latestFor("cluster", placeId, first.categoryCode, since);
      if (existing) {
        const known = new Set(existing.evidence.cases.map((c) => c.id));
        const added = group.filter((c) => !known.has(c.id));
        if (added.length === 0) continue;
        const grown = { ...evidence, cases: [...existing.evidence.cases, ...caseRefs(added)] };
        await deps.warnings.updateEvidence(existing.id, { ...grown, count: grown.cases.length }, at);
        const updated = { ...existing, evidence: { ...grown, count: grown.cases.length }, updatedAt: at };
        out.push({ warning: updated, grown: true, to: await workersAndAdmins(deps, first.placePath) });
        continue;
      }
      const path = pathAt(first.placePath, rule.level);
      const warning = await create(
        deps,
        "cluster",
        `cluster:${rule.level}:${placeId}:${first.categoryCode}:${first.id}`,
        {
          placeId,
          placePath: path,
          categoryCode: first.categoryCode,
          evidence,
          at,
        },
      );
      if (warning) out.push({ warning, grown: false, to: await workersAndAdmins(deps, first.placePath) });
    }
  }
  return out;
}

async function spikes(deps: WarningDeps, at: Date): Promise<RaisedWarning[]> {
  const rule = deps.rules.spike;
  const today = localDateOf(at, deps.timeZone);
  const todayStart = startOfLocalDay(today, deps.timeZone);
  const elapsed = at.getTime() - todayStart.getTime();
  const countsOn = async (date: string) => {
    const from = startOfLocalDay(date, deps.timeZone);
    return rollUp(await deps.warnings.countsCreated(from, new Date(from.getTime() + elapsed)), rule.level);
  };
  const now = await countsOn(today);
  const history: Map<string, number>[] = [];
  for (let week = 1; week <= rule.baselineWeeks; week++)
    history.push(await countsOn(addDays(today, -7 * week)));
  const out: RaisedWarning[] = [];
  for (const [key, count] of now) {
    if (count < rule.minCount) continue;
    const counts = history.map((h) => h.get(key) ?? 0);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const pValue = poissonUpperTail(count, Math.max(mean, rule.minBaseline));
    if (pValue >= rule.pValue) continue;
    const [categoryCode, placeId] = key.split("\u0000") as [string, string];
    const place = await deps.places.getPlace(placeId);
    if (!place) continue;
    const cases = (await deps.warnings.casesCreated(todayStart, at)).filter(
      (c) => c.categoryCode === categoryCode && c.placePath.startsWith(place.path),
    );
    const warning = await create(deps, "spike", `spike:${rule.level}:${placeId}:${categoryCode}:${today}`, {
      placeId,
      placePath: place.path,
      categoryCode,
      evidence: {
        cases: caseRefs(cases),
        count,
        baseline: { mean: round(mean), counts, pValue: roundP(pValue) },
      },
      at,
    });
    if (warning) out.push({ warning, grown: false, to: await handlers(deps, rule.level, placeId) });
  }
  return out;
}

async function repeats(deps: WarningDeps, at: Date): Promise<RaisedWarning[]> {
  const within = deps.rules.repeat.withinDays * DAY_MS;
  const from = new Date(at.getTime() - LOOKBACK_MS);
  const fresh = await deps.warnings.casesCreated(from, at);
  const closed = groupBy(await deps.warnings.casesClosed(new Date(from.getTime() - within), at), (c) =>
    c.categoryCode ? `${c.categoryCode}\u0000${c.placeId}` : null,
  );
  const out: RaisedWarning[] = [];
  const raise = async (subject: CaseFact, key: string, previous: CaseFact) => {
    const warning = await create(deps, "repeat", key, {
      placeId: subject.placeId,
      placePath: subject.placePath,
      categoryCode: subject.categoryCode,
      evidence: {
        cases: caseRefs([subject]),
        previous: {
          id: previous.id,
          number: previous.number,
          closedAt: previous.closedAt?.toISOString() ?? null,
        },
      },
      at,
    });
    if (warning) out.push({ warning, grown: false, to: await workersAndAdmins(deps, subject.placePath) });
  };
  for (const c of fresh) {
    const earlier = (closed.get(`${c.categoryCode}\u0000${c.placeId}`) ?? []).filter(
      (p) =>
        p.id !== c.id &&
        p.closedAt &&
        p.closedAt < c.createdAt &&
        c.createdAt.getTime() - p.closedAt.getTime() <= within,
    );
    const latest = earlier.sort((a, b) => b.closedAt!.getTime() - a.closedAt!.getTime())[0];
    if (latest) await raise(c, `repeat:${c.id}`, latest);
  }
  for (const reopened of await deps.warnings.reopenings(from, at)) {
    await raise(reopened.case, `repeat:reopened:${reopened.eventId}`, reopened.case);
  }
  return out;
}

async function exposures(deps: WarningDeps, at: Date): Promise<RaisedWarning[]> {
  const rule = deps.rules.exposure;
  const out: RaisedWarning[] = [];
  for (const c of await deps.warnings.casesCreated(new Date(at.getTime() - LOOKBACK_MS), at)) {
    if (!c.categoryCode || !rule.categories.includes(c.categoryCode)) continue;
    if (levelOfPath(c.placePath) !== "building") continue;
    const text = c.text.toLowerCase();
    const outage =
      rule.alwaysOutage.includes(c.categoryCode) || rule.outageWords.some((w) => text.includes(w));
    if (!outage) continue;
    const { residents } = await deps.registry.search({
      scopePath: c.placePath,
      tags: rule.tags,
      limit: 200,
      offset: 0,
    });
    if (residents.length === 0) continue;
    const warning = await create(deps, "exposure", `exposure:${c.id}`, {
      placeId: c.placeId,
      placePath: c.placePath,
      categoryCode: c.categoryCode,
      evidence: { cases: caseRefs([c]), residentIds: residents.map((r) => r.id) },
      at,
    });
    // Names and addresses go to the grid's workers only: the people who will knock on the doors.
    if (warning)
      out.push({
        warning,
        grown: false,
        to: await handlers(deps, "grid", ancestorIdAt(c.placePath, "grid")),
      });
  }
  return out;
}

async function create(
  deps: WarningDeps,
  rule: WarningRule,
  key: string,
  fields: Pick<Warning, "placeId" | "placePath" | "categoryCode" | "evidence"> & { at: Date },
): Promise<Warning | null> {
  const { at, ...rest } = fields;
  const warning: Warning = {
    id: deps.ids.next(),
    rule,
    key,
    ...rest,
    raisedAt: at,
    updatedAt: at,
    acknowledgedAt: null,
    acknowledgedById: null,
    note: null,
  };
  return (await deps.warnings.create(warning)) ? warning : null;
}

/** The grid's workers and the community's admins of a place. */
async function workersAndAdmins(deps: WarningDeps, placePath: string): Promise<string[]> {
  const ids = [
    ...(await handlers(deps, "grid", ancestorIdAt(placePath, "grid"))),
    ...(await handlers(deps, "community", ancestorIdAt(placePath, "community"))),
  ];
  return [...new Set(ids)];
}

async function handlers(deps: WarningDeps, level: PlaceLevel, placeId: string | null): Promise<string[]> {
  if (!placeId) return [];
  const found = await deps.people.handlersOf({ level, unitPlaceId: placeId, departmentId: null });
  return found.map((h) => h.personId);
}

/** Counts per (category, ancestor at `level`). */
function rollUp(
  rows: { categoryCode: string | null; placePath: string; count: number }[],
  level: PlaceLevel,
) {
  const out = new Map<string, number>();
  for (const row of rows) {
    const placeId = ancestorIdAt(row.placePath, level);
    if (!row.categoryCode || !placeId) continue;
    const key = `${row.categoryCode}\u0000${placeId}`;
    out.set(key, (out.get(key) ?? 0) + row.count);
  }
  return out;
}

function startOfLocalDay(date: string, timeZone: string): Date {
  const d = parseLocalDate(date)!;
  return instantOf({ ...d, hour: 0, minute: 0 }, timeZone);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

const caseRefs = (cases: readonly CaseFact[]) => cases.map((c) => ({ id: c.id, number: c.number }));
const round = (n: number) => Math.round(n * 100) / 100;
const roundP = (p: number) => Number(p.toPrecision(3));
