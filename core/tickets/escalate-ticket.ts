import type { Actor } from "../people/person";
import { pathDepth } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import { chooseHandler, handlerIdsOf, slaPolicyFor } from "./route-ticket";
import { nextLevel, type ResponsibleUnit, unitAtLevel } from "./routing";
import { dispatchClock, triageClock } from "./sla";
import type { Ticket } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import { notice, type TicketNotice } from "./ticket-notice";
import {
  checkAction,
  commitUpdate,
  loadForAction,
  makeEvent,
  type TransitionOutcome,
} from "./ticket-transition";
import { targetState } from "./ticket-transitions";

/** The unit one rung above the ticket's: grid → community → street → the responsible department. */
async function unitAbove(deps: TicketDeps, ticket: Ticket): Promise<ResponsibleUnit | null> {
  let level = nextLevel(ticket.level);
  while (level && level !== "department") {
    const unit = unitAtLevel(level, ticket.placePath);
    // unitAtLevel falls back upwards; take it only if it really is higher than where we are.
    if (unit && unit.level === level) return unit;
    level = nextLevel(level);
  }
  if (level !== "department" || !ticket.categoryCode) return null;
  const departments = await deps.directory.departmentsFor(ticket.categoryCode, ticket.placePath);
  // The department nearest the place (a street's before the district's).
  const nearest = [...departments].sort((a, b) => pathDepth(b.placePath) - pathDepth(a.placePath))[0];
  return nearest ? { level: "department", unitPlaceId: null, departmentId: nearest.id } : null;
}

/**
 * One level up with a new clock ("街道吹哨，部门报到"). The scheduler does it at a deadline; a
 * handler may also whistle for help, and an administrator may push a case up.
 */
export async function escalateTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; reason: string },
): Promise<Result<TransitionOutcome>> {
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "escalate");
  if (!loaded.ok) return loaded;
  return escalateAsRead(deps, loaded.value, input);
}

/** escalateTicket for a ticket just read (the sweep's due ones): no second read of the same row. */
export async function escalateAsRead(
  deps: TicketDeps,
  ticket: Ticket,
  input: { actor: Actor; reason: string },
): Promise<Result<TransitionOutcome>> {
  const checked = checkAction(ticket, input.actor, "escalate");
  if (!checked.ok) return checked;
  const before = checked.value;
  const unit = await unitAbove(deps, before);
  if (!unit) return fail("TICKET.TOP_LEVEL", { number: before.number, level: before.level });
  const now = deps.clock.now();
  const state = targetState("escalate", before.state);
  const policy = await slaPolicyFor(deps, before.categoryCode, before.priority);
  const assigneeId = state === "triage" ? null : await chooseHandler(deps, unit);
  const after: Ticket = {
    ...before,
    ...unit,
    ...(state === "triage" ? triageClock(policy, now) : dispatchClock(policy, now)),
    state,
    assigneeId,
    updatedAt: now,
  };
  const event = makeEvent(deps, before.id, "escalated", input.actor, now, before.state, state, input.reason, {
    fromLevel: before.level,
    toLevel: unit.level,
    fromAssignee: before.assigneeId,
    toAssignee: assigneeId,
  });
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  const t = stored.value;
  const newHolders = assigneeId ? [assigneeId] : await handlerIdsOf(deps, unit);
  const notices: TicketNotice[] = [
    notice("escalated", t, newHolders, { deadline: t.signForDeadline, note: input.reason }),
  ];
  if (before.assigneeId)
    notices.push(notice("escalated_away", t, [before.assigneeId], { note: input.reason }));
  return ok({ ticket: t, notices });
}
