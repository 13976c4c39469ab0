import type { Person, Role } from "../people/person";
import { isWithin, type Place, pathAt } from "../places/place";
import type { BoardDeps, BoardItem, BoardList, ResidentUnit } from "./board-ports";

/** Who speaks for the community on the board: its grid workers and the admins over it. */
const COMMUNITY_STAFF: readonly Role[] = ["grid_worker", "community_admin", "street_admin", "district_admin"];
/** Who may act for the community on an item someone else of it posted or claimed. */
const COMMUNITY_ADMINS: readonly Role[] = ["community_admin", "street_admin", "district_admin"];

/** The two sides of 双向认领: a unit, the community (its staff), or a person (a residents' group, a personal offer). */
export type BoardSide = "unit" | "community" | "person";

/** A person with what the board needs to know of them, read once per use case. */
export interface BoardActor {
  readonly person: Person;
  /** The units they are the contact of. */
  readonly units: readonly ResidentUnit[];
  readonly home: Place | null;
}

export async function loadBoardActor(deps: BoardDeps, person: Person): Promise<BoardActor> {
  const [units, home] = await Promise.all([
    deps.board.unitsOfContact(person.id),
    person.homePlaceId ? deps.places.getPlace(person.homePlaceId) : Promise.resolve(null),
  ]);
  return { person, units, home };
}

/** A unit serves its street (共建 across the street's communities): where it posts, browses and claims. */
export function unitArea(unit: ResidentUnit): string {
  return pathAt(unit.placePath, "street");
}

/** Where staff act for the community: a grid worker's whole community, an admin's whole area. */
export function staffScopes(person: Person): string[] {
  const scopes = person.grants
    .filter((g) => COMMUNITY_STAFF.includes(g.role))
    .map((g) => pathAt(g.placePath, "community"))
    .sort((a, b) => b.length - a.length);
  return [...new Set(scopes)];
}

export function isStaffOver(person: Person, placePath: string): boolean {
  return staffScopes(person).some((scope) => isWithin(placePath, scope));
}

function isAdminOver(person: Person, placePath: string): boolean {
  return person.grants.some((g) => COMMUNITY_ADMINS.includes(g.role) && isWithin(placePath, g.placePath));
}

/** A resident's area is their home's community. */
function homeArea(actor: BoardActor): string | null {
  return actor.home ? pathAt(actor.home.path, "community") : null;
}

/** Every place the person belongs to on the board, most local first: where they browse. */
export function boardAreas(actor: BoardActor): string[] {
  const areas = [
    ...staffScopes(actor.person),
    ...actor.units.map((u) => pathAt(u.placePath, "community")),
    ...actor.units.map(unitArea),
    ...(homeArea(actor) ? [homeArea(actor)!] : []),
  ];
  return [...new Set(areas)];
}

export interface PostingSide {
  readonly side: BoardSide;
  readonly unit: ResidentUnit | null;
  /** Where they may post, most local first; the first is where an item goes when no place is said. */
  readonly areas: readonly string[];
  /** The place an item goes to when none is said. */
  readonly defaultPlaceId: string | null;
}

/**
 * Whom a post speaks for. A personal offer (个性清单) is always the person's own. Otherwise a unit's
 * contact posts for their (first) unit, staff for the community, a resident for a residents' group
 * of their community. null: they may not post (no unit, no staff role, no home).
 */
export function postingSide(actor: BoardActor, list: BoardList): PostingSide | null {
  const staff = staffScopes(actor.person);
  const home = homeArea(actor);
  const unit = actor.units[0] ?? null;
  if (list === "offer") {
    const areas = boardAreas(actor);
    if (areas.length === 0) return null;
    const placeId = actor.home?.id ?? unit?.placeId ?? actor.person.grants[0]?.placeId ?? null;
    return { side: "person", unit: null, areas, defaultPlaceId: placeId };
  }
  if (unit) {
    return {
      side: "unit",
      unit,
      areas: [pathAt(unit.placePath, "community"), unitArea(unit)],
      defaultPlaceId: unit.placeId,
    };
  }
  if (staff.length > 0) {
    const grant = actor.person.grants
      .filter((g) => COMMUNITY_STAFF.includes(g.role))
      .sort((a, b) => b.placePath.length - a.placePath.length)[0];
    return { side: "community", unit: null, areas: staff, defaultPlaceId: grant?.placeId ?? null };
  }
  if (home && actor.home) return { side: "person", unit: null, areas: [home], defaultPlaceId: actor.home.id };
  return null;
}

/**
 * Which side posted an item: a unit when it carries one; a personal offer is a person's; else the
 * community when the poster is staff over its place, a residents' group otherwise.
 */
export function posterSideOf(item: BoardItem, poster: Person | null): BoardSide {
  if (item.posterUnitId) return "unit";
  if (item.list === "offer" || !poster) return "person";
  return isStaffOver(poster, item.placePath) ? "community" : "person";
}

export type ClaimSide =
  | { readonly ok: true; readonly side: "unit"; readonly unit: ResidentUnit }
  | { readonly ok: true; readonly side: "community" }
  | { readonly ok: false; readonly code: "BOARD.OWN_ITEM" | "BOARD.NOT_ALLOWED" };

/**
 * The other side of the poster claims: a unit's contact (for a unit serving the item's street)
 * claims what the community or a resident posted; community staff over the place claim what a
 * unit or a resident posted. Never one's own item, nor one's own unit's.
 */
export function claimSideFor(actor: BoardActor, item: BoardItem, posterSide: BoardSide): ClaimSide {
  if (item.posterId === actor.person.id) return { ok: false, code: "BOARD.OWN_ITEM" };
  if (item.posterUnitId && actor.units.some((u) => u.id === item.posterUnitId))
    return { ok: false, code: "BOARD.OWN_ITEM" };
  const unit = actor.units.find((u) => isWithin(item.placePath, unitArea(u)));
  const staff = isStaffOver(actor.person, item.placePath);
  if (posterSide !== "unit" && unit) return { ok: true, side: "unit", unit };
  if (posterSide !== "community" && staff) return { ok: true, side: "community" };
  return { ok: false, code: "BOARD.NOT_ALLOWED" };
}

/** The poster, their unit's contact now, or (for the community's items) an admin over the place. */
export function actsForPoster(actor: BoardActor, item: BoardItem, posterSide: BoardSide): boolean {
  if (item.posterId === actor.person.id) return true;
  if (item.posterUnitId) return actor.units.some((u) => u.id === item.posterUnitId);
  return posterSide === "community" && isAdminOver(actor.person, item.placePath);
}

/** The claimant, their unit's contact now, or (for a community's claim) an admin over the place. */
export function actsForClaimant(actor: BoardActor, item: BoardItem): boolean {
  if (!item.claimantId) return false;
  if (item.claimantId === actor.person.id) return true;
  if (item.claimantUnitId) return actor.units.some((u) => u.id === item.claimantUnitId);
  return isAdminOver(actor.person, item.placePath);
}

/** Who gives: the claimant of a need or project, the poster of a resource or an offer. */
export function helperSide(list: BoardList): "claimant" | "poster" {
  return list === "need" || list === "project" ? "claimant" : "poster";
}
