import { type Actor, personActor, systemActor } from "../people/person";
import { fixedClock } from "../shared/clock";
import { counterIds } from "../shared/ids";
import type { Result } from "../shared/result";
import { type OpenTicketInput, openTicket } from "../tickets/open-ticket";
import { DEFAULT_TICKET_SETTINGS, type TicketDeps, type TicketSettings } from "../tickets/ticket-deps";
import { InMemoryTrainingExamples } from "../understanding/training-examples";
import { InMemoryDirectory } from "./in-memory-directory";
import { InMemoryTicketRepository } from "./in-memory-ticket-repository";

export const T0 = new Date("2026-11-30T02:00:00Z"); // Monday 10:00 in Shanghai

/**
 * A small district for tests:
 *   d1 ─ s1 ─ c1 ─ g1 ─ b1, b2
 *            │    └ g2 ─ b3
 *            └ c2 ─ g3 ─ b4
 *        s2 ─ c3 ─ g4 ─ b5
 * People: r1, r2, r3 residents; w1 (g1, on duty), w1b (g1, off duty), w2 (g2), w3 (g3), w4 (g4);
 * ca1 (c1 admin), ca2 (c2 admin); sa1 (s1 admin), sa2 (s2 admin); dh1 (dept-water at s1), da1 (district).
 */
export function ticketFixture(settings: Partial<TicketSettings> = {}) {
  const directory = new InMemoryDirectory();
  directory.addPlace("d1", "district", null);
  directory.addPlace("s1", "street", "d1");
  directory.addPlace("s2", "street", "d1");
  directory.addPlace("c1", "community", "s1");
  directory.addPlace("c2", "community", "s1");
  directory.addPlace("c3", "community", "s2");
  directory.addPlace("g1", "grid", "c1");
  directory.addPlace("g2", "grid", "c1");
  directory.addPlace("g3", "grid", "c2");
  directory.addPlace("g4", "grid", "c3");
  for (const [building, grid] of [
    ["b1", "g1"],
    ["b2", "g1"],
    ["b3", "g2"],
    ["b4", "g3"],
    ["b5", "g4"],
  ] as const) {
    directory.addPlace(building, "building", grid);
  }
  for (const code of ["lighting", "utilities", "garbage", "elevator", "other"])
    directory.categories.add(code);
  directory.addDepartment("dept-water", "s1", ["utilities"]);
  directory.addDepartment("dept-city", "d1", ["lighting", "garbage"]);
  directory.addRule("*", "d1", "grid");

  const people = {
    r1: directory.addPerson("r1", [{ role: "resident", placeId: "b1" }]),
    r2: directory.addPerson("r2", [{ role: "resident", placeId: "b1" }]),
    r3: directory.addPerson("r3", [{ role: "resident", placeId: "b2" }]),
    v1: directory.addPerson("v1", [{ role: "volunteer", placeId: "b1" }]),
    w1: directory.addPerson("w1", [{ role: "grid_worker", placeId: "g1" }]),
    w1b: directory.addPerson("w1b", [{ role: "grid_worker", placeId: "g1" }]),
    w2: directory.addPerson("w2", [{ role: "grid_worker", placeId: "g2" }]),
    w3: directory.addPerson("w3", [{ role: "grid_worker", placeId: "g3" }]),
    w4: directory.addPerson("w4", [{ role: "grid_worker", placeId: "g4" }]),
    ca1: directory.addPerson("ca1", [{ role: "community_admin", placeId: "c1" }]),
    ca2: directory.addPerson("ca2", [{ role: "community_admin", placeId: "c2" }]),
    sa1: directory.addPerson("sa1", [{ role: "street_admin", placeId: "s1" }]),
    sa2: directory.addPerson("sa2", [{ role: "street_admin", placeId: "s2" }]),
    dh1: directory.addPerson("dh1", [
      { role: "department_handler", placeId: "s1", departmentId: "dept-water" },
    ]),
    dh2: directory.addPerson("dh2", [
      { role: "department_handler", placeId: "d1", departmentId: "dept-city" },
    ]),
    da1: directory.addPerson("da1", [{ role: "district_admin", placeId: "d1" }]),
  };
  directory.offDuty.add("w1b");

  const tickets = new InMemoryTicketRepository();
  const clock = fixedClock(T0);
  const examples = new InMemoryTrainingExamples();
  const deps: TicketDeps = {
    tickets,
    directory,
    people: directory,
    clock,
    ids: counterIds("t"),
    settings: { ...DEFAULT_TICKET_SETTINGS, ...settings },
    examples,
  };
  const as = (id: keyof typeof people): Actor => personActor(people[id]);

  async function open(overrides: Partial<OpenTicketInput> = {}) {
    return unwrap(
      await openTicket(deps, {
        reporterId: "r1",
        placeId: "b1",
        text: "3栋楼道灯坏了好几天了",
        categoryCode: "lighting",
        sourceChannel: "test",
        filedById: null,
        ...overrides,
      }),
    );
  }

  return { deps, directory, tickets, examples, clock, people, as, system: systemActor("test"), open };
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok)
    throw new Error(`expected success, got ${result.code} ${JSON.stringify(result.detail ?? {})}`);
  return result.value;
}
