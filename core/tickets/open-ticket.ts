import { z } from "zod";
import { type Actor, personActor } from "../people/person";
import { ancestorIdAt } from "../places/place";
import { addMinutes, yearIn } from "../shared/clock";
import { fail, ok, type Result } from "../shared/result";
import { textSimilarity } from "./duplicates";
import { handlerIdsOf, routeTicket, slaPolicyFor } from "./route-ticket";
import { dispatchClock, NO_TIMERS, triageClock } from "./sla";
import { raisePriorityForSupport } from "./support";
import { ACTIVE_STATES, mediaRefSchema, prioritySchema, type Ticket, type TicketEvent } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import { notice, type TicketNotice } from "./ticket-notice";
import type { DuplicateCandidate, NewTicket } from "./ticket-repository";
import { makeEvent } from "./ticket-transition";

export const openTicketInputSchema = z
  .object({
    reporterId: z.string().min(1),
    placeId: z.string().min(1),
    /** Empty only for a voice note nobody has transcribed yet. */
    text: z.string().trim().max(4000),
    /** null: the category is not known well enough, a dispatcher picks it (triage). */
    categoryCode: z.string().min(1).max(64).nullable(),
    priority: prioritySchema.default("normal"),
    sourceChannel: z.string().min(1).max(40),
    /** The worker filing for a resident met in person or by phone (the offline desk). */
    filedById: z.string().min(1).nullable().default(null),
    media: z.array(mediaRefSchema).max(20).default([]),
    /** Idempotency: the inbox message or API request this report came from. */
    sourceKey: z.string().min(1).max(200).nullable().default(null),
  })
  .refine((input) => input.text.length > 0 || input.media.some((m) => m.kind === "voice"), {
    message: "a report needs words, or a voice note that says them",
    path: ["text"],
  });
export type OpenTicketInput = z.input<typeof openTicketInputSchema>;

export interface OpenTicketOutcome {
  readonly ticket: Ticket;
  readonly disposition: "dispatched" | "triage" | "merged";
  /** For "merged": the open ticket the report joined. */
  readonly mergedInto: Ticket | null;
  readonly notices: readonly TicketNotice[];
}

/** A resident's report becomes a ticket: merged into an open duplicate, or routed and dispatched, or sent to triage. */
export async function openTicket(
  deps: TicketDeps,
  rawInput: OpenTicketInput,
): Promise<Result<OpenTicketOutcome>> {
  const input = openTicketInputSchema.parse(rawInput);
  if (input.sourceKey) {
    // The same message processed again (after a crash): answer with what it already made.
    const existing = await deps.tickets.findBySourceKey(input.sourceKey);
    if (existing) return ok(await replayOutcome(deps, existing));
  }
  const place = await deps.directory.getPlace(input.placeId);
  if (!place) return fail("PLACE.NOT_FOUND", { placeId: input.placeId });
  const reporter = await deps.people.getPerson(input.reporterId);
  if (!reporter) return fail("PERSON.NOT_FOUND", { personId: input.reporterId });
  if (input.categoryCode && !(await deps.directory.categoryExists(input.categoryCode))) {
    return fail("TICKET.CATEGORY_UNKNOWN", { category: input.categoryCode });
  }
  const now = deps.clock.now();
  const actor = personActor(reporter);
  const base: NewTicket = {
    id: deps.ids.next(),
    numberYear: yearIn(now, deps.settings.timeZone),
    state: "reported",
    reporterId: reporter.id,
    placeId: place.id,
    placePath: place.path,
    categoryCode: input.categoryCode,
    priority: input.priority,
    level: "grid",
    unitPlaceId: null,
    departmentId: null,
    assigneeId: null,
    ...NO_TIMERS,
    supporterCount: 1,
    sourceChannel: input.sourceChannel,
    filedById: input.filedById,
    sourceKey: input.sourceKey,
    originalText: input.text,
    media: input.media,
    rating: null,
    mergedIntoId: null,
    createdAt: now,
    updatedAt: now,
    resolvedAt: null,
    closedAt: null,
  };
  const created = makeEvent(deps, base.id, "created", actor, now, null, "reported", null, {
    channel: input.sourceChannel,
  });

  const duplicate = await findDuplicate(deps, base, now);
  if (duplicate) return mergeNewReport(deps, base, created, duplicate, actor, now);
  return routeNewReport(deps, base, created, actor, now);
}

async function findDuplicate(deps: TicketDeps, draft: NewTicket, now: Date): Promise<Ticket | null> {
  if (!draft.categoryCode) return null;
  // Same building when the place is one (or lies in one), else the same grid.
  const buildingId = ancestorIdAt(draft.placePath, "building");
  const gridId = ancestorIdAt(draft.placePath, "grid");
  const anchor = buildingId ?? gridId;
  if (!anchor) return null;
  const anchorPath = draft.placePath.slice(0, draft.placePath.indexOf(`/${anchor}/`) + anchor.length + 2);
  const candidates = await deps.tickets.findDuplicateCandidates({
    categoryCode: draft.categoryCode,
    placePath: anchorPath,
    createdSince: addMinutes(now, -deps.settings.duplicateWindowHours * 60),
    states: ACTIVE_STATES,
    limit: 50,
  });
  let best: DuplicateCandidate | null = null;
  let bestScore = deps.settings.duplicateSimilarity;
  for (const candidate of candidates) {
    const score = textSimilarity(candidate.originalText, draft.originalText);
    if (score >= bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (!best) return null;
  // Read whole only now; closed in between means it is no longer a case to join.
  const ticket = await deps.tickets.findById(best.id);
  return ticket && ACTIVE_STATES.includes(ticket.state) ? ticket : null;
}

async function mergeNewReport(
  deps: TicketDeps,
  draft: NewTicket,
  created: TicketEvent,
  target: Ticket,
  actor: Actor,
  now: Date,
): Promise<Result<OpenTicketOutcome>> {
  const followers = await deps.tickets.listFollowers(target.id);
  const isNewSupporter = draft.reporterId !== target.reporterId && !followers.includes(draft.reporterId);
  const merged: NewTicket = { ...draft, state: "merged", mergedIntoId: target.id, supporterCount: 0 };
  const events: TicketEvent[] = [
    created,
    makeEvent(deps, draft.id, "merged", actor, now, "reported", "merged", null, { into: target.id }),
  ];
  let updated: Ticket = target;
  if (isNewSupporter) {
    updated = { ...target, supporterCount: target.supporterCount + 1, updatedAt: now };
    events.push(
      makeEvent(deps, target.id, "supporter_added", actor, now, target.state, target.state, null, {
        report: draft.id,
        supporters: updated.supporterCount,
      }),
    );
    const raised = await raisePriorityForSupport(deps, updated, now);
    if (raised) {
      updated = raised.ticket;
      events.push(raised.event);
    }
  }
  const committed = await deps.tickets.commit({
    creates: [merged],
    updates: isNewSupporter ? [{ ticket: updated, expectedVersion: target.version }] : [],
    events,
    followers: isNewSupporter ? [{ ticketId: target.id, personId: draft.reporterId }] : [],
  });
  if (!committed.ok) return committed;
  const stored = committed.value.tickets.get(draft.id)!;
  const storedTarget = committed.value.tickets.get(target.id) ?? target;
  const notices = isNewSupporter
    ? [notice("supporter_added", storedTarget, [storedTarget.assigneeId], { note: draft.originalText })]
    : [];
  return ok({ ticket: stored, disposition: "merged", mergedInto: storedTarget, notices });
}

async function routeNewReport(
  deps: TicketDeps,
  draft: NewTicket,
  created: TicketEvent,
  actor: Actor,
  now: Date,
): Promise<Result<OpenTicketOutcome>> {
  const decision = await routeTicket(deps, draft.categoryCode, draft.placePath);
  const policy = await slaPolicyFor(deps, draft.categoryCode, draft.priority);
  const routed: NewTicket =
    decision.kind === "dispatch"
      ? {
          ...draft,
          state: "dispatched",
          ...decision.unit,
          assigneeId: decision.assigneeId,
          ...dispatchClock(policy, now),
        }
      : { ...draft, state: "triage", ...decision.unit, assigneeId: null, ...triageClock(policy, now) };
  const second =
    decision.kind === "dispatch"
      ? makeEvent(deps, draft.id, "dispatched", actor, now, "reported", "dispatched", null, {
          assignee: decision.assigneeId,
          level: decision.unit.level,
        })
      : makeEvent(deps, draft.id, "triaged", actor, now, "reported", "triage", null, {
          reason: decision.reason,
        });
  const committed = await deps.tickets.commit({
    creates: [routed],
    updates: [],
    events: [created, second],
    followers: [],
  });
  if (!committed.ok) return committed;
  const ticket = committed.value.tickets.get(draft.id)!;
  const notices =
    decision.kind === "dispatch"
      ? [notice("dispatched", ticket, [ticket.assigneeId], { deadline: ticket.signForDeadline })]
      : [
          notice("triage_needed", ticket, await handlerIdsOf(deps, decision.unit), {
            deadline: ticket.signForDeadline,
          }),
        ];
  return ok({
    ticket,
    disposition: decision.kind === "dispatch" ? "dispatched" : "triage",
    mergedInto: null,
    notices,
  });
}

async function replayOutcome(deps: TicketDeps, ticket: Ticket): Promise<OpenTicketOutcome> {
  const mergedInto = ticket.mergedIntoId ? await deps.tickets.findById(ticket.mergedIntoId) : null;
  const disposition =
    ticket.state === "merged" ? "merged" : ticket.state === "triage" ? "triage" : "dispatched";
  return { ticket, disposition, mergedInto, notices: [] };
}
