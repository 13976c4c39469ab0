// The summary figures on real SQLite, from the same hand-built fixture as core's test; the
// queries' plans; and the delivery record that makes the daily job send once.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarise } from "../../core/summaries/summarise";
import { dayPeriod } from "../../core/summaries/summary-period";
import type { SummaryRepository } from "../../core/summaries/summary-repository";
import { workerScores } from "../../core/summaries/worker-scores";
import { ADMIN, summaryFixture, W1 } from "../../core/testing/summary-fixture";
import type { EgridDatabase } from "../database";
import { sqliteTimestamp } from "../sqlite-timestamp";
import { recordPreparedStatements } from "../testing/record-statements";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaGovernanceDirectory } from "./prisma-directory";
import { PrismaSummaryDeliveries, PrismaSummaryRepository } from "./prisma-summary";
import { summaryRepositoryFor } from "./repositories-for";
import { toTicketEventRow, toTicketRow } from "./ticket-row-mapping";

const ZONE = "Asia/Shanghai";
let temp: Awaited<ReturnType<typeof tempDatabase>>;
const queries: { sql: string; params: string }[] = [];

/** The summary reads as the app has them (prepared statements on SQLite) and, on SQLite, Prisma's too. */
const IMPLEMENTATIONS: { kind: string; make: (db: EgridDatabase) => SummaryRepository }[] = [
  { kind: "as the app has them", make: summaryRepositoryFor },
  ...(TEST_DATABASE === "SQLite"
    ? [{ kind: "through Prisma", make: (db: EgridDatabase) => new PrismaSummaryRepository(db.prisma) }]
    : []),
];

beforeAll(async () => {
  temp = await tempDatabase({ onQuery: (sql, params) => queries.push({ sql, params }) });
  const { tickets, events } = summaryFixture();
  await temp.db.prisma.$transaction(async (tx) => {
    await tx.ticket.createMany({ data: tickets.map(toTicketRow) });
    await tx.ticketEvent.createMany({ data: events.map(toTicketEventRow) });
  });
});
afterAll(async () => temp.cleanup());

describe.each(IMPLEMENTATIONS)(`summaries on ${TEST_DATABASE}, $kind`, ({ make }) => {
  const depsOf = () => ({ summaries: make(temp.db), places: new PrismaGovernanceDirectory(temp.db.prisma) });

  it("gives the same figures as the hand-computed fixture in memory", async () => {
    const deps = depsOf();
    const { from, to } = dayPeriod("2026-11-30", ZONE);
    const result = await summarise(deps, { scopePlaceId: "c-chunhui", from, to, timeZone: ZONE });
    if (!result.ok) throw new Error(result.code);
    const s = result.value;
    expect(s).toMatchObject({ newCases: 6, closed: 3, open: 6, overdue: 4 });
    expect(s.onTime).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    expect(s.reopened).toEqual({ count: 1, of: 5, rate: 0.2 });
    expect(s.rating.average).toBeCloseTo(11 / 3, 10);
    expect(s.byCategory.map((c) => [c.categoryCode, c.count])).toEqual([
      ["lighting", 3],
      ["garbage", 2],
      ["noise", 1],
    ]);
    expect(s.hotSpots.map((h) => `${h.placeName} ${h.categoryCode} ${h.count}`)).toEqual([
      "春晖社区第1网格 lighting 3",
      "春晖小区3栋 lighting 2",
      "春晖小区5栋 garbage 2",
    ]);
    expect(s.longestOpen.map((c) => [c.number, c.ageMinutes])).toEqual([
      ["2026-000012", 9600],
      ["2026-000006", 8100],
      ["2026-000004", 1020],
      ["2026-000002", 900],
      ["2026-000003", 840],
    ]);
    expect(s.byDay.map((d) => [d.newCases, d.closed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 0],
      [1, 0],
      [0, 0],
      [4, 1],
      [6, 3],
    ]);
    expect(s.overdueByGrid.map((g) => [g.placeName, g.count])).toEqual([
      ["春晖社区第2网格", 3],
      ["春晖社区第1网格", 1],
    ]);
    expect(s.change).toEqual({ newCases: 2, closed: 2, overdue: 3 });
    const street = await summarise(deps, { scopePlaceId: "s-east", from, to, timeZone: ZONE });
    expect(street.ok && street.value).toMatchObject({ newCases: 7, open: 7, overdue: 5 });

    const scores = await workerScores(deps, { scopePlaceId: "c-chunhui", from, to });
    expect(
      scores.ok &&
        scores.value.workers.map((w) => [w.personId, w.resolved, w.onTime.count, w.reopened.count]),
    ).toEqual([
      [W1, 4, 3, 1],
      [ADMIN, 1, 1, 0],
    ]);
  });

  // Asks SQLite for its query plans; PostgreSQL plans by statistics, so this check is SQLite's.
  it.skipIf(TEST_DATABASE !== "SQLite")(
    "reads tickets and events by index range, never by scanning the tables",
    async () => {
      queries.length = 0;
      const { from, to } = dayPeriod("2026-11-30", ZONE);
      const stopRecording = recordPreparedStatements(queries);
      await summarise(depsOf(), { scopePlaceId: "c-chunhui", from, to, timeZone: ZONE }).finally(
        stopRecording,
      );
      const reads = queries
        .map((q) => ({ ...q, sql: q.sql.replace(/\s+/g, " ") }))
        .filter((q) =>
          /^SELECT .* FROM (`main`\.`(Ticket|TicketEvent)`|"(Ticket|TicketEvent)")( e)? WHERE/.test(q.sql),
        )
        // Prisma's statements come twice: by onQuery with their parameters, and run bound (no arguments).
        .filter((q) => !(q.params === "[]" && q.sql.includes("`main`")));
      expect(reads.length).toBeGreaterThanOrEqual(5);
      const raw = new Database(temp.file, { readonly: true });
      for (const query of reads) {
        const params = (JSON.parse(query.params) as unknown[]).map((p) =>
          typeof p === "string" && /^\d{4}-\d\d-\d\dT/.test(p) ? sqliteTimestamp(new Date(p)) : p,
        );
        const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...params) as { detail: string }[])
          .map((row) => row.detail)
          .join(" | ");
        expect(plan, query.sql).toMatch(
          /SEARCH (main\.)?(Ticket|TicketEvent) USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|sqlite_autoindex/,
        );
        expect(plan, query.sql).not.toMatch(/SCAN (main\.)?(Ticket|TicketEvent)(?! USING)/);
      }
      raw.close();
    },
  );
});

describe("summary deliveries", () => {
  it("record once under concurrency: one run queues the messages, the others nothing", async () => {
    const store = new PrismaSummaryDeliveries(temp.db.prisma);
    const key = { personId: "p-chunhui-admin", scopePlaceId: "c-chunhui", periodKey: "day:2026-11-30" };
    const message = { channel: "playground", chatId: "dm-p-chunhui-admin", text: "📊 春晖社区" };
    const at = new Date("2026-12-01T00:00:00Z");
    const runs = await Promise.all(Array.from({ length: 10 }, () => store.queueOnce(key, [message], at)));
    expect(runs.filter(Boolean)).toHaveLength(1);
    expect(await temp.db.prisma.outboxMessage.count({ where: { causedBy: "summary:day:2026-11-30" } })).toBe(
      1,
    );
    expect(await store.delivered([key, { ...key, periodKey: "day:2026-12-01" }])).toEqual([key]);
    expect(await store.queueOnce(key, [message], at)).toBe(false);
    const admins = await store.recipients(["street_admin"]);
    expect(admins.map((a) => a.personId)).toEqual(["p-dongshan-admin", "p-east-admin", "p-west-admin"]);
  });
});
