import type { Actor, Person, Role } from "../people/person";
import { isWithin } from "../places/place";
import type { Ticket, TicketLevel } from "./ticket";
import type { TicketAction } from "./ticket-transitions";

/** The role that answers for a ticket at each level of the ladder. */
export const HANDLER_ROLE: Readonly<Record<TicketLevel, Role>> = {
  grid: "grid_worker",
  community: "community_admin",
  street: "street_admin",
  department: "department_handler",
};

const ADMIN_RANK: Partial<Record<Role, number>> = { community_admin: 1, street_admin: 2, district_admin: 4 };
const LEVEL_RANK: Readonly<Record<TicketLevel, number>> = { grid: 0, community: 1, street: 2, department: 3 };

type TicketScope = Pick<Ticket, "placePath" | "level" | "departmentId" | "assigneeId" | "reporterId"> &
  Partial<Pick<Ticket, "filedById">>;

/** The person answers for the ticket's current unit: its assignee, or a holder of that level's role over the place. */
export function handlesCurrentUnit(person: Person, ticket: TicketScope): boolean {
  if (ticket.assigneeId === person.id) return true;
  const role = HANDLER_ROLE[ticket.level];
  return person.grants.some((grant) => {
    if (grant.role !== role) return false;
    if (ticket.level === "department")
      return grant.departmentId !== null && grant.departmentId === ticket.departmentId;
    return isWithin(ticket.placePath, grant.placePath);
  });
}

/**
 * An administrator over the ticket: the place lies in their scope and their rank reaches the
 * ticket's level (a community admin does not overrule a case the street has taken up).
 */
export function administers(person: Person, ticket: TicketScope): boolean {
  return person.grants.some((grant) => {
    const rank = ADMIN_RANK[grant.role];
    return (
      rank !== undefined && rank >= LEVEL_RANK[ticket.level] && isWithin(ticket.placePath, grant.placePath)
    );
  });
}

/** A grid worker whose grid contains the place: the first to hear a resident's voice note and triage it. */
function worksGridOf(person: Person, ticket: TicketScope): boolean {
  return person.grants.some((g) => g.role === "grid_worker" && isWithin(ticket.placePath, g.placePath));
}

/** The reporter, or the worker who filed it for them at the offline desk and answers for them. */
function isReporter(person: Person, ticket: TicketScope): boolean {
  return person.id === ticket.reporterId || (!!ticket.filedById && person.id === ticket.filedById);
}

type Rule = (person: Person, ticket: TicketScope) => boolean;
const anyOf =
  (...rules: Rule[]): Rule =>
  (person, ticket) =>
    rules.some((rule) => rule(person, ticket));

/** Who may do what. The system actor may only do what the scheduler and duplicate merging need. */
const PERSON_RULES: Readonly<Record<TicketAction, Rule>> = {
  dispatch: anyOf(administers, worksGridOf),
  send_to_triage: administers,
  sign_for: handlesCurrentUnit,
  return: handlesCurrentUnit,
  resolve: anyOf(handlesCurrentUnit, administers),
  confirm: isReporter,
  auto_close: () => false,
  reject: isReporter,
  cancel: anyOf(isReporter, administers),
  merge: administers,
  reassign: administers,
  escalate: anyOf(handlesCurrentUnit, administers),
  nudge: () => false,
  reclassify: anyOf(handlesCurrentUnit, administers),
  rate: isReporter,
  transcribe: anyOf(worksGridOf, handlesCurrentUnit, administers),
};

const SYSTEM_ACTIONS: readonly TicketAction[] = [
  "dispatch",
  "send_to_triage",
  "auto_close",
  "merge",
  "escalate",
  "nudge",
  "transcribe",
];

export function mayAct(actor: Actor, action: TicketAction, ticket: TicketScope): boolean {
  if (actor.kind === "system") return SYSTEM_ACTIONS.includes(action);
  return PERSON_RULES[action](actor.person, ticket);
}

/** Who may read a ticket's details (the timeline, the reporter's text and media). */
export function mayView(person: Person, ticket: TicketScope, followerIds: readonly string[] = []): boolean {
  return (
    isReporter(person, ticket) ||
    followerIds.includes(person.id) ||
    handlesCurrentUnit(person, ticket) ||
    person.grants.some(
      (grant) => ADMIN_RANK[grant.role] !== undefined && isWithin(ticket.placePath, grant.placePath),
    )
  );
}
