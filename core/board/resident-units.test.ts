import { describe, expect, it } from "vitest";
import { boardFixture } from "../testing/board-fixture";
import { unwrap } from "../testing/ticket-fixture";
import { answerClaim, claimItem, markDone, postItem } from "./board-items";
import { registerUnit, unitContributions } from "./resident-units";

const unitInput = { name: "仁心大药房", kind: "shop" as const, placeId: "b2", contactId: "r3" };

describe("registering units", () => {
  it("admins over the place register a unit with a contact; audited; the same name twice is refused", async () => {
    const f = boardFixture();
    const { unit, contact } = unwrap(await registerUnit(f.deps, f.people.ca1, unitInput));
    expect(unit).toMatchObject({ name: "仁心大药房", kind: "shop", placeId: "b2", contactId: "r3" });
    expect(contact.id).toBe("r3");
    expect(f.audit.entries).toMatchObject([{ actorId: "ca1", action: "unit.register" }]);
    expect(await registerUnit(f.deps, f.people.sa1, unitInput)).toMatchObject({ code: "UNIT.DUPLICATE" });
    expect(
      (await registerUnit(f.deps, f.people.sa1, { ...unitInput, name: "东街小学", kind: "school" })).ok,
    ).toBe(true);
  });

  it("not grid workers, residents or admins of elsewhere; the contact must exist; the kind must be known", async () => {
    const f = boardFixture();
    expect(await registerUnit(f.deps, f.people.w1, unitInput)).toMatchObject({ code: "UNIT.NOT_ALLOWED" });
    expect(await registerUnit(f.deps, f.people.r1, unitInput)).toMatchObject({ code: "UNIT.NOT_ALLOWED" });
    expect(await registerUnit(f.deps, f.people.ca2, unitInput)).toMatchObject({ code: "UNIT.NOT_ALLOWED" });
    expect(await registerUnit(f.deps, f.people.ca1, { ...unitInput, contactId: "nobody" })).toMatchObject({
      code: "PERSON.NOT_FOUND",
    });
    expect(
      await registerUnit(f.deps, f.people.ca1, { ...unitInput, kind: "bank" as unknown as "shop" }),
    ).toMatchObject({ code: "UNIT.INVALID" });
    expect(await registerUnit(f.deps, f.people.ca1, { ...unitInput, placeId: "nowhere" })).toMatchObject({
      code: "PLACE.NOT_FOUND",
    });
  });
});

describe("counting contributions", () => {
  it("a unit counts what it posted, claimed, and gave (done, person-hours) within the month", async () => {
    const f = boardFixture();
    const pharmacy = f.addUnit("仁心药房", "b2", "r3");
    const school = f.addUnit("二小", "b4", "r2", "school");
    f.addUnit("远方公司", "c3", "v1", "company");
    const need = (text: string) => ({
      list: "need" as const,
      placeId: null,
      text,
      whenText: null,
      quantity: 5,
    });
    // The pharmacy claims two of the community's needs and gives 2 h × 3 on one.
    const a = unwrap(await postItem(f.deps, f.people.ca1, need("搬运物资"))).item;
    const b = unwrap(await postItem(f.deps, f.people.ca1, need("陪老人就医"))).item;
    for (const item of [a, b]) {
      unwrap(await claimItem(f.deps, f.people.r3, item.number));
      unwrap(await answerClaim(f.deps, f.people.ca1, item.number, true));
    }
    unwrap(await markDone(f.deps, f.people.r3, a.number, { hours: 2, volunteerIds: ["r1", "r2", "v1"] }));
    // The school posts a resource the community claims and is done: the school gave.
    const r = unwrap(await postItem(f.deps, f.people.r2, { ...need("借用操场"), list: "resource" })).item;
    unwrap(await claimItem(f.deps, f.people.ca2, r.number)); // the school is in c2
    unwrap(await answerClaim(f.deps, f.people.r2, r.number, true));
    unwrap(await markDone(f.deps, f.people.ca2, r.number, { hours: 1.5, volunteerIds: [] }));

    const s1 = await unitContributions(f.deps, "/d1/s1/", "month");
    expect(s1.label).toBe("2026-11");
    expect(s1.rows.map((r) => [r.unit.name, r.posted, r.claimed, r.done, r.hours])).toEqual([
      ["仁心药房", 0, 2, 1, 6],
      ["二小", 1, 0, 1, 1.5],
    ]);
    expect(s1.rows[0]!.unit.id).toBe(pharmacy.id);
    expect(s1.rows[1]!.unit.id).toBe(school.id);
    // Next month starts from nothing (the year still counts it).
    f.clock.set(new Date("2026-12-02T02:00:00Z"));
    expect((await unitContributions(f.deps, "/d1/s1/", "month")).rows.every((r) => r.done === 0)).toBe(true);
    const year = await unitContributions(f.deps, "/d1/", "year");
    expect(year.label).toBe("2026");
    expect(year.rows.map((r) => [r.unit.name, r.done])).toEqual([
      ["仁心药房", 1],
      ["二小", 1],
      ["远方公司", 0],
    ]);
  });
});
