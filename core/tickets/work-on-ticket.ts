import { z } from "zod";
import type { Actor } from "../people/person";
import { fail, ok, type Result } from "../shared/result";
import { handlerIdsOf, slaPolicyFor, triageUnit } from "./route-ticket";
import { acceptedClock, resolvedClock, triageClock } from "./sla";
import { mediaRefSchema, type Ticket } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import { notice } from "./ticket-notice";
import { commitUpdate, loadForAction, makeEvent, type TransitionOutcome } from "./ticket-transition";

const noteSchema = z.string().trim().max(2000);

/** The worker signs for (签收) a dispatched case; the resolve deadline now runs. */
export async function signForTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor },
): Promise<Result<TransitionOutcome>> {
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "sign_for");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const now = deps.clock.now();
  const policy = await slaPolicyFor(deps, before.categoryCode, before.priority);
  const signer = input.actor.kind === "person" ? input.actor.person.id : before.assigneeId;
  const after: Ticket = {
    ...before,
    ...acceptedClock(before, policy, now),
    state: "accepted",
    assigneeId: signer,
    updatedAt: now,
  };
  const event = makeEvent(deps, before.id, "signed_for", input.actor, now, before.state, "accepted");
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  return ok({
    ticket: stored.value,
    notices: [
      notice("accepted", stored.value, [stored.value.reporterId], { deadline: stored.value.resolveDeadline }),
    ],
  });
}

/** "Not ours" (退回): the case goes back to the community's dispatchers with the reason. */
export async function returnTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; reason: string },
): Promise<Result<TransitionOutcome>> {
  const reason = noteSchema.parse(input.reason);
  if (reason.length === 0) return fail("TICKET.NOTE_REQUIRED", { action: "return" });
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "return");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const now = deps.clock.now();
  const unit = triageUnit(before.placePath);
  const policy = await slaPolicyFor(deps, before.categoryCode, before.priority);
  const after: Ticket = {
    ...before,
    ...unit,
    ...triageClock(policy, now),
    state: "triage",
    assigneeId: null,
    updatedAt: now,
  };
  const event = makeEvent(deps, before.id, "returned", input.actor, now, before.state, "triage", reason, {
    fromLevel: before.level,
    fromAssignee: before.assigneeId,
  });
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  const dispatchers = await handlerIdsOf(deps, unit);
  return ok({
    ticket: stored.value,
    notices: [
      notice("triage_needed", stored.value, dispatchers, {
        deadline: stored.value.signForDeadline,
        note: reason,
      }),
    ],
  });
}

export const resolveInputSchema = z.object({
  ticketId: z.string().min(1),
  note: noteSchema.default(""),
  media: z.array(mediaRefSchema).max(10).default([]),
});

/** The worker reports it handled (已处理) with a note and/or photo; the reporter is asked to confirm. */
export async function resolveTicket(
  deps: TicketDeps,
  rawInput: z.input<typeof resolveInputSchema> & { actor: Actor },
): Promise<Result<TransitionOutcome>> {
  const input = resolveInputSchema.parse(rawInput);
  if (input.note.length === 0 && input.media.length === 0)
    return fail("TICKET.NOTE_REQUIRED", { action: "resolve" });
  const loaded = await loadForAction(deps, input.ticketId, rawInput.actor, "resolve");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const now = deps.clock.now();
  const after: Ticket = {
    ...before,
    ...resolvedClock(before, now, deps.settings.autoCloseHours),
    state: "resolved",
    assigneeId: before.assigneeId ?? (rawInput.actor.kind === "person" ? rawInput.actor.person.id : null),
    resolvedAt: now,
    updatedAt: now,
  };
  const event = makeEvent(
    deps,
    before.id,
    "resolved",
    rawInput.actor,
    now,
    before.state,
    "resolved",
    input.note || null,
    {
      media: input.media.length > 0 ? JSON.stringify(input.media) : null,
      // The deadline this resolution was due by: reopening replaces the ticket's, summaries need this one.
      deadline: before.resolveDeadline?.toISOString() ?? null,
    },
  );
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  const followers = await deps.tickets.listFollowers(before.id);
  return ok({
    ticket: stored.value,
    notices: [
      notice("resolved", stored.value, [stored.value.reporterId, ...followers], {
        deadline: stored.value.autoCloseAt,
        note: input.note || null,
      }),
    ],
  });
}
