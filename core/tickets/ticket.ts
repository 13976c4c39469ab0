import { z } from "zod";

export const TICKET_STATES = [
  "reported",
  "triage",
  "dispatched",
  "accepted",
  "resolved",
  "reopened",
  "closed",
  "merged",
  "cancelled",
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** States in which someone still has to act (a resolved ticket waits only for its reporter). */
export const ACTIVE_STATES: readonly TicketState[] = [
  "reported",
  "triage",
  "dispatched",
  "accepted",
  "reopened",
];
export const FINAL_STATES: readonly TicketState[] = ["closed", "merged", "cancelled"];

export const PRIORITIES = ["urgent", "high", "normal", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const prioritySchema = z.enum(PRIORITIES);

/** Who is responsible now; escalation climbs this ladder ("街道吹哨，部门报到"). */
export const TICKET_LEVELS = ["grid", "community", "street", "department"] as const;
export type TicketLevel = (typeof TICKET_LEVELS)[number];

export const mediaRefSchema = z.object({
  kind: z.enum(["photo", "voice", "location", "file"]),
  ref: z.string().min(1).max(2000),
  mime: z.string().max(100).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type MediaRef = z.infer<typeof mediaRefSchema>;

export interface Ticket {
  readonly id: string;
  /** Human-readable, e.g. 2026-000123; unique. */
  readonly number: string;
  readonly state: TicketState;
  /** Optimistic concurrency: every committed change bumps it. */
  readonly version: number;
  readonly reporterId: string;
  readonly placeId: string;
  readonly placePath: string;
  readonly categoryCode: string | null;
  readonly priority: Priority;
  readonly level: TicketLevel;
  /** The place whose team is responsible at this level (grid, community or street); null at department level. */
  readonly unitPlaceId: string | null;
  readonly departmentId: string | null;
  readonly assigneeId: string | null;
  readonly clockStartedAt: Date | null;
  readonly signForDeadline: Date | null;
  readonly resolveDeadline: Date | null;
  /** The sweep's indexed timers: when to nudge, when to escalate, when to close unopposed. */
  readonly nudgeDueAt: Date | null;
  readonly escalateDueAt: Date | null;
  readonly autoCloseAt: Date | null;
  readonly supporterCount: number;
  readonly sourceChannel: string;
  /** The worker who filed it for the reporter at the offline desk (流动办公桌); null otherwise. */
  readonly filedById: string | null;
  /** The inbox message or API request it came from, so processing that again finds this ticket. */
  readonly sourceKey: string | null;
  readonly originalText: string;
  readonly media: readonly MediaRef[];
  readonly rating: number | null;
  readonly mergedIntoId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly resolvedAt: Date | null;
  readonly closedAt: Date | null;
}

export const TICKET_EVENT_TYPES = [
  "created",
  "dispatched",
  "triaged",
  "signed_for",
  "returned",
  "resolved",
  "confirmed",
  "auto_closed",
  "rejected",
  "cancelled",
  "merged",
  "supporter_added",
  "priority_raised",
  "reassigned",
  "escalated",
  "sla_breached",
  "nudged",
  "reclassified",
  "rated",
  "transcribed",
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** One line of a ticket's timeline. Appended with the change it records; never rewritten. */
export interface TicketEvent {
  readonly id: string;
  readonly ticketId: string;
  readonly at: Date;
  readonly type: TicketEventType;
  /** null when the system acted. */
  readonly actorId: string | null;
  readonly fromState: TicketState | null;
  readonly toState: TicketState;
  readonly note: string | null;
  readonly data: Readonly<Record<string, string | number | boolean | null>> | null;
}

export function isActive(ticket: Pick<Ticket, "state">): boolean {
  return ACTIVE_STATES.includes(ticket.state);
}

/** 2026-000123: the deployment's year and a sequence that restarts each year. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, "0")}`;
}
