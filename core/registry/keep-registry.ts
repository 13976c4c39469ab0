import type { Person } from "../people/person";
import type { Place } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import { mayUseRegistryAt } from "./registry-access";
import type { RegistryDeps, RegistrySource } from "./registry-ports";
import { type ResidentInput, residentInputSchema, type VulnerableTag } from "./resident";

/** What a worker said about a resident in the chat: only the fields they named change. */
export interface ResidentChange {
  readonly building: Place;
  readonly unit: string | null;
  readonly room: string;
  readonly name: string;
  readonly tags: readonly VulnerableTag[];
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly emergencyContactName: string | null;
  readonly emergencyContactPhone: string | null;
  /** The resident (or guardian) said yes to being registered and contacted. */
  readonly consent: boolean;
  readonly moveOut: boolean;
  /** Words said about them that fit no field ("二级", "坐轮椅"): added to the note, not lost. */
  readonly note?: string | null;
}

export interface ChangeOutcome {
  readonly kind: "created" | "updated" | "left";
  readonly residentId: string | null;
}

/**
 * A grid worker keeps the registry from the chat ("3栋201 王奶奶 独居 电话…"): a new resident is
 * added, a known one gains the tags and numbers named (nothing said is nothing erased), and "已搬走"
 * marks them gone. Only inside the worker's own part of the tree; audited.
 */
export async function changeResident(
  deps: RegistryDeps,
  actor: Person,
  change: ResidentChange,
  source: RegistrySource,
): Promise<Result<ChangeOutcome>> {
  if (change.building.level !== "building") return fail("PLACE.NOT_FOUND", { placeId: change.building.id });
  if (!mayUseRegistryAt(actor, change.building.path)) {
    return fail("REGISTRY.NOT_ALLOWED", { place: change.building.id });
  }
  const at = deps.clock.now();
  const existing = await deps.registry.findAt(change.building.id, change.unit, change.room, change.name);
  const audit = (action: string, residentId: string | null, detail: Record<string, unknown>) =>
    deps.audit.record({ at, actorId: actor.id, action, subject: residentId ?? change.building.path, detail });
  if (change.moveOut) {
    if (!existing) return fail("REGISTRY.NOT_FOUND", { name: change.name });
    await deps.registry.markLeft(existing.id, actor.id, at);
    await audit("registry.left", existing.id, { source });
    return ok({ kind: "left", residentId: existing.id });
  }
  const parsed = residentInputSchema.safeParse({
    buildingId: change.building.id,
    unit: change.unit,
    room: change.room,
    name: change.name,
    phone: change.phone ?? existing?.phone ?? null,
    idNumber: existing?.idNumber ?? null,
    birthYear: change.birthYear ?? existing?.birthYear ?? null,
    tags: [...new Set([...(existing?.tags ?? []), ...change.tags])],
    emergencyContactName: change.emergencyContactName ?? existing?.emergencyContactName ?? null,
    emergencyContactPhone: change.emergencyContactPhone ?? existing?.emergencyContactPhone ?? null,
    consent: change.consent || (existing?.consent ?? false),
    note: joinNotes(existing?.note ?? null, change.note ?? null),
  } satisfies Record<keyof ResidentInput, unknown>);
  if (!parsed.success) return fail("REGISTRY.INVALID", { problem: parsed.error.issues[0]?.message ?? "" });
  await deps.registry.saveResidents([parsed.data], source, actor.id, at);
  const saved = await deps.registry.findAt(change.building.id, change.unit, change.room, change.name);
  await audit("registry.update", saved?.id ?? null, {
    source,
    fields: Object.entries(change)
      .filter(([key, value]) => !["building", "unit", "room", "name"].includes(key) && value)
      .map(([key]) => key),
  });
  return ok({ kind: existing ? "updated" : "created", residentId: saved?.id ?? null });
}

/**
 * A whole file of residents, already checked row by row: saved in one transaction (nothing
 * half-imported), audited as one privileged action.
 */
export async function importResidents(
  deps: RegistryDeps,
  inputs: readonly ResidentInput[],
  actorId: string | null,
  file: string,
): Promise<{ created: number; updated: number }> {
  const at = deps.clock.now();
  const result = await deps.registry.saveResidents(inputs, "import", actorId, at);
  await deps.audit.record({
    at,
    actorId,
    action: "registry.import",
    subject: file,
    detail: { rows: inputs.length, ...result },
  });
  return result;
}

/** An earlier note and a new one, the new one added once (a repeated entry does not repeat it). */
function joinNotes(earlier: string | null, added: string | null): string | null {
  if (!added) return earlier;
  if (!earlier) return added.slice(0, 500);
  return earlier.includes(added) ? earlier : `${earlier}；${added}`.slice(0, 500);
}
