import type { Actor, Person } from "../people/person";
import { ancestorIdAt, isWithin } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import { routeTicket, slaPolicyFor } from "./route-ticket";
import type { ResponsibleUnit } from "./routing";
import { dispatchClock, stoppedClock } from "./sla";
import { isActive, type Priority, type Ticket } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import { notice, type TicketNotice } from "./ticket-notice";
import { HANDLER_ROLE } from "./ticket-permissions";
import { commitUpdate, loadForAction, makeEvent, type TransitionOutcome } from "./ticket-transition";

/** The lowest level at which a person answers for a place, as the unit they would hold the case for. */
export function unitHandledBy(person: Person, placePath: string): ResponsibleUnit | null {
  for (const level of ["grid", "community", "street"] as const) {
    const unitPlaceId = ancestorIdAt(placePath, level);
    const holds = person.grants.some(
      (g) => g.role === HANDLER_ROLE[level] && isWithin(placePath, g.placePath),
    );
    if (unitPlaceId && holds) return { level, unitPlaceId, departmentId: null };
  }
  const department = person.grants.find((g) => g.role === "department_handler" && g.departmentId);
  return department
    ? { level: "department", unitPlaceId: null, departmentId: department.departmentId }
    : null;
}

async function resolveAssignee(
  deps: TicketDeps,
  assigneeId: string,
  placePath: string,
): Promise<Result<{ unit: ResponsibleUnit; assigneeId: string }>> {
  const person = await deps.people.getPerson(assigneeId);
  const unit = person ? unitHandledBy(person, placePath) : null;
  if (!unit) return fail("TICKET.ASSIGNEE_INVALID", { assigneeId });
  return ok({ unit, assigneeId });
}

/** A dispatcher routes a triage ticket: picks the category (and priority), and a person or the routing table. */
export async function dispatchTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; categoryCode?: string; priority?: Priority; assigneeId?: string },
): Promise<Result<TransitionOutcome>> {
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "dispatch");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const categoryCode = input.categoryCode ?? before.categoryCode;
  if (
    categoryCode &&
    categoryCode !== before.categoryCode &&
    !(await deps.directory.categoryExists(categoryCode))
  ) {
    return fail("TICKET.CATEGORY_UNKNOWN", { category: categoryCode });
  }
  const priority = input.priority ?? before.priority;
  let target: { unit: ResponsibleUnit; assigneeId: string };
  if (input.assigneeId) {
    const chosen = await resolveAssignee(deps, input.assigneeId, before.placePath);
    if (!chosen.ok) return chosen;
    target = chosen.value;
  } else {
    const decision = await routeTicket(deps, categoryCode, before.placePath);
    if (decision.kind === "triage") return fail("TICKET.NO_ROUTE", { reason: decision.reason });
    target = decision;
  }
  const now = deps.clock.now();
  const policy = await slaPolicyFor(deps, categoryCode, priority);
  const after: Ticket = {
    ...before,
    ...target.unit,
    ...dispatchClock(policy, now),
    categoryCode,
    priority,
    assigneeId: target.assigneeId,
    state: "dispatched",
    updatedAt: now,
  };
  const event = makeEvent(deps, before.id, "dispatched", input.actor, now, before.state, "dispatched", null, {
    assignee: target.assigneeId,
    level: target.unit.level,
    category: categoryCode,
    fromCategory: before.categoryCode,
  });
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  const t = stored.value;
  return ok({
    ticket: t,
    notices: [notice("dispatched", t, [t.assigneeId], { deadline: t.signForDeadline })],
  });
}

/** An administrator gives the case to another handler; the new one gets a fresh sign-for clock. */
export async function reassignTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; assigneeId: string; note?: string | null },
): Promise<Result<TransitionOutcome>> {
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "reassign");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  const chosen = await resolveAssignee(deps, input.assigneeId, before.placePath);
  if (!chosen.ok) return chosen;
  const now = deps.clock.now();
  const policy = await slaPolicyFor(deps, before.categoryCode, before.priority);
  const after: Ticket = {
    ...before,
    ...chosen.value.unit,
    ...dispatchClock(policy, now),
    assigneeId: chosen.value.assigneeId,
    state: "dispatched",
    updatedAt: now,
  };
  const note = input.note?.trim() || null;
  const event = makeEvent(deps, before.id, "reassigned", input.actor, now, before.state, "dispatched", note, {
    from: before.assigneeId,
    to: chosen.value.assigneeId,
  });
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  const t = stored.value;
  const notices: TicketNotice[] = [
    notice("dispatched", t, [t.assigneeId], { deadline: t.signForDeadline, note }),
  ];
  if (before.assigneeId && before.assigneeId !== t.assigneeId) {
    notices.push(notice("reassigned_away", t, [before.assigneeId], { note }));
  }
  return ok({ ticket: t, notices });
}

/** A dispatcher merges a duplicate into an open case: its reporter and followers follow the case. */
export async function mergeTickets(
  deps: TicketDeps,
  input: { ticketId: string; intoTicketId: string; actor: Actor },
): Promise<Result<TransitionOutcome & { into: Ticket }>> {
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "merge");
  if (!loaded.ok) return loaded;
  const duplicate = loaded.value;
  const target = await deps.tickets.findById(input.intoTicketId);
  if (!target || target.id === duplicate.id || !isActive(target)) {
    return fail("TICKET.MERGE_TARGET_INVALID", { into: input.intoTicketId });
  }
  const now = deps.clock.now();
  const existing = new Set([target.reporterId, ...(await deps.tickets.listFollowers(target.id))]);
  const joining = [duplicate.reporterId, ...(await deps.tickets.listFollowers(duplicate.id))].filter(
    (id, index, all) => !existing.has(id) && all.indexOf(id) === index,
  );
  const mergedDuplicate: Ticket = {
    ...duplicate,
    ...stoppedClock(duplicate),
    state: "merged",
    mergedIntoId: target.id,
    closedAt: now,
    updatedAt: now,
  };
  const grown: Ticket = { ...target, supporterCount: target.supporterCount + joining.length, updatedAt: now };
  const committed = await deps.tickets.commit({
    creates: [],
    updates: [
      { ticket: mergedDuplicate, expectedVersion: duplicate.version },
      { ticket: grown, expectedVersion: target.version },
    ],
    events: [
      makeEvent(deps, duplicate.id, "merged", input.actor, now, duplicate.state, "merged", null, {
        into: target.id,
      }),
      makeEvent(deps, target.id, "supporter_added", input.actor, now, target.state, target.state, null, {
        from: duplicate.id,
        supporters: grown.supporterCount,
      }),
    ],
    followers: joining.map((personId) => ({ ticketId: target.id, personId })),
  });
  if (!committed.ok) return committed;
  const ticket = committed.value.tickets.get(duplicate.id)!;
  const into = committed.value.tickets.get(target.id)!;
  const notices = [
    notice("merged", ticket, [duplicate.reporterId, duplicate.assigneeId], { note: into.number }),
  ];
  return ok({ ticket, into, notices });
}

/** Correct the category or priority; the correction is kept on the timeline (and later as a training example). */
export async function reclassifyTicket(
  deps: TicketDeps,
  input: { ticketId: string; actor: Actor; categoryCode: string; priority?: Priority },
): Promise<Result<TransitionOutcome>> {
  const loaded = await loadForAction(deps, input.ticketId, input.actor, "reclassify");
  if (!loaded.ok) return loaded;
  const before = loaded.value;
  if (!(await deps.directory.categoryExists(input.categoryCode))) {
    return fail("TICKET.CATEGORY_UNKNOWN", { category: input.categoryCode });
  }
  const now = deps.clock.now();
  const after: Ticket = {
    ...before,
    categoryCode: input.categoryCode,
    priority: input.priority ?? before.priority,
    updatedAt: now,
  };
  const event = makeEvent(
    deps,
    before.id,
    "reclassified",
    input.actor,
    now,
    before.state,
    before.state,
    null,
    {
      fromCategory: before.categoryCode,
      toCategory: after.categoryCode,
      fromPriority: before.priority,
      toPriority: after.priority,
    },
  );
  const stored = await commitUpdate(deps, before, after, [event]);
  if (!stored.ok) return stored;
  if (before.categoryCode !== after.categoryCode || before.priority !== after.priority) {
    await deps.examples.add({
      id: deps.ids.next(),
      text: before.originalText,
      intent: "report",
      category: after.categoryCode,
      priority: after.priority,
      source: "reclassified",
      createdAt: now,
    });
  }
  return ok({ ticket: stored.value, notices: [] });
}
