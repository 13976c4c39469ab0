import { z } from "zod";

/** The place tree, top to bottom. A ticket's level of responsibility climbs the same ladder. */
export const PLACE_LEVELS = ["district", "street", "community", "grid", "building"] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];
export const placeLevelSchema = z.enum(PLACE_LEVELS);

/**
 * A node of the tree. `path` lists the ids from the district down to this node, as
 * "/district/street/community/grid/building/", so "is X inside Y" is a prefix test.
 */
export interface Place {
  readonly id: string;
  readonly level: PlaceLevel;
  readonly parentId: string | null;
  readonly name: string;
  readonly path: string;
}

export function placePath(parentPath: string | null, id: string): string {
  if (id.includes("/")) throw new Error(`place id must not contain "/": ${id}`);
  return `${parentPath ?? "/"}${id}/`;
}

/** True when the place is the scope itself or lies below it. */
export function isWithin(placePathValue: string, scopePath: string): boolean {
  return placePathValue.startsWith(scopePath);
}

/** The id of the ancestor (or self) at a level, read from the path; null when the place is above it. */
export function ancestorIdAt(placePathValue: string, level: PlaceLevel): string | null {
  const ids = placePathValue.split("/").filter((part) => part.length > 0);
  return ids[PLACE_LEVELS.indexOf(level)] ?? null;
}

/** The place's own id: the last in its path ("/d/s/c/g/b/" → "b"). */
export function placeIdOfPath(placePathValue: string): string {
  return placePathValue.slice(placePathValue.lastIndexOf("/", placePathValue.length - 2) + 1, -1);
}

export function levelOfPath(placePathValue: string): PlaceLevel {
  const depth = placePathValue.split("/").filter((part) => part.length > 0).length;
  const level = PLACE_LEVELS[depth - 1];
  if (!level) throw new Error(`not a place path: ${placePathValue}`);
  return level;
}

export function pathDepth(placePathValue: string): number {
  return placePathValue.split("/").filter((part) => part.length > 0).length;
}

/** The ancestor's path at a level ("/d/s/c/g/b/" at street → "/d/s/"), or the path itself when above it. */
export function pathAt(placePath: string, level: PlaceLevel): string {
  const ids = placePath.split("/").filter(Boolean);
  const depth = PLACE_LEVELS.indexOf(level) + 1;
  return ids.length <= depth ? placePath : `/${ids.slice(0, depth).join("/")}/`;
}
