import type { Person } from "../people/person";
import type { Place } from "../places/place";
import { yearIn } from "../shared/clock";
import { fail, ok, type Result } from "../shared/result";
import { disclosureAt, mayUseRegistryAt } from "./registry-access";
import type { RegistryDeps, ResidentRecord } from "./registry-ports";
import { formatAddress, maskIdNumber, maskPhone, type VulnerableTag } from "./resident";

/** A resident as shown to staff: masked where their role may not see a field. */
export interface ResidentView {
  readonly id: string;
  readonly householdId: string;
  readonly name: string;
  readonly address: string;
  readonly buildingId: string;
  readonly tags: readonly VulnerableTag[];
  readonly age: number | null;
  readonly phone: string | null;
  readonly idNumber: string | null;
  readonly emergencyContactName: string | null;
  readonly emergencyContactPhone: string | null;
  readonly consent: boolean;
  readonly linked: boolean;
}

export interface LookupInput {
  readonly actor: Person;
  readonly scope: Place;
  readonly tags: readonly VulnerableTag[];
  readonly mode: "list" | "count";
  /** One unit of the building in scope. */
  readonly unit?: string | null;
  /** Why the read happened, for the audit log: "chat: 3栋的独居老人", "console: list". */
  readonly purpose: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface LookupOutcome {
  readonly total: number;
  readonly residents: readonly ResidentView[];
}

/** A count or a list of residents in a scope the person holds, written to the audit log. */
export async function lookupResidents(
  deps: RegistryDeps,
  input: LookupInput,
): Promise<Result<LookupOutcome>> {
  if (!mayUseRegistryAt(input.actor, input.scope.path)) {
    return fail("REGISTRY.NOT_ALLOWED", { place: input.scope.id });
  }
  const at = deps.clock.now();
  const subject = `${input.scope.path}${input.unit ? `unit-${input.unit}/` : ""}${input.tags.length ? `?tags=${input.tags.join(",")}` : ""}`;
  if (input.mode === "count") {
    const total = await deps.registry.count(input.scope.path, input.tags, input.unit);
    await deps.audit.record({
      at,
      actorId: input.actor.id,
      action: "registry.count",
      subject,
      detail: { purpose: input.purpose, total },
    });
    return ok({ total, residents: [] });
  }
  const { total, residents } = await deps.registry.search({
    scopePath: input.scope.path,
    tags: input.tags,
    unit: input.unit ?? null,
    limit: Math.min(input.limit ?? 50, 500),
    offset: input.offset ?? 0,
  });
  await deps.audit.record({
    at,
    actorId: input.actor.id,
    action: "registry.list",
    subject,
    detail: { purpose: input.purpose, total, residentIds: residents.map((r) => r.id) },
  });
  return ok({ total, residents: await viewsFor(deps, input.actor, residents) });
}

/** Residents as this person may see them (the caller audits the read). */
export async function viewsFor(
  deps: RegistryDeps,
  viewer: Person,
  residents: readonly ResidentRecord[],
): Promise<ResidentView[]> {
  const currentYear = yearIn(deps.clock.now(), deps.timeZone);
  const views: ResidentView[] = [];
  for (const r of residents) {
    const building = await deps.places.getPlace(r.household.buildingId);
    const may = disclosureAt(viewer, r.household.buildingPath);
    views.push({
      id: r.id,
      householdId: r.householdId,
      name: r.name,
      address: formatAddress(building?.name ?? r.household.buildingId, r.household.unit, r.household.room),
      buildingId: r.household.buildingId,
      tags: r.tags,
      age: r.birthYear ? currentYear - r.birthYear : null,
      phone: may.phone ? r.phone : maskPhone(r.phone),
      idNumber: may.idNumber ? r.idNumber : maskIdNumber(r.idNumber),
      emergencyContactName: r.emergencyContactName,
      emergencyContactPhone: may.phone ? r.emergencyContactPhone : maskPhone(r.emergencyContactPhone),
      consent: r.consent,
      linked: r.personId !== null,
    });
  }
  return views;
}
