import type { Place } from "../../core/places/place";
import { isWithin } from "../../core/places/place";
import { registryGrantsAt, registryScopes } from "../../core/registry/registry-access";
import { parsePlaceHint } from "../../core/registry/registry-text";
import type { BotContext } from "../conversation/bot-context";
import { matchBuilding } from "./place-matching";

/**
 * The place a worker or admin means ("3栋", "5号楼2单元", "东山街道", "春晖社区", nothing = their own
 * area), looked for only inside the places they look after. A unit is returned beside the building.
 */
export async function resolveRegistryPlace(
  ctx: BotContext,
  hint: string | null,
): Promise<{ place: Place; unit: string | null } | null> {
  const person = ctx.person;
  if (!person) return null;
  const scopes = registryScopes(person);
  const own = async () => {
    const grant = person.grants.find((g) => scopes.includes(g.placePath));
    return grant ? ctx.deps.tickets.directory.getPlace(grant.placeId) : null;
  };
  if (!hint?.trim()) {
    const place = await own();
    return place ? { place, unit: null } : null;
  }
  const parsed = parsePlaceHint(hint);
  if (parsed.buildingHint) {
    for (const grant of person.grants.filter((g) => scopes.includes(g.placePath))) {
      const building = matchBuilding(
        await ctx.deps.registry.registry.placesUnder(grant.placePath).then(onlyBuildings),
        parsed.buildingHint,
      );
      if (building) return { place: building, unit: parsed.unit };
    }
    return null;
  }
  const name = (parsed.name ?? hint).trim();
  for (const scope of scopes) {
    const places = await ctx.deps.registry.registry.placesUnder(scope);
    const found =
      places.find((p) => p.name === name) ??
      places.find((p) => p.name.startsWith(name) || name.startsWith(p.name)) ??
      places.find((p) => p.name.includes(name));
    if (found && registryGrantsAt(person, found.path).length > 0 && isWithin(found.path, scope)) {
      return { place: found, unit: null };
    }
  }
  return null;
}

const onlyBuildings = (places: Place[]) => places.filter((p) => p.level === "building");
