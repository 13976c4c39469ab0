import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, MINUTE_MS } from "../../core/shared/clock";
import { sweepDeadlines } from "../../core/tickets/sweep-deadlines";
import { sqliteTimestamp } from "../sqlite-timestamp";
import { recordPreparedStatements } from "../testing/record-statements";
import { tempDatabase, ticketDepsOn } from "../testing/temp-database";

const NOW = new Date("2026-11-30T02:00:00Z");
const TOTAL = 100_000;
const DUE_EACH = 10;

/**
 * 100,000 tickets, of which a handful have a nudge, escalation or auto-close due. The sweep
 * must find them through the timer indexes: we capture the SQL it runs (through Prisma, and the
 * prepared statements of SQLite's hot paths) and ask SQLite for each query's plan, and count the
 * rows the sweep changed.
 */
describe("the deadline sweep at 100,000 tickets", () => {
  const queries: { sql: string; params: string }[] = [];
  let temp: Awaited<ReturnType<typeof tempDatabase>>;

  beforeAll(async () => {
    temp = await tempDatabase({ onQuery: (sql, params) => queries.push({ sql, params }) });
    const raw = new Database(temp.file);
    const insert =
      raw.prepare(`INSERT INTO Ticket (id, number, state, version, reporterId, placeId, placePath, categoryCode,
      priority, level, unitPlaceId, assigneeId, nudgeDueAt, escalateDueAt, autoCloseAt, supporterCount, sourceChannel,
      originalText, media, createdAt, updatedAt)
      VALUES (?, ?, ?, 1, 'p-res-wang', 'b-chunhui-3', '/d-demo/s-east/c-chunhui/g-chunhui-1/b-chunhui-3/', 'lighting',
      'normal', 'grid', 'g-chunhui-1', 'p-chunhui-1-worker', ?, ?, ?, 1, 'bench', '楼道灯坏了', '[]', ?, ?)`);
    const later = sqliteTimestamp(new Date(NOW.getTime() + 10 * 24 * 60 * MINUTE_MS));
    const past = sqliteTimestamp(new Date(NOW.getTime() - MINUTE_MS));
    raw.transaction(() => {
      for (let i = 0; i < TOTAL; i++) {
        const kind =
          i < DUE_EACH ? "nudge" : i < 2 * DUE_EACH ? "escalate" : i < 3 * DUE_EACH ? "close" : "none";
        const state =
          kind === "close" ? "resolved" : kind === "none" && i % 3 === 0 ? "closed" : "dispatched";
        const open = state === "dispatched";
        insert.run(
          `bulk-${i}`,
          `2025-${String(i).padStart(6, "0")}`,
          state,
          kind === "nudge" ? past : open ? later : null,
          kind === "escalate" ? past : open ? later : null,
          kind === "close" ? past : null,
          sqliteTimestamp(NOW),
          sqliteTimestamp(NOW),
        );
      }
    })();
    raw.close();
  }, 120_000);

  afterAll(async () => temp.cleanup());

  it("acts on exactly the due tickets and every timer query uses its index", async () => {
    queries.length = 0;
    const deps = ticketDepsOn(temp.db, fixedClock(NOW));
    const stopRecording = recordPreparedStatements(queries);
    const report = await sweepDeadlines(deps, NOW).finally(stopRecording);
    expect(report.ok && report.value).toMatchObject({
      nudged: DUE_EACH,
      escalated: DUE_EACH,
      autoClosed: DUE_EACH,
    });

    const timerQueries = queries.filter((q) =>
      /WHERE .*[`"](nudgeDueAt|escalateDueAt|autoCloseAt)[`"] <= \?/.test(q.sql.replace(/\s+/g, " ")),
    );
    expect(timerQueries.length).toBeGreaterThanOrEqual(3);
    const raw = new Database(temp.file, { readonly: true });
    for (const query of timerQueries) {
      const params = (JSON.parse(query.params) as unknown[]).map((p) =>
        typeof p === "string" && /^\d{4}-\d\d-\d\dT/.test(p) ? sqliteTimestamp(new Date(p)) : p,
      );
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...params) as { detail: string }[])
        .map((row) => row.detail)
        .join(" | ");
      // A range search on the timer's index, never a scan of the table.
      expect(plan).toMatch(
        /SEARCH (main\.)?Ticket USING INDEX Ticket_(nudgeDueAt|escalateDueAt|autoCloseAt)_idx/,
      );
      expect(plan).not.toMatch(/SCAN (main\.)?Ticket(?! USING INDEX)/);
    }
    raw.close();
  });
});
