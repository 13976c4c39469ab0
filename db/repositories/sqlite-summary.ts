import type {
  OpenCasesAtPath,
  SummaryEvent,
  SummaryRepository,
  SummaryTicket,
} from "../../core/summaries/summary-repository";
import type { TicketEventType, TicketState } from "../../core/tickets/ticket";
import type { SqliteConnection } from "../sqlite-connection";
import { toSummaryEvent } from "./prisma-summary";
import { fromOptionalTimestamp, fromTimestamp, toTimestamp } from "./sqlite-rows";
import { openAtSql, overdueAtSql, UNFINISHED_SQL, UNFINISHED_STATES } from "./summary-sql";
import { pathRange } from "./ticket-row-mapping";

const COLUMNS = `"id", "number", "state", "placeId", "placePath", "categoryCode", "createdAt", "resolvedAt",
  "closedAt", "signForDeadline", "resolveDeadline", "rating", "assigneeId"`;
const EVENT_COLUMNS = `"ticketId", "type", "at", "actorId", "data"`;
/** A list of ids as one parameter (a JSON array), so one statement serves any number of them. */
const IN_IDS = `IN (SELECT "value" FROM json_each(?))`;

/** Per path: open and overdue at `from`, at `to`, and the oldest open at `to` (≈ 100 ms for a street's 35,000, ≈ 300 to hand them over). */
const COUNTS = `"placePath", count(CASE WHEN ${openAtSql("@from")} THEN 1 END),
  count(CASE WHEN ${overdueAtSql("@from")} THEN 1 END), count(CASE WHEN ${openAtSql("@to")} THEN 1 END),
  count(CASE WHEN ${overdueAtSql("@to")} THEN 1 END), min(CASE WHEN ${openAtSql("@to")} THEN "createdAt" END)`;
/**
 * Cases that may be open at `from` or `to`, counted per path: each unfinished state on its own
 * (one state's rows come in placePath order, so grouping needs no sort), then those finished
 * (closed, cancelled) since `from`.
 */
const OPEN_COUNTS = [
  ...UNFINISHED_STATES.map(
    (state) => `SELECT ${COUNTS} FROM "Ticket" WHERE "state" = '${state}'
      AND "placePath" >= @gte AND "placePath" < @lt AND "createdAt" < @to GROUP BY "placePath"`,
  ),
  `SELECT ${COUNTS} FROM "Ticket" WHERE "closedAt" >= @from AND "state" IN ('closed', 'cancelled')
     AND "placePath" >= @gte AND "placePath" < @lt AND "createdAt" < @to GROUP BY "placePath"`,
].join(" UNION ALL ");
/** Cases at the listed paths open at `to`: unfinished ones, and those finished after it. */
const OLDEST_OPEN = `SELECT ${COLUMNS} FROM "Ticket" WHERE "state" IN (${UNFINISHED_SQL})
    AND "placePath" ${IN_IDS.replace("?", "@paths")} AND ${openAtSql("@to")}
  UNION ALL SELECT ${COLUMNS} FROM "Ticket" WHERE "closedAt" >= @to AND "state" IN ('closed', 'cancelled')
    AND "placePath" ${IN_IDS.replace("?", "@paths")} AND ${openAtSql("@to")}
  ORDER BY "createdAt", "number" LIMIT @count`;

const earlier = (a: Date | null, b: Date | null) => (a === null || (b !== null && b < a) ? b : a);

/** Positional parameters, or named ones (`@name`) for statements that use a value several times. */
type Params = (string | null)[] | Record<string, string | number | null>;

/**
 * The summary's reads on SQLite's prepared statements: a street's day reads some 35,000 open
 * cases, ≈ 0.3 s more through Prisma's result mapping. The same queries and index ranges as
 * PrismaSummaryRepository, which PostgreSQL keeps.
 */
export class SqliteSummaryRepository implements SummaryRepository {
  constructor(private readonly sqlite: SqliteConnection) {}

  ticketsCreated(withinPath: string, from: Date, to: Date) {
    const range = pathRange(withinPath);
    return this.tickets(
      `SELECT ${COLUMNS} FROM "Ticket" WHERE "placePath" >= ? AND "placePath" < ?
         AND "createdAt" >= ? AND "createdAt" < ? AND "state" <> 'merged'`,
      [range.gte, range.lt, toTimestamp(from), toTimestamp(to)],
    );
  }

  ticketsClosed(withinPath: string, from: Date, to: Date) {
    const range = pathRange(withinPath);
    return this.tickets(
      `SELECT ${COLUMNS} FROM "Ticket" WHERE "closedAt" >= ? AND "closedAt" < ? AND "state" = 'closed'
         AND "placePath" >= ? AND "placePath" < ?`,
      [toTimestamp(from), toTimestamp(to), range.gte, range.lt],
    );
  }

  async openCasesByPath(withinPath: string, from: Date, to: Date) {
    const range = pathRange(withinPath);
    const parts = await this.rows(
      OPEN_COUNTS,
      { gte: range.gte, lt: range.lt, from: toTimestamp(from), to: toTimestamp(to) },
      (row) => row,
    );
    // A path's rows from each part added up; paths with nothing open at either end left out.
    const byPath = new Map<string, OpenCasesAtPath>();
    for (const [placePath, openAtFrom, overdueAtFrom, openAtTo, overdueAtTo, oldest] of parts as [
      string,
      number,
      number,
      number,
      number,
      string | null,
    ][]) {
      if (openAtFrom === 0 && openAtTo === 0) continue;
      const oldestOpenAtTo = oldest === null ? null : fromTimestamp(oldest);
      const sum = byPath.get(placePath);
      byPath.set(
        placePath,
        sum
          ? {
              placePath,
              openAtFrom: sum.openAtFrom + openAtFrom,
              overdueAtFrom: sum.overdueAtFrom + overdueAtFrom,
              openAtTo: sum.openAtTo + openAtTo,
              overdueAtTo: sum.overdueAtTo + overdueAtTo,
              oldestOpenAtTo: earlier(sum.oldestOpenAtTo, oldestOpenAtTo),
            }
          : { placePath, openAtFrom, overdueAtFrom, openAtTo, overdueAtTo, oldestOpenAtTo },
      );
    }
    return [...byPath.values()];
  }

  oldestOpenAt(placePaths: readonly string[], at: Date, count: number) {
    if (placePaths.length === 0 || count === 0) return Promise.resolve([]);
    return this.tickets(OLDEST_OPEN, { paths: JSON.stringify(placePaths), to: toTimestamp(at), count });
  }

  ticketsByIds(ids: readonly string[]) {
    return this.tickets(`SELECT ${COLUMNS} FROM "Ticket" WHERE "id" ${IN_IDS}`, [JSON.stringify(ids)]);
  }

  eventsBetween(withinPath: string, types: readonly TicketEventType[], from: Date, to: Date) {
    const range = pathRange(withinPath);
    // Events carry no place: those whose ticket lies in the range, found by the ticket's key.
    return this.events(
      `SELECT ${EVENT_COLUMNS.replace(/"(\w+)"/g, 'e."$1"')} FROM "TicketEvent" e
       WHERE e."type" ${IN_IDS} AND e."at" >= ? AND e."at" < ?
         AND EXISTS (SELECT 1 FROM "Ticket" t WHERE t."id" = e."ticketId" AND t."placePath" >= ? AND t."placePath" < ?)
       ORDER BY e."at" ASC`,
      [JSON.stringify(types), toTimestamp(from), toTimestamp(to), range.gte, range.lt],
    );
  }

  async eventsOfTickets(ticketIds: readonly string[], types: readonly TicketEventType[], before: Date) {
    // By ticket (its timeline index) and filtered here: a type filter in SQL would tempt SQLite
    // onto the (type, at) index and through every such event ever written.
    const rows = await this.events(
      `SELECT ${EVENT_COLUMNS} FROM "TicketEvent" WHERE "ticketId" ${IN_IDS} AND "at" < ?`,
      [JSON.stringify(ticketIds), toTimestamp(before)],
    );
    return rows.filter((row) => types.includes(row.type)).sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  private tickets(query: string, params: Params): Promise<SummaryTicket[]> {
    return this.rows(query, params, (row) => ({
      id: row[0] as string,
      number: row[1] as string,
      state: row[2] as TicketState,
      placeId: row[3] as string,
      placePath: row[4] as string,
      categoryCode: row[5] as string | null,
      createdAt: fromTimestamp(row[6]),
      resolvedAt: fromOptionalTimestamp(row[7]),
      closedAt: fromOptionalTimestamp(row[8]),
      signForDeadline: fromOptionalTimestamp(row[9]),
      resolveDeadline: fromOptionalTimestamp(row[10]),
      rating: row[11] as number | null,
      assigneeId: row[12] as string | null,
    }));
  }

  /** Rows as arrays (in the SELECT's column order): tens of thousands of them, and no object made twice. */
  private rows<T>(query: string, params: Params, toValue: (row: unknown[]) => T): Promise<T[]> {
    return this.sqlite.run((sql) => {
      const statement = sql.prepare(query).raw(true);
      const rows = (Array.isArray(params) ? statement.all(...params) : statement.all(params)) as unknown[][];
      return rows.map(toValue);
    });
  }

  private events(query: string, params: (string | null)[]): Promise<SummaryEvent[]> {
    return this.sqlite.run((sql) =>
      (
        sql.prepare(query).all(...params) as {
          ticketId: string;
          type: string;
          at: string;
          actorId: string | null;
          data: string | null;
        }[]
      ).map((row) => toSummaryEvent({ ...row, at: fromTimestamp(row.at) })),
    );
  }
}
