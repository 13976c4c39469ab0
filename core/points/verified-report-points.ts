import { ancestorIdAt } from "../places/place";
import { ok, type Result } from "../shared/result";
import type { Ticket } from "../tickets/ticket";
import type { TicketNotice } from "../tickets/ticket-notice";
import type { PointsDeps } from "./points-deps";
import type { Recorded } from "./points-ledger";

/**
 * A 随手拍 report that proved real earns its reporter points: the case was resolved by its
 * handler and then closed (confirmed by the reporter, or closed without objection). Once per
 * ticket, whoever calls (the confirm button, the sweep, a retry): the key is `ticket:<id>`.
 * null when the ticket does not qualify or the rules give nothing.
 */
export async function creditVerifiedReport(
  deps: PointsDeps,
  ticket: Pick<Ticket, "id" | "number" | "state" | "reporterId" | "placePath" | "resolvedAt">,
): Promise<Result<Recorded | null>> {
  const points = deps.rules.pointsPerVerifiedReport;
  if (ticket.state !== "closed" || ticket.resolvedAt === null || points === 0) return ok(null);
  return deps.ledger.record({
    id: deps.ids.next(),
    personId: ticket.reporterId,
    amount: points,
    kind: "report",
    reason: ticket.number,
    reference: ticket.id,
    actorId: null, // the system, on the reporter's confirmation or the sweep
    communityId: ancestorIdAt(ticket.placePath, "community"),
    idempotencyKey: `ticket:${ticket.id}`,
    createdAt: deps.clock.now(),
  });
}

/** After a batch of notices (the sweep's auto-closes): credit each closed ticket's reporter. */
export async function creditClosedTickets(
  deps: PointsDeps,
  findTicket: (id: string) => Promise<Ticket | null>,
  notices: readonly TicketNotice[],
): Promise<{ ticket: Ticket; recorded: Recorded }[]> {
  const credited: { ticket: Ticket; recorded: Recorded }[] = [];
  for (const notice of notices) {
    if (notice.kind !== "closed") continue;
    const ticket = await findTicket(notice.ticketId);
    if (!ticket) continue;
    const result = await creditVerifiedReport(deps, ticket);
    if (result.ok && result.value && !result.value.replayed)
      credited.push({ ticket, recorded: result.value });
  }
  return credited;
}
