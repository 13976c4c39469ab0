import { describe, expect, it } from "vitest";
import type { Person, Role } from "../people/person";
import type { Place } from "../places/place";
import { fixedClock } from "../shared/clock";
import { counterIds } from "../shared/ids";
import { lookupResidents } from "./lookup-residents";
import { disclosureAt, mayUseRegistryAt } from "./registry-access";
import type { AuditEntryInput, RegistryDeps, RegistryRepository, ResidentRecord } from "./registry-ports";
import { maskIdNumber, maskPhone, tagsIn } from "./resident";

const STREET = "/d/s-east/";
const COMMUNITY = `${STREET}c-chunhui/`;
const GRID = `${COMMUNITY}g-1/`;
const BUILDING = `${GRID}b-3/`;
const OTHER_GRID = `${COMMUNITY}g-2/`;

function person(role: Role, placePath: string): Person {
  const placeId = placePath.split("/").filter(Boolean).at(-1)!;
  return {
    id: `p-${role}`,
    name: role,
    locale: "zh-CN",
    homePlaceId: null,
    grants: [{ role, placeId, placePath, departmentId: null }],
  };
}

const place = (path: string, level: Place["level"]): Place => ({
  id: path.split("/").filter(Boolean).at(-1)!,
  level,
  parentId: null,
  name: path,
  path,
});

const RESIDENT: ResidentRecord = {
  id: "r-1",
  householdId: "h-1",
  name: "王奶奶",
  phone: "13800001111",
  idNumber: "33010219400101123X",
  birthYear: 1940,
  tags: ["elderly_alone"],
  emergencyContactName: "王小明",
  emergencyContactPhone: "13900002222",
  consent: true,
  personId: null,
  note: null,
  household: { id: "h-1", buildingId: "b-3", buildingPath: BUILDING, unit: null, room: "201" },
};

function depsWith(audit: AuditEntryInput[]): RegistryDeps {
  const registry = {
    search: async (query: { scopePath: string }) =>
      BUILDING.startsWith(query.scopePath)
        ? { total: 1, residents: [RESIDENT] }
        : { total: 0, residents: [] },
    count: async () => 1,
  } as unknown as RegistryRepository; // only what lookups read
  return {
    registry,
    audit: { record: async (entry) => void audit.push(entry) },
    places: {
      getPlace: async (id) => (id === "b-3" ? { ...place(BUILDING, "building"), name: "春晖小区3栋" } : null),
    },
    clock: fixedClock(new Date("2026-11-30T02:00:00Z")),
    ids: counterIds(),
    timeZone: "Asia/Shanghai",
  };
}

describe("who may read the registry, and what they see", () => {
  it("grid workers and admins within their places; department handlers, volunteers and residents never", () => {
    expect(mayUseRegistryAt(person("grid_worker", GRID), BUILDING)).toBe(true);
    expect(mayUseRegistryAt(person("grid_worker", OTHER_GRID), BUILDING)).toBe(false);
    expect(mayUseRegistryAt(person("community_admin", COMMUNITY), BUILDING)).toBe(true);
    expect(mayUseRegistryAt(person("street_admin", STREET), BUILDING)).toBe(true);
    expect(mayUseRegistryAt(person("department_handler", STREET), BUILDING)).toBe(false);
    expect(mayUseRegistryAt(person("volunteer", GRID), BUILDING)).toBe(false);
    expect(mayUseRegistryAt(person("resident", BUILDING), BUILDING)).toBe(false);
  });

  it("phones whole for the grid worker and the community, masked above; ID numbers only for the community", () => {
    expect(disclosureAt(person("grid_worker", GRID), BUILDING)).toEqual({ phone: true, idNumber: false });
    expect(disclosureAt(person("community_admin", COMMUNITY), BUILDING)).toEqual({
      phone: true,
      idNumber: true,
    });
    expect(disclosureAt(person("street_admin", STREET), BUILDING)).toEqual({ phone: false, idNumber: false });
    expect(maskPhone("13800001111")).toBe("138****1111");
    expect(maskPhone("88001234")).toBe("****1234");
    expect(maskIdNumber("33010219400101123X")).toBe("330102********123X");
  });

  it("a lookup outside the person's places is refused before anything is read; every read is audited", async () => {
    const audit: AuditEntryInput[] = [];
    const deps = depsWith(audit);
    const refused = await lookupResidents(deps, {
      actor: person("grid_worker", OTHER_GRID),
      scope: place(BUILDING, "building"),
      tags: [],
      mode: "list",
      purpose: "test",
    });
    expect(refused).toEqual({ ok: false, code: "REGISTRY.NOT_ALLOWED", detail: { place: "b-3" } });
    expect(audit).toEqual([]);

    const street = await lookupResidents(deps, {
      actor: person("street_admin", STREET),
      scope: place(COMMUNITY, "community"),
      tags: tagsIn("独居老人"),
      mode: "list",
      purpose: "chat: 春晖社区独居老人",
    });
    expect(street.ok && street.value.residents[0]).toMatchObject({
      name: "王奶奶",
      address: "春晖小区3栋201",
      age: 86,
      phone: "138****1111",
      idNumber: "330102********123X",
      emergencyContactPhone: "139****2222",
    });
    const worker = await lookupResidents(deps, {
      actor: person("grid_worker", GRID),
      scope: place(GRID, "grid"),
      tags: [],
      mode: "count",
      purpose: "chat: 多少人",
    });
    expect(worker.ok && worker.value.total).toBe(1);
    expect(audit.map((a) => [a.actorId, a.action, a.subject])).toEqual([
      ["p-street_admin", "registry.list", `${COMMUNITY}?tags=elderly_alone`],
      ["p-grid_worker", "registry.count", GRID],
    ]);
    expect(audit[0]!.detail).toMatchObject({ purpose: "chat: 春晖社区独居老人", residentIds: ["r-1"] });
  });
});
