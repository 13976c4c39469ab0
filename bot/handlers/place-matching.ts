import type { Place } from "../../core/places/place";

/**
 * Find the building a resident named ("3", "12") among a grid's or community's buildings, whose
 * names end like "春晖小区3栋" and whose ids end like "-3".
 */
export function matchBuilding(buildings: readonly Place[], hint: string): Place | null {
  const number = hint.replace(/\D/g, "");
  if (!number) return null;
  return (
    buildings.find((b) => new RegExp(`(^|\\D)${number}(栋|号楼|幢|座|号)$`).test(b.name)) ??
    buildings.find((b) => b.id.endsWith(`-${number}`)) ??
    null
  );
}
