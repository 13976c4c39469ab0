import type { Person, Role } from "../people/person";
import { isWithin } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import type { Warning, WarningDeps } from "./warning-ports";

/** Who may act on a warning: staff holding its place (the grid's worker, the admins above it). */
const ACTING_ROLES: readonly Role[] = ["grid_worker", "community_admin", "street_admin", "district_admin"];

export function mayActOnWarning(person: Person, warning: Pick<Warning, "placePath">): boolean {
  // The warning's place lies in their part of the tree: a community-wide spike is the community's to
  // act on, not one grid worker's.
  return person.grants.some((g) => ACTING_ROLES.includes(g.role) && isWithin(warning.placePath, g.placePath));
}

/**
 * The person who acts on a warning acknowledges it (with a note of what they do): it stops being
 * "open" in the summary and the console. Once: a second acknowledgement is refused.
 */
export async function acknowledgeWarning(
  deps: Pick<WarningDeps, "warnings" | "clock">,
  person: Person,
  warningId: string,
  note: string | null,
): Promise<Result<Warning>> {
  const warning = await deps.warnings.get(warningId);
  if (!warning) return fail("WARNING.NOT_FOUND");
  if (!mayActOnWarning(person, warning)) return fail("WARNING.NOT_ALLOWED");
  if (warning.acknowledgedAt) return fail("WARNING.ALREADY_ACKNOWLEDGED");
  const at = deps.clock.now();
  const trimmed = note?.trim().slice(0, 500) || null;
  if (!(await deps.warnings.acknowledge(warning.id, person.id, trimmed, at))) {
    return fail("WARNING.ALREADY_ACKNOWLEDGED");
  }
  return ok({ ...warning, acknowledgedAt: at, acknowledgedById: person.id, note: trimmed });
}
