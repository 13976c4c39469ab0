import { ancestorIdAt, isWithin, pathDepth } from "../places/place";
import type { TicketLevel } from "./ticket";

/** One row of the editable routing table: tickets of a category inside a place start at a level. */
export interface RoutingRule {
  readonly id: string;
  /** A category code, or "*" for every category. */
  readonly categoryCode: string;
  readonly placeId: string;
  readonly placePath: string;
  readonly level: TicketLevel;
  /** Only for level "department". */
  readonly departmentId: string | null;
}

export interface ResponsibleUnit {
  readonly level: TicketLevel;
  readonly unitPlaceId: string | null;
  readonly departmentId: string | null;
}

/**
 * The rule that applies: a rule for the exact category beats a "*" rule, then the rule
 * set on the deepest place wins. Null when nothing covers the place.
 */
export function pickRoutingRule(
  rules: readonly RoutingRule[],
  categoryCode: string,
  ticketPlacePath: string,
): RoutingRule | null {
  let best: RoutingRule | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    if (rule.categoryCode !== categoryCode && rule.categoryCode !== "*") continue;
    if (!isWithin(ticketPlacePath, rule.placePath)) continue;
    const score = (rule.categoryCode === categoryCode ? 100 : 0) + pathDepth(rule.placePath);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The unit at a level for a place. A place above the level (a ticket known only by its
 * community, routed to "grid") is served by the lowest level it does have.
 */
export function unitAtLevel(
  level: Exclude<TicketLevel, "department">,
  ticketPlacePath: string,
): ResponsibleUnit | null {
  const ladder: Exclude<TicketLevel, "department">[] = ["grid", "community", "street"];
  for (const candidate of ladder.slice(ladder.indexOf(level))) {
    const unitPlaceId = ancestorIdAt(ticketPlacePath, candidate);
    if (unitPlaceId) return { level: candidate, unitPlaceId, departmentId: null };
  }
  return null;
}

export function unitForRule(rule: RoutingRule, ticketPlacePath: string): ResponsibleUnit | null {
  if (rule.level === "department") {
    return rule.departmentId
      ? { level: "department", unitPlaceId: null, departmentId: rule.departmentId }
      : null;
  }
  return unitAtLevel(rule.level, ticketPlacePath);
}

/** The next rung up; the department is the last. */
export function nextLevel(level: TicketLevel): TicketLevel | null {
  const ladder: TicketLevel[] = ["grid", "community", "street", "department"];
  return ladder[ladder.indexOf(level) + 1] ?? null;
}
