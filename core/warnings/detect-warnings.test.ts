import { describe, expect, it } from "vitest";
import type { ResidentRecord } from "../registry/registry-ports";
import { fixedClock, HOUR_MS } from "../shared/clock";
import { counterIds } from "../shared/ids";
import { InMemoryResidentSearch, InMemoryWarnings } from "../testing/in-memory-warnings";
import { ticketFixture } from "../testing/ticket-fixture";
import { detectWarnings } from "./detect-warnings";
import type { CaseFact, WarningDeps } from "./warning-ports";
import { DEFAULT_WARNING_RULES, type WarningRules } from "./warning-rules";

/** Monday 30 Nov 2026, 10:00 in Shanghai. */
const NOW = new Date("2026-11-30T02:00:00Z");
const DAY = 24 * HOUR_MS;
const PATHS: Record<string, string> = {
  b1: "/d1/s1/c1/g1/b1/",
  b2: "/d1/s1/c1/g1/b2/",
  b3: "/d1/s1/c1/g2/b3/",
  b4: "/d1/s1/c2/g3/b4/",
};

function setup(rules: Partial<WarningRules> = {}, residents: ResidentRecord[] = []) {
  const { directory } = ticketFixture();
  const warnings = new InMemoryWarnings();
  const deps: WarningDeps = {
    warnings,
    registry: new InMemoryResidentSearch(residents),
    places: directory,
    people: directory,
    rules: { ...DEFAULT_WARNING_RULES, ...rules },
    clock: fixedClock(NOW),
    ids: counterIds("w"),
    timeZone: "Asia/Shanghai",
  };
  let n = 0;
  const report = (
    building: string,
    category: string,
    hoursAgo: number,
    extra: Partial<CaseFact> = {},
  ): CaseFact => {
    const c: CaseFact = {
      id: `t${++n}`,
      number: `2026-${String(n).padStart(6, "0")}`,
      categoryCode: category,
      placeId: building,
      placePath: PATHS[building]!,
      state: "dispatched",
      createdAt: new Date(NOW.getTime() - hoursAgo * HOUR_MS),
      closedAt: null,
      text: "",
      ...extra,
    };
    warnings.cases.push(c);
    return c;
  };
  return { deps, warnings, report };
}

/** A week of ordinary life in c1: a case or two a day, spread over buildings and categories. */
function quietWeek(report: ReturnType<typeof setup>["report"]) {
  const categories = ["lighting", "garbage", "utilities", "other"];
  const buildings = ["b1", "b2", "b3", "b4"];
  for (let day = 0; day < 7; day++) {
    for (let k = 0; k < 2; k++) {
      report(buildings[(day + k) % 4]!, categories[(day * 2 + k) % 4]!, day * 24 + 3 + k * 5, {
        text: "有点问题",
      });
    }
  }
}

describe("early warnings on constructed case streams", () => {
  it("a quiet week raises nothing, whatever rule", async () => {
    const { deps, report } = setup({ spike: { ...DEFAULT_WARNING_RULES.spike, minCount: 2 } });
    for (let week = 1; week <= 8; week++) {
      report("b1", "lighting", week * 7 * 24 + 1);
      report("b3", "garbage", week * 7 * 24 + 2);
    }
    quietWeek(report);
    expect(await detectWarnings(deps, NOW)).toEqual([]);
  });

  it("cluster: three gas smells in one building within a week, raised once, grown by a fourth", async () => {
    const { deps, report, warnings } = setup();
    report("b1", "utilities", 100, { text: "楼道有煤气味" });
    report("b1", "utilities", 50, { text: "又闻到煤气味" });
    report("b2", "utilities", 10, { text: "煤气味" }); // another building: not this cluster
    expect(await detectWarnings(deps, NOW)).toEqual([]);
    report("b1", "utilities", 2, { text: "煤气味很重" });
    const raised = await detectWarnings(deps, NOW);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      grown: false,
      warning: {
        rule: "cluster",
        placeId: "b1",
        categoryCode: "utilities",
        evidence: { count: 3, windowHours: 168 },
      },
    });
    expect([...raised[0]!.to].sort()).toEqual(["ca1", "w1", "w1b"]);
    expect(await detectWarnings(deps, NOW)).toEqual([]);
    report("b1", "utilities", 1);
    const grown = await detectWarnings(deps, NOW);
    expect(grown.map((g) => [g.grown, g.warning.evidence.cases.length])).toEqual([[true, 4]]);
    expect(warnings.stored.size).toBe(1);
  });

  it("spike: far above the same weekday's usual level; a category that is always busy on Mondays is not", async () => {
    // Clusters off: ten bins in a morning would be a grid cluster too; this test is about spikes.
    const { deps, report } = setup({ clusters: [] });
    for (let week = 1; week <= 8; week++) {
      const mondayMorning = week * 7 * 24 + 1; // Monday 09:00, `week` weeks ago
      report("b1", "lighting", mondayMorning); // one lamp a Monday morning, usually
      for (let k = 0; k < 9; k++) report("b3", "garbage", mondayMorning + 0.1 * k); // nine bins every Monday
      report("b2", "lighting", mondayMorning + 12); // Sunday evening: outside the same hours
    }
    for (let k = 0; k < 7; k++) report(k % 2 ? "b1" : "b2", "lighting", 1 + k * 0.2); // seven lamps this morning
    for (let k = 0; k < 10; k++) report("b3", "garbage", 1 + k * 0.1); // ten bins: usual for a Monday
    const raised = await detectWarnings(deps, NOW);
    expect(raised).toHaveLength(1);
    expect(raised[0]!.warning).toMatchObject({
      rule: "spike",
      placeId: "c1",
      categoryCode: "lighting",
      key: "spike:community:c1:lighting:2026-11-30",
      evidence: { count: 7, baseline: { mean: 1, counts: [1, 1, 1, 1, 1, 1, 1, 1] } },
    });
    expect(raised[0]!.warning.evidence.baseline!.pValue).toBeLessThan(0.001);
    expect(raised[0]!.to).toEqual(["ca1"]);
    // Small counts never: three of a category never seen before stay below minCount.
    for (let k = 0; k < 3; k++) report("b4", "elevator", 1 + k * 0.1);
    expect(await detectWarnings(deps, NOW)).toEqual([]);
  });

  it("repeat: the same place and category soon after closing, or a case reopened; not after the window", async () => {
    const { deps, report, warnings } = setup();
    const fixed = report("b1", "lighting", 5 * 24, {
      state: "closed",
      closedAt: new Date(NOW.getTime() - 3 * DAY),
    });
    report("b2", "lighting", 40 * 24, { state: "closed", closedAt: new Date(NOW.getTime() - 20 * DAY) });
    report("b1", "lighting", 2, { text: "灯又坏了" });
    report("b2", "lighting", 2, { text: "灯坏了" }); // closed 20 days ago: beyond 14
    report("b3", "lighting", 2); // never fixed here before
    const again = report("b4", "garbage", 60, { state: "reopened" });
    warnings.reopened.push({ case: again, eventId: "ev-9", at: new Date(NOW.getTime() - HOUR_MS) });
    const raised = await detectWarnings(deps, NOW);
    expect(
      raised.map((r) => [
        r.warning.rule,
        r.warning.placeId,
        r.warning.key,
        r.warning.evidence.previous?.number,
      ]),
    ).toEqual([
      ["repeat", "b1", "repeat:t3", fixed.number],
      ["repeat", "b4", "repeat:reopened:ev-9", again.number],
    ]);
    expect(await detectWarnings(deps, NOW)).toEqual([]);
  });

  it("exposure: a lift or water outage where vulnerable residents live goes to that grid's workers only", async () => {
    const resident = (id: string, building: string, tags: ResidentRecord["tags"]): ResidentRecord => ({
      id,
      householdId: `h-${id}`,
      name: id,
      phone: null,
      idNumber: null,
      birthYear: null,
      tags,
      emergencyContactName: null,
      emergencyContactPhone: null,
      consent: true,
      personId: null,
      note: null,
      household: {
        id: `h-${id}`,
        buildingId: building,
        buildingPath: PATHS[building]!,
        unit: null,
        room: "101",
      },
    });
    const { deps, report } = setup({}, [
      resident("r-alone", "b1", ["elderly_alone"]),
      resident("r-child", "b3", ["child"]), // not a tag the rule watches
    ]);
    report("b1", "elevator", 1, { text: "电梯不动了" });
    report("b1", "utilities", 1, { text: "水有异味" }); // not an outage
    report("b3", "utilities", 1, { text: "全楼停水" }); // nobody the rule watches lives there
    report("b2", "elevator", 1, { text: "电梯坏了" }); // nobody registered
    const raised = await detectWarnings(deps, NOW);
    expect(raised).toHaveLength(1);
    expect(raised[0]!.warning).toMatchObject({
      rule: "exposure",
      placeId: "b1",
      evidence: { residentIds: ["r-alone"] },
    });
    expect([...raised[0]!.to].sort()).toEqual(["w1", "w1b"]);
    report("b1", "utilities", 0.5, { text: "停水了" });
    expect((await detectWarnings(deps, NOW)).map((r) => r.warning.key)).toEqual(["exposure:t5"]);
  });
});
