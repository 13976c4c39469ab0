import { z } from "zod";
import type { Person } from "../people/person";
import { isWithin, pathAt } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import { type CreditedVolunteer, creditBoardVolunteers } from "./board-points";
import {
  BOARD_LISTS,
  type BoardDeps,
  type BoardItem,
  type BoardItemChange,
  type BoardList,
  type ResidentUnit,
} from "./board-ports";
import {
  actsForClaimant,
  actsForPoster,
  type BoardSide,
  boardAreas,
  claimSideFor,
  loadBoardActor,
  posterSideOf,
  postingSide,
} from "./board-sides";

export const postItemSchema = z.object({
  list: z.enum(BOARD_LISTS),
  /** null: where the poster's side posts by default (the unit's place, the admin's area, the home). */
  placeId: z.string().min(1).max(64).nullable(),
  text: z.string().trim().min(2).max(500),
  whenText: z.string().trim().min(1).max(60).nullable(),
  quantity: z.number().int().min(1).max(100_000).nullable(),
});

/** Post an item to one of the four lists, for the side the poster speaks for (see postingSide). */
export async function postItem(
  deps: BoardDeps,
  person: Person,
  raw: z.input<typeof postItemSchema>,
): Promise<Result<{ item: BoardItem; side: BoardSide; unit: ResidentUnit | null }>> {
  const parsed = postItemSchema.safeParse(raw);
  if (!parsed.success) return fail("BOARD.INVALID");
  const input = parsed.data;
  const actor = await loadBoardActor(deps, person);
  const side = postingSide(actor, input.list);
  if (!side) return fail("BOARD.NOT_ALLOWED");
  const placeId = input.placeId ?? side.defaultPlaceId;
  const place = placeId ? await deps.places.getPlace(placeId) : null;
  if (!place) return fail("PLACE.NOT_FOUND", { place: placeId });
  if (!side.areas.some((area) => isWithin(place.path, area)))
    return fail("BOARD.PLACE_OUTSIDE", { place: place.id });
  const at = deps.clock.now();
  const item = await deps.board.createItem({
    id: deps.ids.next(),
    list: input.list,
    posterId: person.id,
    posterUnitId: side.unit?.id ?? null,
    placeId: place.id,
    placePath: place.path,
    text: input.text,
    whenText: input.whenText,
    quantity: input.quantity,
    status: "open",
    claimantId: null,
    claimantUnitId: null,
    claimedAt: null,
    confirmedAt: null,
    doneAt: null,
    hours: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
  return ok({ item, side: side.side, unit: side.unit });
}

export interface BrowsedItem {
  readonly item: BoardItem;
  /** Whether the one browsing may claim it (the claim button). */
  readonly claimable: boolean;
}

/** The open items of the person's area (or of a group's place), newest first, with what they may claim. */
export async function browseItems(
  deps: BoardDeps,
  person: Person,
  query: { list: BoardList | null; scopePath: string | null; limit: number },
): Promise<BrowsedItem[]> {
  const actor = await loadBoardActor(deps, person);
  const scopes = query.scopePath ? [query.scopePath] : boardAreas(actor);
  if (scopes.length === 0) return [];
  const items = await deps.board.openItems({ scopePaths: scopes, list: query.list, limit: query.limit });
  const browsed: BrowsedItem[] = [];
  for (const item of items) {
    const side = posterSideOf(item, await deps.people.getPerson(item.posterId));
    browsed.push({ item, claimable: claimSideFor(actor, item, side).ok });
  }
  return browsed;
}

/** The items a person (or their units) posted or claimed, newest first. */
export async function myItems(deps: BoardDeps, person: Person, limit = 10): Promise<BoardItem[]> {
  const actor = await loadBoardActor(deps, person);
  return deps.board.itemsInvolving(
    person.id,
    actor.units.map((u) => u.id),
    limit,
  );
}

/**
 * Claim an open item for one's unit or for the community (the other side of the poster). The
 * update is conditional on the version read, so of two claims at once one wins and the other
 * gets BOARD.ALREADY_CLAIMED. `tell`: the poster's side, asked to confirm.
 */
export async function claimItem(
  deps: BoardDeps,
  person: Person,
  number: number,
): Promise<Result<{ item: BoardItem; unit: ResidentUnit | null; already: boolean; tell: string[] }>> {
  const found = await deps.board.findItemByNumber(number);
  if (!found) return fail("BOARD.NOT_FOUND", { number });
  const actor = await loadBoardActor(deps, person);
  const posterSide = posterSideOf(found, await deps.people.getPerson(found.posterId));
  const side = claimSideFor(actor, found, posterSide);
  if (!side.ok) return fail(side.code, { number });
  const unit = side.side === "unit" ? side.unit : null;
  const change: BoardItemChange = {
    status: "claimed",
    claimantId: person.id,
    claimantUnitId: unit?.id ?? null,
    claimedAt: deps.clock.now(),
  };
  const claimed = await changeIf(deps, found, ["open"], change);
  if (!claimed.ok) {
    if (claimed.code !== "BOARD.WRONG_STATE") return claimed;
    // The same person pressing "认领" twice: their claim stands, the poster is not asked again.
    const mine = claimed.item?.status === "claimed" && claimed.item.claimantId === person.id;
    return mine && claimed.item
      ? ok({ item: claimed.item, unit, already: true, tell: [] })
      : notOpen(claimed.item);
  }
  return ok({ item: claimed.value, unit, already: false, tell: await posterPeople(deps, claimed.value) });
}

/**
 * The poster (or who acts for their side) accepts the claim, or declines it (the item is open
 * again). Accepting twice answers with the item as it is. `tell`: the claimant's side.
 */
export async function answerClaim(
  deps: BoardDeps,
  person: Person,
  number: number,
  accept: boolean,
): Promise<Result<{ item: BoardItem; accepted: boolean; already: boolean; tell: string[] }>> {
  const found = await deps.board.findItemByNumber(number);
  if (!found) return fail("BOARD.NOT_FOUND", { number });
  const actor = await loadBoardActor(deps, person);
  const posterSide = posterSideOf(found, await deps.people.getPerson(found.posterId));
  if (!actsForPoster(actor, found, posterSide)) return fail("BOARD.NOT_ALLOWED");
  if (accept && (found.status === "confirmed" || found.status === "done"))
    return ok({ item: found, accepted: true, already: true, tell: [] });
  const claimantSide = await claimantPeople(deps, found);
  const change: BoardItemChange = accept
    ? { status: "confirmed", confirmedAt: deps.clock.now() }
    : { status: "open", claimantId: null, claimantUnitId: null, claimedAt: null };
  const changed = await changeIf(deps, found, ["claimed"], change);
  if (!changed.ok) return changed.code === "BOARD.WRONG_STATE" ? fail("BOARD.NOT_CLAIMED") : changed;
  return ok({ item: changed.value, accepted: accept, already: false, tell: claimantSide });
}

export const markDoneSchema = z.object({
  /** Hours each volunteer gave (the claimant's side, or the poster's for a resource or an offer). */
  hours: z.number().positive().max(24).nullable(),
  /** Who gave them (person ids); none: the helping side's own person. */
  volunteerIds: z.array(z.string().min(1).max(64)).max(20),
});

/**
 * Done, by either side, once confirmed. With hours, the volunteers are credited through the
 * points ledger once per item and person (see board-points). Done twice answers `already` and
 * credits nothing more. `tell`: the other side.
 */
export async function markDone(
  deps: BoardDeps,
  person: Person,
  number: number,
  raw: z.input<typeof markDoneSchema>,
): Promise<Result<{ item: BoardItem; already: boolean; credited: CreditedVolunteer[]; tell: string[] }>> {
  const parsed = markDoneSchema.safeParse(raw);
  if (!parsed.success) return fail("BOARD.INVALID");
  const volunteerIds = [...new Set(parsed.data.volunteerIds)];
  const found = await deps.board.findItemByNumber(number);
  if (!found) return fail("BOARD.NOT_FOUND", { number });
  const actor = await loadBoardActor(deps, person);
  const posterSide = posterSideOf(found, await deps.people.getPerson(found.posterId));
  const forPoster = actsForPoster(actor, found, posterSide);
  if (!forPoster && !actsForClaimant(actor, found)) return fail("BOARD.NOT_ALLOWED", { number });
  if (found.status === "done") return ok({ item: found, already: true, credited: [], tell: [] });
  if (found.status !== "confirmed") return fail("BOARD.NOT_CONFIRMED", { number });
  // Points go only to people of the item's street (living there, or holding a role there): the
  // claimant names them, and must not be able to pay anyone at all.
  const street = pathAt(found.placePath, "street");
  for (const id of volunteerIds) {
    const volunteer = await deps.people.getPerson(id);
    if (!volunteer) return fail("PERSON.NOT_FOUND", { personId: id });
    const home = volunteer.homePlaceId ? await deps.places.getPlace(volunteer.homePlaceId) : null;
    const belongs =
      (home !== null && isWithin(home.path, street)) ||
      volunteer.grants.some((g) => isWithin(g.placePath, street));
    if (!belongs) return fail("BOARD.VOLUNTEER_OUTSIDE", { personId: id });
  }
  const hours = parsed.data.hours;
  const change: BoardItemChange = {
    status: "done",
    doneAt: deps.clock.now(),
    // Person-hours: what the unit's contribution counts.
    hours: hours === null ? null : hours * Math.max(1, volunteerIds.length),
  };
  const done = await changeIf(deps, found, ["confirmed"], change);
  if (!done.ok) {
    if (done.code !== "BOARD.WRONG_STATE") return done;
    // Pressed twice at once: the other press did it.
    return done.item?.status === "done"
      ? ok({ item: done.item, already: true, credited: [], tell: [] })
      : fail("BOARD.NOT_CONFIRMED", { number });
  }
  const credited =
    hours === null ? [] : await creditBoardVolunteers(deps, done.value, hours, volunteerIds, person.id);
  const tell = forPoster ? await claimantPeople(deps, done.value) : await posterPeople(deps, done.value);
  return ok({ item: done.value, already: false, credited, tell: tell.filter((id) => id !== person.id) });
}

/** The poster withdraws an item nobody has claimed. */
export async function withdrawItem(
  deps: BoardDeps,
  person: Person,
  number: number,
): Promise<Result<{ item: BoardItem }>> {
  const found = await deps.board.findItemByNumber(number);
  if (!found) return fail("BOARD.NOT_FOUND", { number });
  const actor = await loadBoardActor(deps, person);
  const posterSide = posterSideOf(found, await deps.people.getPerson(found.posterId));
  if (!actsForPoster(actor, found, posterSide)) return fail("BOARD.NOT_ALLOWED", { number });
  const changed = await changeIf(deps, found, ["open"], { status: "cancelled" });
  if (!changed.ok) return changed.code === "BOARD.WRONG_STATE" ? notOpen(changed.item) : changed;
  return ok({ item: changed.value });
}

type Change =
  | { ok: true; value: BoardItem }
  | { ok: false; code: "BOARD.WRONG_STATE"; item: BoardItem | null }
  | { ok: false; code: "BOARD.NOT_FOUND" };

/**
 * Apply a change to an item in one of the allowed states, conditional on its version. When
 * another change came first the item is read again: still allowed, try again; else WRONG_STATE.
 */
async function changeIf(
  deps: BoardDeps,
  item: BoardItem,
  allowed: readonly BoardItem["status"][],
  change: BoardItemChange,
): Promise<Change> {
  let current: BoardItem | null = item;
  for (let attempt = 0; attempt < 3 && current; attempt++) {
    if (!allowed.includes(current.status)) return { ok: false, code: "BOARD.WRONG_STATE", item: current };
    const updated = await deps.board.updateItem(current.id, current.version, change, deps.clock.now());
    if (updated) return { ok: true, value: updated };
    current = await deps.board.getItem(item.id);
  }
  return current
    ? { ok: false, code: "BOARD.WRONG_STATE", item: current }
    : { ok: false, code: "BOARD.NOT_FOUND" };
}

function notOpen(item: BoardItem | null) {
  return item && item.status !== "cancelled"
    ? fail("BOARD.ALREADY_CLAIMED", { number: item.number })
    : fail("BOARD.NOT_OPEN", { number: item?.number ?? null });
}

/** The poster and, when a unit posted, its contact now. */
async function posterPeople(deps: BoardDeps, item: BoardItem): Promise<string[]> {
  const unit = item.posterUnitId ? await deps.board.getUnit(item.posterUnitId) : null;
  return [...new Set([item.posterId, ...(unit ? [unit.contactId] : [])])];
}

async function claimantPeople(deps: BoardDeps, item: BoardItem): Promise<string[]> {
  if (!item.claimantId) return [];
  const unit = item.claimantUnitId ? await deps.board.getUnit(item.claimantUnitId) : null;
  return [...new Set([item.claimantId, ...(unit ? [unit.contactId] : [])])];
}
