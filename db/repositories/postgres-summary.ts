import type { OpenCasesAtPath } from "../../core/summaries/summary-repository";
import { PrismaSummaryRepository } from "./prisma-summary";
import { openAtSql, overdueAtSql, UNFINISHED_SQL } from "./summary-sql";
import { pathRange } from "./ticket-row-mapping";

/** A timestamp(3) as Prisma stores it on PostgreSQL: the UTC wall time, no zone. */
const pgTime = (at: Date) => at.toISOString().slice(0, 23).replace("T", " ");

const OPEN_COLUMNS = `"id", "number", "state", "placePath", "createdAt", "resolvedAt", "closedAt",
  "signForDeadline", "resolveDeadline"`;
/** The cases that may be open at `from` ($3) or `to` ($4) in a path range ($1, $2). */
const MAY_BE_OPEN = `SELECT ${OPEN_COLUMNS} FROM "Ticket" WHERE "state" IN (${UNFINISHED_SQL})
    AND "placePath" >= $1 AND "placePath" < $2 AND "createdAt" < $4::timestamp(3)
  UNION ALL SELECT ${OPEN_COLUMNS} FROM "Ticket" WHERE "closedAt" >= $3::timestamp(3)
    AND "state" IN ('closed', 'cancelled') AND "placePath" >= $1 AND "placePath" < $2
    AND "createdAt" < $4::timestamp(3)`;
const FROM = "$3::timestamp(3)";
const TO = "$4::timestamp(3)";
const OPEN_COUNTS = `SELECT "placePath",
    count(*) FILTER (WHERE ${openAtSql(FROM)})::int AS "openAtFrom",
    count(*) FILTER (WHERE ${overdueAtSql(FROM)})::int AS "overdueAtFrom",
    count(*) FILTER (WHERE ${openAtSql(TO)})::int AS "openAtTo",
    count(*) FILTER (WHERE ${overdueAtSql(TO)})::int AS "overdueAtTo",
    (extract(epoch FROM min("createdAt") FILTER (WHERE ${openAtSql(TO)})) * 1000)::float8 AS "oldestMs"
  FROM (${MAY_BE_OPEN}) AS "Case" GROUP BY "placePath"`;
/** The oldest cases at the listed paths ($1, a JSON array) open at $2; numbers in code-unit order. */
const AT_PATHS = `"placePath" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))`;
// MATERIALIZED: else the planner may walk the (createdAt) index from the oldest case ever, hoping
// the first few rows qualify, through every finished case (2.2 s at 1,000,000 tickets).
const OLDEST_OPEN = `WITH "Case" AS MATERIALIZED (
    SELECT ${OPEN_COLUMNS} FROM "Ticket" WHERE "state" IN (${UNFINISHED_SQL}) AND ${AT_PATHS}
      AND ${openAtSql("$2::timestamp(3)")}
    UNION ALL SELECT ${OPEN_COLUMNS} FROM "Ticket" WHERE "closedAt" >= $2::timestamp(3)
      AND "state" IN ('closed', 'cancelled') AND ${AT_PATHS} AND ${openAtSql("$2::timestamp(3)")}
  ) SELECT "id" FROM "Case" ORDER BY "createdAt", "number" COLLATE "C" LIMIT $3::int`;

/**
 * The summary on PostgreSQL: Prisma's reads, but a street's open cases counted in the database
 * (tens of thousands of rows through Prisma took ≈ 1 s at 1,000,000 tickets) and the oldest
 * found by it (Prisma's OR-shaped query walked the whole table: ≈ 3 s).
 */
export class PostgresSummaryRepository extends PrismaSummaryRepository {
  override async openCasesByPath(withinPath: string, from: Date, to: Date): Promise<OpenCasesAtPath[]> {
    const range = pathRange(withinPath);
    const rows = await this.prisma.$queryRawUnsafe<
      (Omit<OpenCasesAtPath, "oldestOpenAtTo"> & { oldestMs: number | null })[]
    >(OPEN_COUNTS, range.gte, range.lt, pgTime(from), pgTime(to));
    return rows
      .filter((row) => row.openAtFrom > 0 || row.openAtTo > 0)
      .map(({ oldestMs, ...counts }) => ({
        ...counts,
        oldestOpenAtTo: oldestMs === null ? null : new Date(oldestMs),
      }));
  }

  override async oldestOpenAt(placePaths: readonly string[], at: Date, count: number) {
    if (placePaths.length === 0 || count === 0) return [];
    const ids = await this.prisma.$queryRawUnsafe<{ id: string }[]>(
      OLDEST_OPEN,
      JSON.stringify(placePaths),
      pgTime(at),
      count,
    );
    const order = new Map(ids.map((row, index) => [row.id, index]));
    const tickets = await this.ticketsByIds(ids.map((row) => row.id));
    return tickets.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
}
