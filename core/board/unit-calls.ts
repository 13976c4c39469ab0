import { z } from "zod";
import type { Person, Role } from "../people/person";
import { isWithin, type Place } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import type { Department } from "../tickets/governance-directory";
import type { Ticket } from "../tickets/ticket";
import type { BoardDeps, UnitCall, UnitCallAnswer } from "./board-ports";

/** 街道吹哨: street admins call on their street's units and departments; district admins on all. */
export const CALLER_ROLES: readonly Role[] = ["street_admin", "district_admin"];

/** A ticket's number as the engine makes them: 2026-000123. */
export const TICKET_NUMBER = /^\d{4}-\d{6}$/;

export const callUnitsSchema = z.object({
  ticketNumber: z.string().regex(TICKET_NUMBER).nullable(),
  /** The event, or what is asked about the case (the case's words when empty). */
  text: z.string().trim().max(1000),
});

/** One unit or department a call reaches, and the people who may answer for it. */
export interface CallTarget {
  readonly kind: "unit" | "department";
  readonly id: string;
  readonly name: string;
  readonly personIds: readonly string[];
}

export interface CallTargetStatus extends CallTarget {
  /** Who answered for it, first first; empty: not yet. */
  readonly answers: readonly UnitCallAnswer[];
}

export function mayCallAt(person: Person, placePath: string): boolean {
  return person.grants.some((g) => CALLER_ROLES.includes(g.role) && isWithin(placePath, g.placePath));
}

/**
 * Call on the units registered under the caller's street (or district) and the departments
 * answering to it — and, for a case, the departments whose 权责清单 covers its category there.
 * Recipients are recomputed from the call when it is answered or shown (units registered
 * after it are left out), so nothing but the call is stored. Audited.
 */
export async function callUnits(
  deps: BoardDeps,
  actor: Person,
  raw: z.input<typeof callUnitsSchema>,
): Promise<Result<{ call: UnitCall; ticket: Ticket | null; targets: CallTarget[] }>> {
  const parsed = callUnitsSchema.safeParse(raw);
  if (!parsed.success) return fail("UNIT.INVALID");
  const grants = actor.grants
    .filter((g) => CALLER_ROLES.includes(g.role))
    .sort((a, b) => b.placePath.length - a.placePath.length);
  if (grants.length === 0) return fail("UNIT.CALL_NOT_ALLOWED");
  let ticket: Ticket | null = null;
  if (parsed.data.ticketNumber) {
    ticket = await deps.tickets.findByNumber(parsed.data.ticketNumber);
    if (!ticket) return fail("TICKET.NOT_FOUND", { number: parsed.data.ticketNumber });
  }
  // The caller's own street (the most local grant) that contains the case.
  const grant = ticket ? grants.find((g) => isWithin(ticket.placePath, g.placePath)) : grants.at(-1);
  if (!grant) return fail("UNIT.CALL_NOT_ALLOWED", { number: ticket?.number ?? null });
  const place = await deps.places.getPlace(grant.placeId);
  if (!place) return fail("PLACE.NOT_FOUND", { place: grant.placeId });
  const text = parsed.data.text || ticket?.originalText || "";
  if (!text) return fail("UNIT.INVALID");
  const call: UnitCall = {
    id: deps.ids.next(),
    authorId: actor.id,
    placeId: place.id,
    placePath: place.path,
    ticketId: ticket?.id ?? null,
    text: text.slice(0, 1000),
    createdAt: deps.clock.now(),
  };
  const targets = await targetsOf(deps, call, ticket, place);
  if (targets.every((t) => t.personIds.length === 0)) return fail("UNIT.CALL_EMPTY", { place: place.id });
  await deps.board.createCall(call);
  await deps.audit.record({
    at: call.createdAt,
    actorId: actor.id,
    action: "unit.call",
    subject: place.path,
    detail: {
      callId: call.id,
      ticket: ticket?.number ?? null,
      units: targets.filter((t) => t.kind === "unit").length,
      departments: targets.filter((t) => t.kind === "department").length,
    },
  });
  return ok({ call, ticket, targets });
}

/** "报到": one answer per person, for the unit they are the contact of or the department they handle. */
export async function answerCall(
  deps: BoardDeps,
  person: Person,
  callId: string,
): Promise<
  Result<{ call: UnitCall; target: CallTarget; already: boolean; answered: number; total: number }>
> {
  const call = await deps.board.getCall(callId);
  if (!call) return fail("UNIT.CALL_NOT_FOUND");
  const status = await statusOf(deps, call);
  const target = status.find((t) => t.personIds.includes(person.id));
  if (!target) return fail("UNIT.CALL_NOT_FOR_YOU");
  const recorded = await deps.board.answerCall({
    callId,
    personId: person.id,
    unitId: target.kind === "unit" ? target.id : null,
    departmentId: target.kind === "department" ? target.id : null,
    at: deps.clock.now(),
  });
  const answered = status.filter((t) => t.answers.length > 0 || t.personIds.includes(person.id)).length;
  return ok({ call, target, already: !recorded, answered, total: status.length });
}

/** Who answered and who has not, per unit and department: for the caller and the admins over the place. */
export async function callStatus(
  deps: BoardDeps,
  actor: Person,
  callId: string,
): Promise<Result<{ call: UnitCall; targets: CallTargetStatus[] }>> {
  const call = await deps.board.getCall(callId);
  if (!call) return fail("UNIT.CALL_NOT_FOUND");
  if (actor.id !== call.authorId && !mayCallAt(actor, call.placePath)) return fail("UNIT.CALL_NOT_ALLOWED");
  return ok({ call, targets: await statusOf(deps, call) });
}

async function statusOf(deps: BoardDeps, call: UnitCall): Promise<CallTargetStatus[]> {
  const [ticket, place, answers] = await Promise.all([
    call.ticketId ? deps.tickets.findById(call.ticketId) : Promise.resolve(null),
    deps.places.getPlace(call.placeId),
    deps.board.answersOf(call.id),
  ]);
  const targets = await targetsOf(deps, call, ticket, place);
  return targets.map((t) => ({
    ...t,
    // Stored for it, or by one who answers for it: the contact of two units answers once, for both.
    answers: answers
      .filter(
        (a) =>
          (t.kind === "unit" ? a.unitId === t.id : a.departmentId === t.id) ||
          t.personIds.includes(a.personId),
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime()),
  }));
}

async function targetsOf(
  deps: BoardDeps,
  call: UnitCall,
  ticket: Ticket | null,
  place: Place | null,
): Promise<CallTarget[]> {
  const units = (await deps.board.unitsUnder(call.placePath)).filter((u) => u.createdAt <= call.createdAt);
  const byUnit: CallTarget[] = units.map((unit) => ({
    kind: "unit",
    id: unit.id,
    name: unit.name,
    personIds: [unit.contactId],
  }));
  const departments = new Map<string, Department>();
  for (const d of await deps.board.departmentsUnder(place?.path ?? call.placePath)) departments.set(d.id, d);
  if (ticket?.categoryCode) {
    for (const d of await deps.places.departmentsFor(ticket.categoryCode, ticket.placePath))
      departments.set(d.id, d);
  }
  const byDepartment: CallTarget[] = [];
  for (const d of departments.values()) {
    const handlers = await deps.people.handlersOf({
      level: "department",
      unitPlaceId: null,
      departmentId: d.id,
    });
    byDepartment.push({
      kind: "department",
      id: d.id,
      name: d.name,
      personIds: handlers.map((h) => h.personId),
    });
  }
  return [...byUnit, ...byDepartment.sort((a, b) => a.name.localeCompare(b.name))];
}
