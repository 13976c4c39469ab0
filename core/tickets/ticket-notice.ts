import type { Ticket, TicketLevel } from "./ticket";

/**
 * What someone should be told after a change. Core decides who and why; the bot decides
 * the words and the channel.
 */
export type TicketNoticeKind =
  | "dispatched"
  | "triage_needed"
  | "accepted"
  | "returned"
  | "resolved"
  | "reopened"
  | "closed"
  | "cancelled"
  | "merged"
  | "supporter_added"
  | "reassigned_away"
  | "escalated"
  | "escalated_away"
  | "nudge"
  | "sla_breached";

export interface TicketNotice {
  readonly kind: TicketNoticeKind;
  readonly ticketId: string;
  readonly ticketNumber: string;
  /** Person ids. */
  readonly to: readonly string[];
  readonly level: TicketLevel;
  /** The deadline that matters to the recipient, if any. */
  readonly deadline: Date | null;
  readonly note: string | null;
}

export function notice(
  kind: TicketNoticeKind,
  ticket: Ticket,
  to: readonly (string | null | undefined)[],
  extra: { deadline?: Date | null; note?: string | null } = {},
): TicketNotice {
  const recipients = [...new Set(to.filter((id): id is string => typeof id === "string" && id.length > 0))];
  return {
    kind,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    to: recipients,
    level: ticket.level,
    deadline: extra.deadline ?? null,
    note: extra.note ?? null,
  };
}

/** The deadline the current holder is working against. */
export function currentDeadline(
  ticket: Pick<Ticket, "state" | "signForDeadline" | "resolveDeadline">,
): Date | null {
  return ticket.state === "dispatched" || ticket.state === "triage"
    ? ticket.signForDeadline
    : ticket.resolveDeadline;
}
