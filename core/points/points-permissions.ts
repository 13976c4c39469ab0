import type { Person } from "../people/person";
import { ancestorIdAt, isWithin } from "../places/place";
import type { PointsDeps } from "./points-deps";

const ADMIN_ROLES = ["community_admin", "street_admin", "district_admin"];

/** A community admin or above whose scope contains the place. */
export function administers(person: Person, placePath: string): boolean {
  return person.grants.some((g) => ADMIN_ROLES.includes(g.role) && isWithin(placePath, g.placePath));
}

/** Where a person belongs: their home, else the places of their roles. */
export async function placePathsOf(deps: PointsDeps, person: Person): Promise<string[]> {
  const home = person.homePlaceId ? await deps.places.getPlace(person.homePlaceId) : null;
  return [...(home ? [home.path] : []), ...person.grants.map((g) => g.placePath)];
}

/** The person's community (for the leaderboard and the catalogue); null when they have none. */
export async function communityOf(deps: PointsDeps, person: Person): Promise<string | null> {
  for (const path of await placePathsOf(deps, person)) {
    const community = ancestorIdAt(path, "community");
    if (community) return community;
  }
  return null;
}
