import { addMinutes } from "../shared/clock";
import type { Priority, Ticket } from "./ticket";

/** Per category × priority ("*" = any category): minutes to sign for and to resolve. */
export interface SlaPolicy {
  readonly categoryCode: string;
  readonly priority: Priority;
  readonly signForMinutes: number;
  readonly resolveMinutes: number;
}

/** The share of a deadline after which the assignee is nudged. */
export const NUDGE_SHARE = 0.75;

export type TicketTimers = Pick<
  Ticket,
  "clockStartedAt" | "signForDeadline" | "resolveDeadline" | "nudgeDueAt" | "escalateDueAt" | "autoCloseAt"
>;

export const NO_TIMERS: TicketTimers = {
  clockStartedAt: null,
  signForDeadline: null,
  resolveDeadline: null,
  nudgeDueAt: null,
  escalateDueAt: null,
  autoCloseAt: null,
};

function nudgePoint(start: Date, deadline: Date): Date {
  return new Date(start.getTime() + Math.round((deadline.getTime() - start.getTime()) * NUDGE_SHARE));
}

/** A fresh clock at a level: the sign-for deadline runs first, the resolve deadline from the same start. */
export function dispatchClock(policy: SlaPolicy, at: Date): TicketTimers {
  const signForDeadline = addMinutes(at, policy.signForMinutes);
  return {
    clockStartedAt: at,
    signForDeadline,
    resolveDeadline: addMinutes(at, policy.resolveMinutes),
    nudgeDueAt: nudgePoint(at, signForDeadline),
    escalateDueAt: signForDeadline,
    autoCloseAt: null,
  };
}

/** After signing for, the resolve deadline of the same clock is the one that counts. */
export function acceptedClock(timers: TicketTimers, policy: SlaPolicy, at: Date): TicketTimers {
  const start = timers.clockStartedAt ?? at;
  const resolveDeadline = timers.resolveDeadline ?? addMinutes(start, policy.resolveMinutes);
  return {
    ...timers,
    resolveDeadline,
    nudgeDueAt: nudgePoint(start, resolveDeadline),
    escalateDueAt: resolveDeadline,
  };
}

/** A reopened case gets a whole new resolve clock: the fix did not hold. */
export function reopenedClock(policy: SlaPolicy, at: Date): TicketTimers {
  const resolveDeadline = addMinutes(at, policy.resolveMinutes);
  return {
    clockStartedAt: at,
    signForDeadline: null,
    resolveDeadline,
    nudgeDueAt: nudgePoint(at, resolveDeadline),
    escalateDueAt: resolveDeadline,
    autoCloseAt: null,
  };
}

/** A dispatcher has the sign-for time of the case to route a triage ticket. */
export function triageClock(policy: SlaPolicy, at: Date): TicketTimers {
  const deadline = addMinutes(at, policy.signForMinutes);
  return {
    clockStartedAt: at,
    signForDeadline: deadline,
    resolveDeadline: null,
    nudgeDueAt: nudgePoint(at, deadline),
    escalateDueAt: deadline,
    autoCloseAt: null,
  };
}

export function resolvedClock(timers: TicketTimers, at: Date, autoCloseHours: number): TicketTimers {
  return {
    ...timers,
    nudgeDueAt: null,
    escalateDueAt: null,
    autoCloseAt: addMinutes(at, autoCloseHours * 60),
  };
}

/** Final states keep their deadlines for reports but carry no timer. */
export function stoppedClock(timers: TicketTimers): TicketTimers {
  return { ...timers, nudgeDueAt: null, escalateDueAt: null, autoCloseAt: null };
}

/** Pick the policy for a category and priority, falling back to the "*" row. */
export function choosePolicy(
  policies: readonly SlaPolicy[],
  categoryCode: string | null,
  priority: Priority,
): SlaPolicy | null {
  return (
    policies.find((policy) => policy.categoryCode === categoryCode && policy.priority === priority) ??
    policies.find((policy) => policy.categoryCode === "*" && policy.priority === priority) ??
    null
  );
}

/** The built-in fallback when a deployment's table has no row at all for a priority. */
export const FALLBACK_SLA: Readonly<Record<Priority, SlaPolicy>> = {
  urgent: { categoryCode: "*", priority: "urgent", signForMinutes: 15, resolveMinutes: 240 },
  high: { categoryCode: "*", priority: "high", signForMinutes: 60, resolveMinutes: 24 * 60 },
  normal: { categoryCode: "*", priority: "normal", signForMinutes: 240, resolveMinutes: 72 * 60 },
  low: { categoryCode: "*", priority: "low", signForMinutes: 24 * 60, resolveMinutes: 7 * 24 * 60 },
};
