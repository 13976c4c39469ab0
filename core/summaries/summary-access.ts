import type { Person, Role, RoleGrant } from "../people/person";
import { isWithin } from "../places/place";

/** Admins see summaries and worker scores of their part of the tree. */
export const SUMMARY_ADMIN_ROLES: readonly Role[] = ["community_admin", "street_admin", "district_admin"];
/** A grid worker sees the summary of their own grid (not the scores of colleagues). */
export const SUMMARY_ROLES: readonly Role[] = [...SUMMARY_ADMIN_ROLES, "grid_worker"];

/** The grants that give a person summaries, widest first (a district admin's before a grid's). */
export function summaryGrantsOf(person: Person | null, roles: readonly Role[] = SUMMARY_ROLES): RoleGrant[] {
  return (person?.grants ?? [])
    .filter((grant) => roles.includes(grant.role))
    .sort((a, b) => a.placePath.length - b.placePath.length);
}

/** May this person see the summary (or, with SUMMARY_ADMIN_ROLES, the worker scores) of a place? */
export function maySummarise(
  person: Person | null,
  placePath: string,
  roles: readonly Role[] = SUMMARY_ROLES,
): boolean {
  return summaryGrantsOf(person, roles).some((grant) => isWithin(placePath, grant.placePath));
}
