import { ACTIVE_STATES } from "../../core/tickets/ticket";

/**
 * Core's isOpenAt and isOverdueAt (core/summaries/summary-repository.ts) in SQL, for SQLite and
 * PostgreSQL alike, at an instant given as a placeholder (`@to`, `$4::timestamp(3)`): the database
 * counts a street's tens of thousands of open cases instead of handing each one over.
 * summary-open-cases.int.test.ts holds both databases to core's definitions on boundary cases.
 */
export const openAtSql = (at: string) =>
  `("state" <> 'merged' AND "createdAt" < ${at} AND ("closedAt" IS NULL OR "closedAt" >= ${at})
    AND ("resolvedAt" IS NULL OR "resolvedAt" >= ${at}))`;

export const overdueAtSql = (at: string) =>
  `(${openAtSql(at)} AND (CASE WHEN "state" IN ('dispatched', 'triage') THEN "signForDeadline"
    ELSE "resolveDeadline" END) < ${at})`;

/** States in which a ticket may still be open at a moment: working, or resolved since then. */
export const UNFINISHED_STATES = [...ACTIVE_STATES, "resolved"] as const;
export const UNFINISHED_SQL = UNFINISHED_STATES.map((s) => `'${s}'`).join(", ");
