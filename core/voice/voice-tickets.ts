import type { Actor } from "../people/person";
import { fail, ok, type Result } from "../shared/result";
import { dispatchTicket, reclassifyTicket } from "../tickets/manage-ticket";
import type { Ticket } from "../tickets/ticket";
import type { TicketDeps } from "../tickets/ticket-deps";
import { commitUpdate, loadForAction, makeEvent, type TransitionOutcome } from "../tickets/ticket-transition";
import { transcriptSchema } from "./voice-note";

/** A ticket that holds a voice note nobody has written down yet. */
export function isUntranscribedVoice(ticket: Pick<Ticket, "originalText" | "media">): boolean {
  return ticket.originalText.trim() === "" && ticket.media.some((m) => m.kind === "voice");
}

/**
 * What a voice note said becomes the ticket's text (the audio stays in its media). Written by a
 * transcriber (the system) or typed by a grid worker who listened to it.
 */
export async function writeDownVoiceNote(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; text: string; source: "transcriber" | "typed"; model?: string },
): Promise<Result<Ticket>> {
  const text = transcriptSchema.safeParse(input.text);
  if (!text.success) return fail("TICKET.NOTE_REQUIRED");
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "transcribe");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const now = deps.clock.now();
  const after: Ticket = { ...before, originalText: text.data, updatedAt: now };
  const event = makeEvent(
    deps,
    before.id,
    "transcribed",
    input.actor,
    now,
    before.state,
    before.state,
    null,
    {
      source: input.source,
      ...(input.model ? { model: input.model } : {}),
    },
  );
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  if (input.source === "typed" && stored.value.categoryCode) await learnFrom(deps, stored.value);
  return stored;
}

/**
 * The grid worker picks the category of a voice note in triage: the routing table then sends it
 * to its handler. With no route it keeps the category and stays in triage for the community.
 */
export async function triageVoiceTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; categoryCode: string },
): Promise<Result<TransitionOutcome>> {
  const dispatched = await dispatchTicket(deps, input);
  const outcome =
    !dispatched.ok && dispatched.code === "TICKET.NO_ROUTE"
      ? await reclassifyTicket(deps, input)
      : dispatched;
  if (!outcome.ok) return outcome;
  if (outcome.value.ticket.originalText.trim() !== "") await learnFrom(deps, outcome.value.ticket);
  return ok(outcome.value);
}

/** A person's words with a person's category: the offline model learns from it at the next training. */
async function learnFrom(deps: TicketDeps, ticket: Ticket): Promise<void> {
  await deps.examples.add({
    id: deps.ids.next(),
    text: ticket.originalText,
    intent: "report",
    category: ticket.categoryCode,
    priority: ticket.priority,
    source: "voice-note",
    createdAt: deps.clock.now(),
  });
}
