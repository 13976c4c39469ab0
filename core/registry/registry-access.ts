import type { Person, Role } from "../people/person";
import { isWithin } from "../places/place";

/**
 * Who may read and keep the registry: grid workers over their grid, admins over their part of
 * the tree. Department handlers and volunteers never see it; residents see only themselves
 * (not through these lookups).
 */
export const REGISTRY_ROLES: readonly Role[] = [
  "grid_worker",
  "community_admin",
  "street_admin",
  "district_admin",
];

/**
 * Full phone numbers go to those who ring residents: the grid worker and the community. Higher up,
 * lists are for planning and numbers are masked. ID numbers are masked for everyone in lists; the
 * community admin who keeps the files sees them in the console's record of one resident.
 */
const SEES_PHONE: readonly Role[] = ["grid_worker", "community_admin"];
const SEES_ID_NUMBER: readonly Role[] = ["community_admin"];

export interface RegistryGrant {
  readonly role: Role;
  readonly placePath: string;
}

/** The grants that let this person read or keep the registry at a place (most local first). */
export function registryGrantsAt(person: Person, placePath: string): RegistryGrant[] {
  return person.grants
    .filter((g) => REGISTRY_ROLES.includes(g.role) && isWithin(placePath, g.placePath))
    .sort((a, b) => b.placePath.length - a.placePath.length);
}

export function mayUseRegistryAt(person: Person, placePath: string): boolean {
  return registryGrantsAt(person, placePath).length > 0;
}

/** Every place this person may look up (their registry grants' places). */
export function registryScopes(person: Person): string[] {
  return person.grants.filter((g) => REGISTRY_ROLES.includes(g.role)).map((g) => g.placePath);
}

export interface Disclosure {
  readonly phone: boolean;
  readonly idNumber: boolean;
}

/** What a person may see unmasked of residents at a place (by any grant that covers it). */
export function disclosureAt(person: Person, placePath: string): Disclosure {
  const roles = registryGrantsAt(person, placePath).map((g) => g.role);
  return {
    phone: roles.some((r) => SEES_PHONE.includes(r)),
    idNumber: roles.some((r) => SEES_ID_NUMBER.includes(r)),
  };
}
