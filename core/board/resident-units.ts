import { z } from "zod";
import type { Person, Role } from "../people/person";
import { isWithin } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import { instantOf, monthIn, wallTimeIn } from "../shared/zoned-time";
import { type BoardDeps, type BoardItemTally, type ResidentUnit, UNIT_KINDS } from "./board-ports";
import { helperSide } from "./board-sides";

/** Units are registered by the admins over their place. */
const REGISTRAR_ROLES: readonly Role[] = ["community_admin", "street_admin", "district_admin"];

export const registerUnitSchema = z.object({
  name: z.string().trim().min(2).max(60),
  kind: z.enum(UNIT_KINDS),
  placeId: z.string().min(1).max(64),
  contactId: z.string().trim().min(1).max(64),
});

export function mayRegisterUnitAt(person: Person, placePath: string): boolean {
  return person.grants.some((g) => REGISTRAR_ROLES.includes(g.role) && isWithin(placePath, g.placePath));
}

/** Register a resident unit at a place, with its contact (a person who uses the bot). Audited. */
export async function registerUnit(
  deps: BoardDeps,
  actor: Person,
  raw: z.input<typeof registerUnitSchema>,
): Promise<Result<{ unit: ResidentUnit; contact: Person }>> {
  const parsed = registerUnitSchema.safeParse(raw);
  if (!parsed.success) return fail("UNIT.INVALID");
  const input = parsed.data;
  const place = await deps.places.getPlace(input.placeId);
  if (!place) return fail("PLACE.NOT_FOUND", { place: input.placeId });
  if (!mayRegisterUnitAt(actor, place.path)) return fail("UNIT.NOT_ALLOWED", { place: place.id });
  const contact = await deps.people.getPerson(input.contactId);
  if (!contact) return fail("PERSON.NOT_FOUND", { personId: input.contactId });
  const same = (await deps.board.unitsUnder(place.path)).find(
    (u) => u.placeId === place.id && u.name === input.name,
  );
  if (same) return fail("UNIT.DUPLICATE", { name: input.name });
  const at = deps.clock.now();
  const unit: ResidentUnit = {
    id: deps.ids.next(),
    name: input.name,
    kind: input.kind,
    placeId: place.id,
    placePath: place.path,
    contactId: contact.id,
    createdAt: at,
  };
  await deps.board.createUnit(unit);
  await deps.audit.record({
    at,
    actorId: actor.id,
    action: "unit.register",
    subject: place.path,
    detail: { unitId: unit.id, name: unit.name, kind: unit.kind, contactId: contact.id },
  });
  return ok({ unit, contact });
}

export interface UnitContribution {
  readonly unit: ResidentUnit;
  /** Items the unit posted in the period (not withdrawn). */
  readonly posted: number;
  /** Items the unit claimed in the period. */
  readonly claimed: number;
  /** Items done in the period in which the unit gave: a need or project it claimed, a resource it posted. */
  readonly done: number;
  /** Person-hours of those. */
  readonly hours: number;
}

export type ContributionPeriod = "month" | "year";

/**
 * Each unit's contribution in a scope over this calendar month (or year), in the deployment's
 * zone: most items done first, then hours, then claims. Units with nothing are listed too (last),
 * so a street sees who has not taken part.
 */
export async function unitContributions(
  deps: BoardDeps,
  scopePath: string,
  period: ContributionPeriod,
): Promise<{ from: Date; to: Date; label: string; rows: UnitContribution[] }> {
  const now = deps.clock.now();
  const month = monthIn(now, deps.timeZone);
  const year = wallTimeIn(now, deps.timeZone).year;
  const range =
    period === "month"
      ? month
      : {
          from: instantOf({ year, month: 1, day: 1, hour: 0, minute: 0 }, deps.timeZone),
          to: instantOf({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0 }, deps.timeZone),
          label: String(year),
        };
  const units = await deps.board.unitsUnder(scopePath);
  const tallies = units.length
    ? await deps.board.tallies(
        units.map((u) => u.id),
        range.from,
      )
    : [];
  const rows = units.map((unit) => countFor(unit, tallies, range.from, range.to));
  rows.sort(
    (a, b) =>
      b.done - a.done ||
      b.hours - a.hours ||
      b.claimed - a.claimed ||
      b.posted - a.posted ||
      a.unit.name.localeCompare(b.unit.name),
  );
  return { ...range, rows };
}

/** One unit's figures from the tallies, each by its own date (posted, claimed, done) within [from, to). */
export function countFor(
  unit: ResidentUnit,
  tallies: readonly BoardItemTally[],
  from: Date,
  to: Date,
): UnitContribution {
  const inPeriod = (at: Date | null) => at !== null && at >= from && at < to;
  let posted = 0;
  let claimed = 0;
  let done = 0;
  let hours = 0;
  for (const t of tallies) {
    if (t.posterUnitId === unit.id && t.status !== "cancelled" && inPeriod(t.createdAt)) posted++;
    if (t.claimantUnitId === unit.id && inPeriod(t.claimedAt)) claimed++;
    const gave =
      helperSide(t.list) === "claimant" ? t.claimantUnitId === unit.id : t.posterUnitId === unit.id;
    if (gave && t.status === "done" && inPeriod(t.doneAt)) {
      done++;
      hours += t.hours ?? 0;
    }
  }
  return { unit, posted, claimed, done, hours: Math.round(hours * 10) / 10 };
}
