import { ancestorIdAt } from "../places/place";
import type { HandlerCandidate } from "./governance-directory";
import { pickRoutingRule, type ResponsibleUnit, unitAtLevel, unitForRule } from "./routing";
import { choosePolicy, FALLBACK_SLA, type SlaPolicy } from "./sla";
import type { Priority, TicketLevel } from "./ticket";
import type { TicketDeps } from "./ticket-deps";

export type RoutingDecision =
  | { readonly kind: "dispatch"; readonly unit: ResponsibleUnit; readonly assigneeId: string }
  | {
      readonly kind: "triage";
      readonly unit: ResponsibleUnit;
      readonly reason: "no_category" | "no_rule" | "no_handler";
    };

/**
 * The unit's handler for a case: on duty first (anyone when no one is); among several, the one
 * with the fewest open cases, then a stable order. Cases are counted only when there is a choice.
 */
export async function chooseHandler(
  deps: Pick<TicketDeps, "people">,
  unit: { level: TicketLevel; unitPlaceId: string | null; departmentId: string | null },
): Promise<string | null> {
  const candidates = await deps.people.handlersOf(unit);
  const onDuty = candidates.filter((candidate) => candidate.onDuty);
  const pool = onDuty.length > 0 ? onDuty : candidates;
  if (pool.length <= 1) return pool[0]?.personId ?? null;
  const open = await deps.people.openTicketCounts(pool.map((candidate) => candidate.personId));
  return pickLeastLoaded(pool, open);
}

function pickLeastLoaded(
  pool: readonly HandlerCandidate[],
  open: ReadonlyMap<string, number>,
): string | null {
  const load = (candidate: HandlerCandidate) => open.get(candidate.personId) ?? 0;
  const sorted = [...pool].sort((a, b) => load(a) - load(b) || a.personId.localeCompare(b.personId));
  return sorted[0]?.personId ?? null;
}

/** Where a triage ticket waits: the community's dispatchers, or the lowest level above the place that exists. */
export function triageUnit(placePath: string): ResponsibleUnit {
  const unit = unitAtLevel("community", placePath);
  if (unit) return unit;
  return { level: "street", unitPlaceId: ancestorIdAt(placePath, "district"), departmentId: null };
}

/** Category + place → responsible unit (the routing table) → its on-duty handler. */
export async function routeTicket(
  deps: Pick<TicketDeps, "directory" | "people">,
  categoryCode: string | null,
  placePath: string,
): Promise<RoutingDecision> {
  if (!categoryCode) return { kind: "triage", unit: triageUnit(placePath), reason: "no_category" };
  const rule = pickRoutingRule(await deps.directory.routingRules(categoryCode), categoryCode, placePath);
  const unit = rule ? unitForRule(rule, placePath) : null;
  if (!unit) return { kind: "triage", unit: triageUnit(placePath), reason: "no_rule" };
  return dispatchToUnit(deps, unit, placePath);
}

export async function dispatchToUnit(
  deps: Pick<TicketDeps, "people">,
  unit: ResponsibleUnit,
  placePath: string,
): Promise<RoutingDecision> {
  const assigneeId = await chooseHandler(deps, unit);
  if (!assigneeId) return { kind: "triage", unit: triageUnit(placePath), reason: "no_handler" };
  return { kind: "dispatch", unit, assigneeId };
}

export async function slaPolicyFor(
  deps: Pick<TicketDeps, "directory">,
  categoryCode: string | null,
  priority: Priority,
): Promise<SlaPolicy> {
  return (
    choosePolicy(await deps.directory.slaPolicies(categoryCode), categoryCode, priority) ??
    FALLBACK_SLA[priority]
  );
}

export async function handlerIdsOf(
  deps: Pick<TicketDeps, "people">,
  unit: { level: TicketLevel; unitPlaceId: string | null; departmentId: string | null },
): Promise<string[]> {
  return (await deps.people.handlersOf(unit)).map((candidate) => candidate.personId);
}
