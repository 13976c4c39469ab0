import { z } from "zod";
import type { Actor } from "../people/person";
import { fail, ok, type Result } from "../shared/result";
import { slaPolicyFor } from "./route-ticket";
import { reopenedClock, stoppedClock } from "./sla";
import type { Ticket } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import { notice } from "./ticket-notice";
import { commitUpdate, loadForAction, makeEvent, type TransitionOutcome } from "./ticket-transition";

const ratingSchema = z.number().int().min(1).max(5);

/** The reporter confirms the fix (核查结案), optionally rating it 1–5. */
export async function confirmTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; rating?: number | null },
): Promise<Result<TransitionOutcome>> {
  const rating = input.rating ?? null;
  if (rating !== null && !ratingSchema.safeParse(rating).success)
    return fail("TICKET.RATING_INVALID", { rating });
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "confirm");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const now = deps.clock.now();
  const after: Ticket = {
    ...before,
    ...stoppedClock(before),
    state: "closed",
    rating,
    closedAt: now,
    updatedAt: now,
  };
  const event = makeEvent(deps, before.id, "confirmed", input.actor, now, "resolved", "closed", null, {
    rating,
  });
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  return ok({ ticket: stored.value, notices: [notice("closed", stored.value, [stored.value.assigneeId])] });
}

/** "Not fixed": the reporter rejects the resolution and the case reopens with a new resolve clock. */
export async function rejectTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; reason?: string | null },
): Promise<Result<TransitionOutcome>> {
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "reject");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const now = deps.clock.now();
  const policy = await slaPolicyFor(deps, before.categoryCode, before.priority);
  const after: Ticket = {
    ...before,
    ...reopenedClock(policy, now),
    state: "reopened",
    resolvedAt: null,
    updatedAt: now,
  };
  const reason = input.reason?.trim().slice(0, 2000) || null;
  const event = makeEvent(deps, before.id, "rejected", input.actor, now, "resolved", "reopened", reason);
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  return ok({
    ticket: stored.value,
    notices: [
      notice("reopened", stored.value, [stored.value.assigneeId], {
        deadline: stored.value.resolveDeadline,
        note: reason,
      }),
    ],
  });
}

/** The reporter withdraws, or an administrator cancels with a reason. */
export async function cancelTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; reason?: string | null },
): Promise<Result<TransitionOutcome>> {
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "cancel");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const now = deps.clock.now();
  const after: Ticket = {
    ...before,
    ...stoppedClock(before),
    state: "cancelled",
    closedAt: now,
    updatedAt: now,
  };
  const reason = input.reason?.trim().slice(0, 2000) || null;
  const event = makeEvent(deps, before.id, "cancelled", input.actor, now, before.state, "cancelled", reason);
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  const reporterCancelled = input.actor.kind === "person" && input.actor.person.id === before.reporterId;
  const to = reporterCancelled ? [before.assigneeId] : [before.assigneeId, before.reporterId];
  return ok({ ticket: stored.value, notices: [notice("cancelled", stored.value, to, { note: reason })] });
}

/** A rating after closing (the close may have been automatic). Once only. */
export async function rateTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; rating: number },
): Promise<Result<TransitionOutcome>> {
  if (!ratingSchema.safeParse(input.rating).success)
    return fail("TICKET.RATING_INVALID", { rating: input.rating });
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "rate");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  if (before.rating !== null) return fail("TICKET.ALREADY_RATED", { number: before.number });
  const now = deps.clock.now();
  const after: Ticket = { ...before, rating: input.rating, updatedAt: now };
  const event = makeEvent(deps, before.id, "rated", input.actor, now, "closed", "closed", null, {
    rating: input.rating,
  });
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  return ok({ ticket: stored.value, notices: [] });
}
