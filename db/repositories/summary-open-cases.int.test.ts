// The summary's open-case counts and oldest open cases as the database computes them, held to
// core's definitions (countOpenCasesByPath, oldestOpenOf) on cases at every boundary of a period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countOpenCasesByPath,
  oldestOpenOf,
  type SummaryRepository,
} from "../../core/summaries/summary-repository";
import { summaryFixture } from "../../core/testing/summary-fixture";
import type { Ticket, TicketState } from "../../core/tickets/ticket";
import type { EgridDatabase } from "../database";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaSummaryRepository } from "./prisma-summary";
import { summaryRepositoryFor } from "./repositories-for";
import { toTicketRow } from "./ticket-row-mapping";

const FROM = new Date("2026-11-29T16:00:00Z");
const TO = new Date("2026-11-30T16:00:00Z");
const ms = (at: Date, delta: number) => new Date(at.getTime() + delta);
/** Instants on and around both ends, and well before and after the period. */
const INSTANTS = [
  ms(FROM, -86_400_000),
  ms(FROM, -1),
  FROM,
  ms(FROM, 1),
  ms(TO, -1),
  TO,
  ms(TO, 1),
  ms(TO, 86_400_000),
];
const STATES: TicketState[] = [
  "reported",
  "triage",
  "dispatched",
  "accepted",
  "reopened",
  "resolved",
  "closed",
  "cancelled",
  "merged",
];

/** A small fixed-seed generator (the same cases every run). */
function lcg(seed: number) {
  let state = seed;
  return <T>(choices: readonly T[]): T => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return choices[Math.floor(state / 65_536) % choices.length]!; // the low bits repeat soon
  };
}

/**
 * 600 cases over four places of the fixture's, their instants drawn from the boundary set as the
 * app leaves them: working cases neither resolved nor closed, a resolved one not closed, a closed
 * or cancelled one closed (resolved first, or not), no instant before the case was created.
 */
function boundaryCases(): Ticket[] {
  const template = summaryFixture().tickets;
  const places = [...new Map(template.map((t) => [t.placePath, t])).values()].slice(0, 4);
  const pick = lcg(20_261_207);
  const from = (at: Date) => INSTANTS.filter((instant) => instant >= at);
  return Array.from({ length: 600 }, (_, i) => {
    const place = pick(places);
    const createdAt = pick(INSTANTS.slice(0, 6));
    const state = pick(STATES);
    const finished = state === "closed" || state === "cancelled";
    const resolvedAt =
      state === "resolved" ? pick(from(createdAt)) : finished ? pick([null, ...from(createdAt)]) : null;
    const closedAt = finished ? pick(from(resolvedAt ?? createdAt)) : null;
    return {
      ...place,
      id: `bc-${i}`,
      // Numbers not in insertion order, so ties in age are decided by the number alone.
      number: `2026-${String((i * 7919) % 600).padStart(6, "0")}`,
      state,
      mergedIntoId: null,
      createdAt,
      updatedAt: createdAt,
      clockStartedAt: createdAt,
      resolvedAt,
      closedAt,
      signForDeadline: pick([null, ...INSTANTS]),
      resolveDeadline: pick([null, ...INSTANTS]),
    };
  });
}

let temp: Awaited<ReturnType<typeof tempDatabase>>;
const cases = boundaryCases();

beforeAll(async () => {
  temp = await tempDatabase();
  await temp.db.prisma.ticket.createMany({ data: cases.map(toTicketRow) });
});
afterAll(async () => temp.cleanup());

const IMPLEMENTATIONS: { kind: string; make: (db: EgridDatabase) => SummaryRepository }[] = [
  { kind: "as the app has them", make: summaryRepositoryFor },
  ...(TEST_DATABASE === "SQLite"
    ? [{ kind: "through Prisma", make: (db: EgridDatabase) => new PrismaSummaryRepository(db.prisma) }]
    : []),
];

describe.each(IMPLEMENTATIONS)(`open cases on ${TEST_DATABASE}, $kind`, ({ make }) => {
  const byPath = <T extends { placePath: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.placePath < b.placePath ? -1 : 1));
  const live = cases.filter((t) => t.state !== "merged");

  it("counts the cases open and overdue at both ends per path as core defines them", async () => {
    const scope = `${cases[0]!.placePath.split("/").slice(0, 4).join("/")}/`;
    const expected = countOpenCasesByPath(
      live.filter((t) => t.placePath.startsWith(scope)),
      FROM,
      TO,
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.some((p) => p.overdueAtFrom > 0 && p.overdueAtTo < p.openAtTo)).toBe(true);
    expect(byPath(await make(temp.db).openCasesByPath(scope, FROM, TO))).toEqual(byPath(expected));
  });

  it("gives the oldest cases open at an instant at the paths asked, ties going by number", async () => {
    const paths = [...new Set(cases.map((t) => t.placePath))].slice(0, 2);
    const atPaths = live.filter((t) => paths.includes(t.placePath));
    for (const at of [FROM, TO]) {
      const expected = oldestOpenOf(atPaths, at, 12).map((t) => t.id);
      expect(expected).toHaveLength(12);
      const got = await make(temp.db).oldestOpenAt(paths, at, 12);
      expect(got.map((t) => t.id)).toEqual(expected);
    }
    expect(await make(temp.db).oldestOpenAt([], TO, 5)).toEqual([]);
  });
});
