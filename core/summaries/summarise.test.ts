import { describe, expect, it } from "vitest";
import { InMemoryDirectory } from "../testing/in-memory-directory";
import { InMemorySummaryRepository } from "../testing/in-memory-summaries";
import { InMemoryTicketRepository } from "../testing/in-memory-ticket-repository";
import { ADMIN, local, SUMMARY_PLACES, summaryFixture, W1 } from "../testing/summary-fixture";
import { summarise } from "./summarise";
import { dayPeriod, weekPeriod } from "./summary-period";
import type { SummaryDeps } from "./summary-repository";
import { workerScores } from "./worker-scores";

const ZONE = "Asia/Shanghai";

function deps(): SummaryDeps {
  const directory = new InMemoryDirectory();
  for (const [id, level, parent, name] of SUMMARY_PLACES) directory.addPlace(id, level, parent, name);
  const store = new InMemoryTicketRepository();
  const { tickets, events } = summaryFixture();
  for (const ticket of tickets) store.tickets.set(ticket.id, ticket);
  store.events.push(...events);
  return { summaries: new InMemorySummaryRepository(store), places: directory };
}

async function day(scopePlaceId: string, date = "2026-11-30") {
  const { from, to } = dayPeriod(date, ZONE);
  const result = await summarise(deps(), { scopePlaceId, from, to, timeZone: ZONE });
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

// Every figure below is worked out by hand from core/testing/summary-fixture.ts (T1…T16).
describe("the summary of 春晖社区 on Monday 30 November, against the hand-computed fixture", () => {
  it("counts new, closed, open and overdue cases", async () => {
    const s = await day("c-chunhui");
    expect(s.scope.name).toBe("春晖社区");
    expect(s.from).toEqual(local("11-30 00:00"));
    expect(s.to).toEqual(local("12-01 00:00"));
    // T1 T2 T3 T4 T5 T10 (T9 is a merged duplicate; T14, T15 are elsewhere)
    expect(s.newCases).toBe(6);
    // T1 T7 T11 (T8 was cancelled, not closed)
    expect(s.closed).toBe(3);
    // T2 T3 T4 T5 T6 T12 (T10 and T13 wait resolved for their reporters)
    expect(s.open).toBe(6);
    // T3 T4 T5 T12 missed their sign-for deadlines; T2 and T6 run on resolve clocks still in time
    expect(s.overdue).toBe(4);
    expect(s.overdueByGrid).toEqual([
      { placeId: "g-chunhui-2", placeName: "春晖社区第2网格", count: 3 },
      { placeId: "g-chunhui-1", placeName: "春晖社区第1网格", count: 1 },
    ]);
  });

  it("judges quality: on time, reopened, rating", async () => {
    const s = await day("c-chunhui");
    // closed T1 on time; T7 resolved an hour late; T11 was escalated by the sweep
    expect(s.onTime).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    // resolved today: T1 T7 T10 T11 T13; T13 had been sent back yesterday
    expect(s.reopened).toEqual({ count: 1, of: 5, rate: 0.2 });
    // T1 5, T7 2, T11 4
    expect(s.rating.count).toBe(3);
    expect(s.rating.average).toBeCloseTo(11 / 3, 10);
  });

  it("finds the top categories, hot spots and the longest-open cases", async () => {
    const s = await day("c-chunhui");
    expect(s.byCategory).toEqual([
      { categoryCode: "lighting", count: 3 },
      { categoryCode: "garbage", count: 2 },
      { categoryCode: "noise", count: 1 },
    ]);
    // grid 1 has lighting in buildings 2 and 3; grid 2's garbage is all building 5, said once
    expect(s.hotSpots).toEqual([
      {
        level: "grid",
        placeId: "g-chunhui-1",
        placeName: "春晖社区第1网格",
        categoryCode: "lighting",
        count: 3,
      },
      {
        level: "building",
        placeId: "b-chunhui-3",
        placeName: "春晖小区3栋",
        categoryCode: "lighting",
        count: 2,
      },
      {
        level: "building",
        placeId: "b-chunhui-5",
        placeName: "春晖小区5栋",
        categoryCode: "garbage",
        count: 2,
      },
    ]);
    expect(s.longestOpen).toEqual([
      {
        number: "2026-000012",
        categoryCode: "garbage",
        placeId: "b-chunhui-6",
        placeName: "春晖小区6栋",
        ageMinutes: 160 * 60,
      },
      {
        number: "2026-000006",
        categoryCode: "elevator",
        placeId: "b-chunhui-4",
        placeName: "春晖小区4栋",
        ageMinutes: 135 * 60,
      },
      {
        number: "2026-000004",
        categoryCode: "garbage",
        placeId: "b-chunhui-5",
        placeName: "春晖小区5栋",
        ageMinutes: 17 * 60,
      },
      {
        number: "2026-000002",
        categoryCode: "lighting",
        placeId: "b-chunhui-3",
        placeName: "春晖小区3栋",
        ageMinutes: 15 * 60,
      },
      {
        number: "2026-000003",
        categoryCode: "lighting",
        placeId: "b-chunhui-2",
        placeName: "春晖小区2栋",
        ageMinutes: 14 * 60,
      },
    ]);
  });

  it("gives the last seven days for the chart and the change against the day before", async () => {
    const s = await day("c-chunhui");
    expect(s.byDay).toEqual([
      { date: "2026-11-24", newCases: 1, closed: 0 },
      { date: "2026-11-25", newCases: 1, closed: 0 },
      { date: "2026-11-26", newCases: 0, closed: 0 },
      { date: "2026-11-27", newCases: 1, closed: 0 },
      { date: "2026-11-28", newCases: 0, closed: 0 },
      { date: "2026-11-29", newCases: 4, closed: 1 },
      { date: "2026-11-30", newCases: 6, closed: 3 },
    ]);
    // Sunday: T7 T8 T13 T16 came in, T16 was closed; at midnight only T12 was late
    expect(s.previous).toEqual({
      from: local("11-29 00:00"),
      to: local("11-30 00:00"),
      newCases: 4,
      closed: 1,
      overdue: 1,
    });
    expect(s.change).toEqual({ newCases: 2, closed: 2, overdue: 3 });
  });

  it("the longest open are read only from the paths that can hold them, ties in age going by number", async () => {
    const summaryDeps = deps();
    const store = (summaryDeps.summaries as InMemorySummaryRepository).store;
    const oldest = store.tickets.get("sum-t12")!;
    const second = store.tickets.get("sum-t6")!;
    for (const n of [99, 97, 98])
      store.tickets.set(`tie-${n}`, { ...oldest, id: `tie-${n}`, number: `2026-0000${n}` });
    const asked: string[][] = [];
    const readOldest = summaryDeps.summaries.oldestOpenAt.bind(summaryDeps.summaries);
    summaryDeps.summaries.oldestOpenAt = async (paths, at, count) => {
      asked.push([...paths]);
      return readOldest(paths, at, count);
    };
    const { from, to } = dayPeriod("2026-11-30", ZONE);
    const result = await summarise(summaryDeps, {
      scopePlaceId: "c-chunhui",
      from,
      to,
      timeZone: ZONE,
      longestOpen: 2,
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.longestOpen.map((c) => c.number)).toEqual(["2026-000012", "2026-000097"]);
    // The two paths with the oldest cases (the second's may hold the second oldest), no others.
    expect(second.placePath).not.toBe(oldest.placePath);
    expect(asked).toEqual([[oldest.placePath, second.placePath]]);
  });

  it("widens to the street and the district, and never reaches across", async () => {
    const street = await day("s-east");
    expect(street).toMatchObject({ newCases: 7, closed: 3, open: 7, overdue: 5 });
    expect(street.byCategory[0]).toEqual({ categoryCode: "lighting", count: 4 });
    expect(street.overdueByGrid.map((g) => [g.placeId, g.count])).toEqual([
      ["g-chunhui-2", 3],
      ["g-chunhui-1", 1],
      ["g-wenchang-1", 1],
    ]);
    expect((await day("d-demo")).newCases).toBe(8);
    expect(await day("g-chunhui-2")).toMatchObject({ newCases: 2, open: 4, overdue: 3 });
    expect(await day("c-xihu")).toMatchObject({ newCases: 1, closed: 0, open: 1, overdue: 1 });
  });

  it("a week: Monday to Sunday, against the week before", async () => {
    const { from, to } = weekPeriod("2026-12-02", ZONE);
    const result = await summarise(deps(), { scopePlaceId: "c-chunhui", from, to, timeZone: ZONE });
    if (!result.ok) throw new Error(result.code);
    const s = result.value;
    expect([s.from, s.to]).toEqual([local("11-30 00:00"), local("12-07 00:00")]);
    expect(s.byDay.map((d) => d.date)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    // By Sunday night T2 and T6 are past their resolve deadlines too.
    expect(s).toMatchObject({ newCases: 6, closed: 3, open: 6, overdue: 6 });
    expect(s.previous).toMatchObject({ newCases: 7, closed: 1, overdue: 1 });
    expect(s.change).toEqual({ newCases: -1, closed: 2, overdue: 5 });
  });

  it("an unknown place is a coded failure; an empty period has null rates", async () => {
    const { from, to } = dayPeriod("2026-11-30", ZONE);
    expect(await summarise(deps(), { scopePlaceId: "nowhere", from, to, timeZone: ZONE })).toMatchObject({
      ok: false,
      code: "PLACE.NOT_FOUND",
    });
    const quiet = await day("c-chunhui", "2026-10-01");
    expect(quiet).toMatchObject({ newCases: 0, closed: 0, open: 0, overdue: 0 });
    expect(quiet.onTime.rate).toBeNull();
    expect(quiet.reopened.rate).toBeNull();
    expect(quiet.rating.average).toBeNull();
  });
});

describe("worker scores", () => {
  it("per person who resolved cases: resolved, on time, rating, sent back as not fixed", async () => {
    const { from, to } = dayPeriod("2026-11-30", ZONE);
    const result = await workerScores(deps(), { scopePlaceId: "c-chunhui", from, to });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.workers).toEqual([
      {
        // T1 T7 T10 T13; T7 an hour late; rated T1 5, T7 2; T13 came back after W1's first fix
        personId: W1,
        resolved: 4,
        onTime: { count: 3, of: 4, rate: 0.75 },
        rating: { average: 3.5, count: 2 },
        reopened: { count: 1, of: 4, rate: 0.25 },
      },
      {
        // T11 in time for the community's clock (the grid's lateness is not the admin's)
        personId: ADMIN,
        resolved: 1,
        onTime: { count: 1, of: 1, rate: 1 },
        rating: { average: 4, count: 1 },
        reopened: { count: 0, of: 1, rate: 0 },
      },
    ]);
  });
});
