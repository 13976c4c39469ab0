import { systemActor } from "../people/person";
import { quietUntil } from "../shared/clock";
import { ok, type Result } from "../shared/result";
import { escalateAsRead } from "./escalate-ticket";
import { handlerIdsOf } from "./route-ticket";
import { stoppedClock } from "./sla";
import type { Ticket } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import { currentDeadline, notice, type TicketNotice } from "./ticket-notice";
import { commitUpdate, makeEvent } from "./ticket-transition";
import { canTransition } from "./ticket-transitions";

export interface SweepReport {
  readonly at: Date;
  readonly escalated: number;
  readonly breached: number;
  readonly nudged: number;
  readonly autoClosed: number;
  /** Nudges moved to the end of quiet hours. */
  readonly deferred: number;
  /** Tickets another actor changed while we looked (another instance swept them): skipped. */
  readonly skipped: number;
  readonly notices: readonly TicketNotice[];
}

const SWEEPER = systemActor("deadline-sweep");

/**
 * The deadline sweep at `at`: escalate what is past its deadline, nudge what is past 75% of
 * it, close resolved cases nobody objected to. It reads only due rows (indexed timers), and
 * each change is committed against the version it read, so two sweeps never act twice.
 */
export async function sweepDeadlines(
  deps: TicketDeps,
  at: Date,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<Result<SweepReport>> {
  const atDeps: TicketDeps = { ...deps, clock: { now: () => at } };
  const batchSize = options.batchSize ?? 200;
  const maxBatches = options.maxBatches ?? 1000;
  const counts = { escalated: 0, breached: 0, nudged: 0, deferred: 0, autoClosed: 0, skipped: 0 };
  const notices: TicketNotice[] = [];
  const seen = new Set<string>();

  const drain = async (
    timer: "escalateDueAt" | "nudgeDueAt" | "autoCloseAt",
    act: (t: Ticket) => Promise<void>,
  ) => {
    for (let batch = 0; batch < maxBatches; batch++) {
      const due = (await deps.tickets.findDue(timer, at, batchSize)).filter(
        (t) => !seen.has(`${timer}:${t.id}`),
      );
      if (due.length === 0) return;
      // A batch's changes in one commit (on SQLite each commit rewrites the pages it touched).
      await deps.tickets.inOneCommit(async () => {
        for (const ticket of due) {
          seen.add(`${timer}:${ticket.id}`);
          await act(ticket);
        }
      });
    }
  };

  await drain("escalateDueAt", async (ticket) => {
    const outcome = await escalateAsRead(atDeps, ticket, { actor: SWEEPER, reason: "deadline" });
    if (outcome.ok) {
      counts.escalated++;
      notices.push(...outcome.value.notices);
    } else if (outcome.code === "TICKET.TOP_LEVEL") {
      const breached = await markBreached(atDeps, ticket, at);
      if (breached) {
        counts.breached++;
        notices.push(breached);
      } else counts.skipped++;
    } else counts.skipped++;
  });

  await drain("nudgeDueAt", async (ticket) => {
    if (!canTransition("nudge", ticket.state)) return void counts.skipped++;
    const quietEnd =
      ticket.priority !== "urgent" && deps.settings.quietHours
        ? quietUntil(at, deps.settings.timeZone, deps.settings.quietHours)
        : null;
    if (quietEnd) {
      // Nobody is woken for a case that can wait: the nudge moves to the end of quiet hours.
      const deferred = await commitUpdate(
        atDeps,
        ticket,
        { ...ticket, nudgeDueAt: quietEnd, updatedAt: at },
        [],
      );
      return void (deferred.ok ? counts.deferred++ : counts.skipped++);
    }
    const after: Ticket = { ...ticket, nudgeDueAt: null, updatedAt: at };
    const event = makeEvent(atDeps, ticket.id, "nudged", SWEEPER, at, ticket.state, ticket.state, null, {
      deadline: currentDeadline(ticket)?.toISOString() ?? null,
    });
    const stored = await commitUpdate(atDeps, ticket, after, [event]);
    if (!stored.ok) return void counts.skipped++;
    counts.nudged++;
    const to = ticket.assigneeId ? [ticket.assigneeId] : await handlerIdsOf(atDeps, ticket);
    notices.push(notice("nudge", stored.value, to, { deadline: currentDeadline(ticket) }));
  });

  await drain("autoCloseAt", async (ticket) => {
    if (!canTransition("auto_close", ticket.state)) return void counts.skipped++;
    const after: Ticket = {
      ...ticket,
      ...stoppedClock(ticket),
      state: "closed",
      closedAt: at,
      updatedAt: at,
    };
    const event = makeEvent(atDeps, ticket.id, "auto_closed", SWEEPER, at, "resolved", "closed", null, {
      hours: atDeps.settings.autoCloseHours,
    });
    const stored = await commitUpdate(atDeps, ticket, after, [event]);
    if (!stored.ok) return void counts.skipped++;
    counts.autoClosed++;
    const followers = await deps.tickets.listFollowers(ticket.id);
    notices.push(notice("closed", stored.value, [ticket.reporterId, ...followers, ticket.assigneeId]));
  });

  return ok({ at, ...counts, notices });
}

/** Past its deadline at the top of the ladder: record the breach once and tell its holders. */
async function markBreached(deps: TicketDeps, ticket: Ticket, at: Date): Promise<TicketNotice | null> {
  const after: Ticket = { ...ticket, escalateDueAt: null, nudgeDueAt: null, updatedAt: at };
  const event = makeEvent(deps, ticket.id, "sla_breached", SWEEPER, at, ticket.state, ticket.state, null, {
    level: ticket.level,
  });
  const stored = await commitUpdate(deps, ticket, after, [event]);
  if (!stored.ok) return null;
  const holders = await handlerIdsOf(deps, ticket);
  return notice("sla_breached", stored.value, [ticket.assigneeId, ...holders], {
    deadline: currentDeadline(ticket),
  });
}
