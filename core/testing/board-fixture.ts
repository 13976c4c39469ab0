import type { BoardDeps, ResidentUnit, UnitKind } from "../board/board-ports";
import type { Person } from "../people/person";
import { counterIds } from "../shared/ids";
import { InMemoryAuditLog, InMemoryBoard } from "./in-memory-board";
import { pointsFixture } from "./points-fixture";

/**
 * The ticket fixture's district (d1 ─ s1 ─ c1, c2; s2 ─ c3) with the board in memory and points.
 * Residents have homes: r1, r2 in b1, r3 in b2 (c1). Units: none until `addUnit`.
 */
export function boardFixture() {
  const base = pointsFixture();
  const board = new InMemoryBoard(base.directory.departments);
  const audit = new InMemoryAuditLog();
  const home = (id: keyof typeof base.people, placeId: string) => {
    const person: Person = { ...base.people[id], homePlaceId: placeId };
    base.directory.people.set(person.id, person);
    return person;
  };
  const people = {
    ...base.people,
    r1: home("r1", "b1"),
    r2: home("r2", "b1"),
    r3: home("r3", "b2"),
    /** Nobody in particular: no home, no role. */
    stranger: base.directory.addPerson("stranger", []),
  };
  const deps: BoardDeps = {
    board,
    places: base.directory,
    people: base.directory,
    tickets: base.tickets,
    points: base.points,
    audit,
    clock: base.clock,
    ids: counterIds("b"),
    timeZone: "Asia/Shanghai",
  };
  let unitNo = 0;
  function addUnit(name: string, placeId: string, contactId: string, kind: UnitKind = "shop"): ResidentUnit {
    const place = base.directory.places.get(placeId)!;
    const unit: ResidentUnit = {
      id: `u${++unitNo}`,
      name,
      kind,
      placeId,
      placePath: place.path,
      contactId,
      createdAt: base.clock.now(),
    };
    board.units.set(unit.id, unit);
    return unit;
  }
  return { ...base, people, deps, board, audit, addUnit };
}
