import { describe, expect, it } from "vitest";
import { personActor, systemActor } from "../people/person";
import { ticketFixture } from "../testing/ticket-fixture";
import type { Ticket, TicketLevel } from "./ticket";
import { mayAct, mayView } from "./ticket-permissions";
import { TICKET_ACTIONS, type TicketAction } from "./ticket-transitions";

const { people } = ticketFixture();

function ticketAt(level: TicketLevel): Ticket {
  // A case in building b1 (grid g1, community c1, street s1) reported by r1, held by w1 at grid level.
  const holders: Record<TicketLevel, Partial<Ticket>> = {
    grid: { unitPlaceId: "g1", assigneeId: "w1" },
    community: { unitPlaceId: "c1", assigneeId: "ca1" },
    street: { unitPlaceId: "s1", assigneeId: "sa1" },
    department: { unitPlaceId: null, departmentId: "dept-water", assigneeId: "dh1" },
  };
  return {
    placePath: "/d1/s1/c1/g1/b1/",
    level,
    departmentId: null,
    reporterId: "r1",
    ...holders[level],
  } as Ticket;
}

// Who may do each action on a grid-level case in g1. "reporter" is r1; every other id is an outsider
// unless listed. Written out by hand so a change to the rules shows up as a diff here.
const GRID_LEVEL: Record<TicketAction, string[]> = {
  // Grid workers triage what comes from their own grid (voice notes nobody could transcribe).
  dispatch: ["w1", "w1b", "ca1", "sa1", "da1"],
  send_to_triage: ["ca1", "sa1", "da1"],
  sign_for: ["w1", "w1b"],
  return: ["w1", "w1b"],
  resolve: ["w1", "w1b", "ca1", "sa1", "da1"],
  confirm: ["r1"],
  auto_close: [],
  reject: ["r1"],
  cancel: ["r1", "ca1", "sa1", "da1"],
  merge: ["ca1", "sa1", "da1"],
  reassign: ["ca1", "sa1", "da1"],
  escalate: ["w1", "w1b", "ca1", "sa1", "da1"],
  nudge: [],
  reclassify: ["w1", "w1b", "ca1", "sa1", "da1"],
  rate: ["r1"],
  transcribe: ["w1", "w1b", "ca1", "sa1", "da1"],
};

describe("permission matrix: every role × action × in and out of scope", () => {
  const everyone = Object.keys(people) as (keyof typeof people)[];
  for (const action of TICKET_ACTIONS) {
    it(`${action} on a grid-level case`, () => {
      const ticket = ticketAt("grid");
      const allowed = everyone.filter((id) => mayAct(personActor(people[id]), action, ticket));
      expect(allowed.sort()).toEqual([...GRID_LEVEL[action]].sort());
    });
  }

  it("a community admin cannot overrule a case the street has taken up; the street admin can", () => {
    const ticket = ticketAt("street");
    expect(mayAct(personActor(people.ca1), "reassign", ticket)).toBe(false);
    expect(mayAct(personActor(people.sa1), "reassign", ticket)).toBe(true);
    expect(mayAct(personActor(people.sa2), "reassign", ticket)).toBe(false);
    expect(mayAct(personActor(people.da1), "reassign", ticket)).toBe(true);
  });

  it("at department level the department's handlers act, another department's do not", () => {
    const ticket = { ...ticketAt("department"), assigneeId: null };
    expect(mayAct(personActor(people.dh1), "sign_for", ticket)).toBe(true);
    expect(mayAct(personActor(people.dh2), "sign_for", ticket)).toBe(false);
    expect(mayAct(personActor(people.w1), "sign_for", ticket)).toBe(false);
    expect(mayAct(personActor(people.sa1), "resolve", ticket)).toBe(false);
    expect(mayAct(personActor(people.da1), "resolve", ticket)).toBe(true);
  });

  it("community level: the community's admins handle it, the grid worker no longer does", () => {
    const ticket = { ...ticketAt("community"), assigneeId: null };
    expect(mayAct(personActor(people.ca1), "sign_for", ticket)).toBe(true);
    expect(mayAct(personActor(people.ca2), "sign_for", ticket)).toBe(false);
    expect(mayAct(personActor(people.w1), "sign_for", ticket)).toBe(false);
  });

  it("the system may only do what the scheduler and duplicate merging need", () => {
    const ticket = ticketAt("grid");
    const allowed = TICKET_ACTIONS.filter((action) => mayAct(systemActor("x"), action, ticket));
    expect(allowed.sort()).toEqual([
      "auto_close",
      "dispatch",
      "escalate",
      "merge",
      "nudge",
      "send_to_triage",
      "transcribe",
    ]);
  });

  it("viewing: reporter, followers, handlers and admins in scope; not other residents or other grids", () => {
    const ticket = ticketAt("grid");
    const viewers = (Object.keys(people) as (keyof typeof people)[]).filter((id) =>
      mayView(people[id], ticket, ["r2"]),
    );
    expect(viewers.sort()).toEqual(["ca1", "da1", "r1", "r2", "sa1", "w1", "w1b"]);
  });
});
