import { systemActor } from "../people/person";
import { slaPolicyFor } from "./route-ticket";
import { acceptedClock, dispatchClock, reopenedClock, type TicketTimers, triageClock } from "./sla";
import type { Priority, Ticket, TicketEvent } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import { makeEvent } from "./ticket-transition";

const RAISED: Partial<Record<Priority, Priority>> = { low: "normal", normal: "high" };

/**
 * When the supporters of a case reach the threshold, it is raised one priority step and its
 * clock is re-run under the new priority's SLA from the same start. Raised once, at the crossing.
 */
export async function raisePriorityForSupport(
  deps: Pick<TicketDeps, "directory" | "ids" | "settings">,
  ticket: Ticket,
  now: Date,
): Promise<{ ticket: Ticket; event: TicketEvent } | null> {
  const raisedTo = RAISED[ticket.priority];
  if (!raisedTo || ticket.supporterCount !== deps.settings.supportersForPriorityRaise) return null;
  const policy = await slaPolicyFor(deps, ticket.categoryCode, raisedTo);
  const start = ticket.clockStartedAt ?? now;
  const timers: TicketTimers = (() => {
    switch (ticket.state) {
      case "dispatched":
        return dispatchClock(policy, start);
      case "accepted":
        return acceptedClock({ ...ticket, resolveDeadline: null }, policy, start);
      case "reopened":
        return reopenedClock(policy, start);
      case "triage":
        return triageClock(policy, start);
      default:
        return ticket;
    }
  })();
  const raised: Ticket = { ...ticket, ...timers, priority: raisedTo, updatedAt: now };
  const event = makeEvent(
    deps,
    ticket.id,
    "priority_raised",
    systemActor("supporters"),
    now,
    ticket.state,
    ticket.state,
    null,
    { from: ticket.priority, to: raisedTo, supporters: ticket.supporterCount },
  );
  return { ticket: raised, event };
}
