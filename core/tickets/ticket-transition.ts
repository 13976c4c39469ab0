import { type Actor, actorId } from "../people/person";
import { fail, ok, type Result } from "../shared/result";
import type { Ticket, TicketEvent, TicketEventType, TicketState } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import type { TicketNotice } from "./ticket-notice";
import { mayAct } from "./ticket-permissions";
import { canTransition, type TicketAction } from "./ticket-transitions";

export interface TransitionOutcome {
  readonly ticket: Ticket;
  readonly notices: readonly TicketNotice[];
}

/** Load a ticket for an action: it must exist, the actor must be allowed, the state must allow it. */
export async function loadForAction(
  deps: Pick<TicketDeps, "tickets">,
  ticketId: string,
  actor: Actor,
  action: TicketAction,
): Promise<Result<Ticket>> {
  const ticket = await deps.tickets.findById(ticketId);
  if (!ticket) return fail("TICKET.NOT_FOUND", { ticketId });
  return checkAction(ticket, actor, action);
}

/** The checks of loadForAction, for a ticket already in hand: the actor allowed, the state allowing it. */
export function checkAction(ticket: Ticket, actor: Actor, action: TicketAction): Result<Ticket> {
  if (!mayAct(actor, action, ticket)) return fail("TICKET.NOT_ALLOWED", { action, number: ticket.number });
  if (!canTransition(action, ticket.state)) {
    return fail("TICKET.ILLEGAL_TRANSITION", { action, state: ticket.state, number: ticket.number });
  }
  return ok(ticket);
}

export function makeEvent(
  deps: Pick<TicketDeps, "ids">,
  ticketId: string,
  type: TicketEventType,
  actor: Actor,
  at: Date,
  fromState: TicketState | null,
  toState: TicketState,
  note: string | null = null,
  data: TicketEvent["data"] = null,
): TicketEvent {
  return { id: deps.ids.next(), ticketId, at, type, actorId: actorId(actor), fromState, toState, note, data };
}

/** Commit one ticket's change with its events; returns the stored ticket. */
export async function commitUpdate(
  deps: Pick<TicketDeps, "tickets">,
  before: Ticket,
  after: Ticket,
  events: readonly TicketEvent[],
  followers: readonly { ticketId: string; personId: string }[] = [],
): Promise<Result<Ticket>> {
  const committed = await deps.tickets.commit({
    creates: [],
    updates: [{ ticket: after, expectedVersion: before.version, before }],
    events,
    followers,
  });
  if (!committed.ok) return committed;
  const stored = committed.value.tickets.get(after.id);
  if (!stored) throw new Error(`commit did not return ticket ${after.id}`);
  return ok(stored);
}
