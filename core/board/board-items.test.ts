import { describe, expect, it } from "vitest";
import { boardFixture } from "../testing/board-fixture";
import { unwrap } from "../testing/ticket-fixture";
import { answerClaim, browseItems, claimItem, markDone, postItem, withdrawItem } from "./board-items";
import { boardCreditKey } from "./board-points";

const post = (list: "need" | "resource" | "project" | "offer", text = "需要5名志愿者帮忙搬运物资") => ({
  list,
  placeId: null,
  text,
  whenText: null,
  quantity: null,
});

describe("posting", () => {
  it("each poster speaks for their side: the community, a unit, a residents' group, a personal offer", async () => {
    const f = boardFixture();
    const pharmacy = f.addUnit("仁心药房", "b2", "r3");
    const community = unwrap(await postItem(f.deps, f.people.ca1, post("need")));
    expect(community).toMatchObject({
      side: "community",
      item: { posterUnitId: null, placeId: "c1", number: 1 },
    });
    const unit = unwrap(await postItem(f.deps, f.people.r3, post("resource", "免费测血压")));
    expect(unit).toMatchObject({ side: "unit", item: { posterUnitId: pharmacy.id, placeId: "b2" } });
    const group = unwrap(await postItem(f.deps, f.people.r1, post("need", "楼里老人需要代买菜")));
    expect(group).toMatchObject({ side: "person", item: { posterUnitId: null, placeId: "b1" } });
    // A unit's contact offering their own time offers it as a person.
    const offer = unwrap(await postItem(f.deps, f.people.r3, post("offer", "周末义诊")));
    expect(offer).toMatchObject({ side: "person", item: { posterUnitId: null } });
    expect(offer.item.number).toBe(4);
  });

  it("only inside one's area; nobody in particular may not post; bad input is refused", async () => {
    const f = boardFixture();
    f.addUnit("仁心药房", "b2", "r3");
    expect(await postItem(f.deps, f.people.w4, { ...post("need"), placeId: "b1" })).toMatchObject({
      ok: false,
      code: "BOARD.PLACE_OUTSIDE",
    });
    // A unit serves its street: c2 is in s1, c3 is not.
    expect((await postItem(f.deps, f.people.r3, { ...post("need"), placeId: "b4" })).ok).toBe(true);
    expect(await postItem(f.deps, f.people.r3, { ...post("need"), placeId: "b5" })).toMatchObject({
      code: "BOARD.PLACE_OUTSIDE",
    });
    expect(await postItem(f.deps, f.people.r1, { ...post("need"), placeId: "b4" })).toMatchObject({
      code: "BOARD.PLACE_OUTSIDE",
    });
    expect(await postItem(f.deps, f.people.stranger, post("need"))).toMatchObject({
      code: "BOARD.NOT_ALLOWED",
    });
    expect(await postItem(f.deps, f.people.ca1, post("need", " "))).toMatchObject({ code: "BOARD.INVALID" });
    expect(await postItem(f.deps, f.people.ca1, { ...post("need"), placeId: "nowhere" })).toMatchObject({
      code: "PLACE.NOT_FOUND",
    });
  });
});

describe("claiming", () => {
  it("the other side claims: units the community's items, the community the units', not one's own", async () => {
    const f = boardFixture();
    const pharmacy = f.addUnit("仁心药房", "b2", "r3");
    f.addUnit("二中", "c3", "v1", "school"); // street s2
    const need = unwrap(await postItem(f.deps, f.people.ca1, post("need"))).item;
    const resource = unwrap(await postItem(f.deps, f.people.r3, post("resource", "免费测血压"))).item;

    expect(await claimItem(f.deps, f.people.ca1, need.number)).toMatchObject({ code: "BOARD.OWN_ITEM" });
    expect(await claimItem(f.deps, f.people.w1, need.number)).toMatchObject({ code: "BOARD.NOT_ALLOWED" });
    expect(await claimItem(f.deps, f.people.v1, need.number)).toMatchObject({ code: "BOARD.NOT_ALLOWED" });
    expect(await claimItem(f.deps, f.people.r3, resource.number)).toMatchObject({ code: "BOARD.OWN_ITEM" });
    expect(await claimItem(f.deps, f.people.r3, 99)).toMatchObject({ code: "BOARD.NOT_FOUND" });

    const claimed = unwrap(await claimItem(f.deps, f.people.r3, need.number));
    expect(claimed).toMatchObject({
      item: { status: "claimed", claimantId: "r3", claimantUnitId: pharmacy.id, version: 2 },
      already: false,
      tell: ["ca1"],
    });
    // Pressed twice by the same person: the claim stands, the poster is not asked again.
    expect(unwrap(await claimItem(f.deps, f.people.r3, need.number))).toMatchObject({
      already: true,
      tell: [],
    });
    const byCommunity = unwrap(await claimItem(f.deps, f.people.w1, resource.number));
    expect(byCommunity).toMatchObject({ item: { claimantUnitId: null }, unit: null, tell: ["r3"] });
    expect(await claimItem(f.deps, f.people.ca1, resource.number)).toMatchObject({
      code: "BOARD.ALREADY_CLAIMED",
    });
  });

  it("two claims at once: one wins, the other gets BOARD.ALREADY_CLAIMED", async () => {
    const f = boardFixture();
    f.addUnit("仁心药房", "b2", "r3");
    f.addUnit("联华超市", "b4", "r2");
    const need = unwrap(await postItem(f.deps, f.people.ca1, post("need"))).item;
    const results = await Promise.all([
      claimItem(f.deps, f.people.r3, need.number),
      claimItem(f.deps, f.people.r2, need.number),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "BOARD.ALREADY_CLAIMED" });
    // And when the other write lands between this one's read and its write.
    const second = unwrap(await postItem(f.deps, f.people.ca1, post("project", "共建口袋公园"))).item;
    f.board.beforeNextUpdate = () => {
      const current = f.board.items.get(second.id)!;
      f.board.items.set(second.id, { ...current, status: "claimed", claimantId: "r2", version: 2 });
    };
    expect(await claimItem(f.deps, f.people.r3, second.number)).toMatchObject({
      code: "BOARD.ALREADY_CLAIMED",
    });
  });

  it("the poster confirms or declines (open again); only their side may; confirming twice is harmless", async () => {
    const f = boardFixture();
    f.addUnit("仁心药房", "b2", "r3");
    const need = unwrap(await postItem(f.deps, f.people.w1, post("need"))).item;
    unwrap(await claimItem(f.deps, f.people.r3, need.number));
    expect(await answerClaim(f.deps, f.people.r3, need.number, true)).toMatchObject({
      code: "BOARD.NOT_ALLOWED",
    });
    const declined = unwrap(await answerClaim(f.deps, f.people.w1, need.number, false));
    expect(declined).toMatchObject({
      accepted: false,
      item: { status: "open", claimantId: null },
      tell: ["r3"],
    });
    expect(await answerClaim(f.deps, f.people.w1, need.number, true)).toMatchObject({
      code: "BOARD.NOT_CLAIMED",
    });
    unwrap(await claimItem(f.deps, f.people.r3, need.number));
    // The community admin acts for a grid worker's post.
    const accepted = unwrap(await answerClaim(f.deps, f.people.ca1, need.number, true));
    expect(accepted).toMatchObject({ accepted: true, already: false, item: { status: "confirmed" } });
    expect(unwrap(await answerClaim(f.deps, f.people.w1, need.number, true))).toMatchObject({
      already: true,
    });
  });

  it("browsing shows the open items of one's area, with what one may claim", async () => {
    const f = boardFixture();
    f.addUnit("仁心药房", "b2", "r3");
    unwrap(await postItem(f.deps, f.people.ca1, post("need")));
    unwrap(await postItem(f.deps, f.people.r3, post("resource", "免费测血压")));
    unwrap(await postItem(f.deps, f.people.w4, post("need", "c3的需求")));
    const forUnit = await browseItems(f.deps, f.people.r3, { list: null, scopePath: null, limit: 10 });
    expect(forUnit.map((b) => [b.item.number, b.claimable])).toEqual([
      [2, false],
      [1, true],
    ]);
    const needs = await browseItems(f.deps, f.people.w1, { list: "need", scopePath: null, limit: 10 });
    expect(needs.map((b) => [b.item.number, b.claimable])).toEqual([[1, false]]);
  });
});

describe("done, points and withdrawing", () => {
  it("done after confirmation credits the volunteers once per item and person; twice credits nothing more", async () => {
    const f = boardFixture();
    f.addUnit("仁心药房", "b2", "r3");
    const need = unwrap(await postItem(f.deps, f.people.ca1, post("need"))).item;
    unwrap(await claimItem(f.deps, f.people.r3, need.number));
    expect(await markDone(f.deps, f.people.r3, need.number, { hours: 2, volunteerIds: [] })).toMatchObject({
      code: "BOARD.NOT_CONFIRMED",
    });
    unwrap(await answerClaim(f.deps, f.people.ca1, need.number, true));
    expect(await markDone(f.deps, f.people.w3, need.number, { hours: 2, volunteerIds: [] })).toMatchObject({
      code: "BOARD.NOT_ALLOWED",
    });
    expect(
      await markDone(f.deps, f.people.r3, need.number, { hours: 2, volunteerIds: ["nobody"] }),
    ).toMatchObject({ code: "PERSON.NOT_FOUND" });
    // w4 works in another street: the claimant cannot pay them for this street's item.
    expect(
      await markDone(f.deps, f.people.r3, need.number, { hours: 2, volunteerIds: ["v1", "w4"] }),
    ).toMatchObject({ code: "BOARD.VOLUNTEER_OUTSIDE", detail: { personId: "w4" } });
    expect(await markDone(f.deps, f.people.r3, need.number, { hours: 30, volunteerIds: [] })).toMatchObject({
      code: "BOARD.INVALID",
    });
    const done = unwrap(
      await markDone(f.deps, f.people.r3, need.number, { hours: 2.5, volunteerIds: ["v1", "r1"] }),
    );
    expect(done.item).toMatchObject({ status: "done", hours: 5 });
    expect(done.credited).toEqual([
      { personId: "v1", points: 25, balance: 25, replayed: false },
      { personId: "r1", points: 25, balance: 25, replayed: false },
    ]);
    expect(done.tell).toEqual(["ca1"]);
    const again = unwrap(
      await markDone(f.deps, f.people.ca1, need.number, { hours: 8, volunteerIds: ["r2"] }),
    );
    expect(again).toMatchObject({ already: true, credited: [] });
    expect(f.ledger.entries.map((e) => [e.personId, e.amount, e.kind, e.communityId])).toEqual([
      ["v1", 25, "activity", "c1"],
      ["r1", 25, "activity", "c1"],
    ]);
    expect(await f.ledger.findByKey(boardCreditKey(need.id, "v1"))).not.toBeNull();
  });

  it("without named volunteers the helping side's own person is credited: the claimant of a need, the poster of a resource", async () => {
    const f = boardFixture();
    f.addUnit("仁心药房", "b2", "r3");
    const need = unwrap(await postItem(f.deps, f.people.ca1, post("need"))).item;
    unwrap(await claimItem(f.deps, f.people.r3, need.number));
    unwrap(await answerClaim(f.deps, f.people.ca1, need.number, true));
    const done = unwrap(await markDone(f.deps, f.people.ca1, need.number, { hours: 1, volunteerIds: [] }));
    expect(done.credited.map((c) => [c.personId, c.points])).toEqual([["r3", 10]]);
    expect(done.tell).toEqual(["r3"]);

    const resource = unwrap(await postItem(f.deps, f.people.r3, post("resource", "免费测血压"))).item;
    unwrap(await claimItem(f.deps, f.people.w1, resource.number));
    unwrap(await answerClaim(f.deps, f.people.r3, resource.number, true));
    const given = unwrap(
      await markDone(f.deps, f.people.w1, resource.number, { hours: 3, volunteerIds: [] }),
    );
    expect(given.credited.map((c) => [c.personId, c.points])).toEqual([["r3", 30]]);
    // Without hours, nobody is credited.
    const project = unwrap(await postItem(f.deps, f.people.ca1, post("project", "共建口袋公园"))).item;
    unwrap(await claimItem(f.deps, f.people.r3, project.number));
    unwrap(await answerClaim(f.deps, f.people.ca1, project.number, true));
    expect(
      unwrap(await markDone(f.deps, f.people.r3, project.number, { hours: null, volunteerIds: [] })).credited,
    ).toEqual([]);
  });

  it("the poster withdraws an open item; not once claimed; nobody else may", async () => {
    const f = boardFixture();
    f.addUnit("仁心药房", "b2", "r3");
    const a = unwrap(await postItem(f.deps, f.people.w1, post("need"))).item;
    const b = unwrap(await postItem(f.deps, f.people.w1, post("need", "再要3人"))).item;
    expect(await withdrawItem(f.deps, f.people.r3, a.number)).toMatchObject({ code: "BOARD.NOT_ALLOWED" });
    expect(unwrap(await withdrawItem(f.deps, f.people.w1, a.number)).item.status).toBe("cancelled");
    expect(await claimItem(f.deps, f.people.r3, a.number)).toMatchObject({ code: "BOARD.NOT_OPEN" });
    unwrap(await claimItem(f.deps, f.people.r3, b.number));
    expect(await withdrawItem(f.deps, f.people.w1, b.number)).toMatchObject({
      code: "BOARD.ALREADY_CLAIMED",
    });
  });
});
