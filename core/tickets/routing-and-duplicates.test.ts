import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../shared/clock";
import { T0, ticketFixture, unwrap } from "../testing/ticket-fixture";
import { textSimilarity } from "./duplicates";
import { mergeTickets } from "./manage-ticket";
import { openTicket } from "./open-ticket";
import { pickRoutingRule, type RoutingRule } from "./routing";

describe("routing table", () => {
  const rule = (id: string, categoryCode: string, placePath: string): RoutingRule => ({
    id,
    categoryCode,
    placeId: placePath.split("/").at(-2)!,
    placePath,
    level: "grid",
    departmentId: null,
  });
  const rules = [
    rule("any-district", "*", "/d1/"),
    rule("any-s1", "*", "/d1/s1/"),
    rule("light-district", "lighting", "/d1/"),
    rule("light-c2", "lighting", "/d1/s1/c2/"),
  ];

  it("an exact category beats '*', then the deepest place wins", () => {
    expect(pickRoutingRule(rules, "lighting", "/d1/s1/c1/g1/b1/")?.id).toBe("light-district");
    expect(pickRoutingRule(rules, "lighting", "/d1/s1/c2/g3/b4/")?.id).toBe("light-c2");
    expect(pickRoutingRule(rules, "garbage", "/d1/s1/c1/g1/b1/")?.id).toBe("any-s1");
    expect(pickRoutingRule(rules, "garbage", "/d1/s2/c3/g4/b5/")?.id).toBe("any-district");
    expect(pickRoutingRule(rules, "garbage", "/d9/")).toBeNull();
  });

  it("a rule can send a category straight to a department, or to the community", async () => {
    const f = ticketFixture();
    f.directory.addRule("utilities", "s1", "department", "dept-water");
    f.directory.addRule("garbage", "c1", "community");
    const water = await f.open({ categoryCode: "utilities", text: "煤气味很重" });
    expect(water.ticket).toMatchObject({
      level: "department",
      departmentId: "dept-water",
      assigneeId: "dh1",
    });
    const rubbish = await f.open({ categoryCode: "garbage", text: "垃圾三天没人收", placeId: "b3" });
    expect(rubbish.ticket).toMatchObject({ level: "community", unitPlaceId: "c1", assigneeId: "ca1" });
  });

  it("the on-duty worker with the fewest open cases gets it; with no choice, nobody's cases are counted", async () => {
    const f = ticketFixture();
    f.directory.offDuty.clear();
    f.directory.openTickets = (id) => (id === "w1" ? 5 : 1);
    expect((await f.open()).ticket.assigneeId).toBe("w1b");
    expect(f.directory.countedFor).toEqual([["w1", "w1b"]]);
    f.directory.offDuty.add("w1b");
    expect((await f.open({ placeId: "b2", text: "路灯不亮" })).ticket.assigneeId).toBe("w1");
    expect(f.directory.countedFor).toHaveLength(1);
    // Nobody on duty: the choice is among all of them, by load again.
    f.directory.offDuty.add("w1");
    expect(
      (await f.open({ placeId: "b2", categoryCode: "garbage", text: "垃圾没人收" })).ticket.assigneeId,
    ).toBe("w1b");
    expect(f.directory.countedFor).toHaveLength(2);
  });

  it("no category, no rule or no handler: the case waits in triage for the community's dispatchers", async () => {
    const f = ticketFixture();
    const unknown = await f.open({ categoryCode: null, text: "你们管不管啊" });
    expect(unknown).toMatchObject({ disposition: "triage" });
    expect(unknown.ticket).toMatchObject({ state: "triage", level: "community", unitPlaceId: "c1" });
    expect(unknown.notices[0]).toMatchObject({ kind: "triage_needed", to: ["ca1"] });

    f.directory.people.delete("w4");
    const noWorker = await f.open({ placeId: "b5", text: "路灯坏了" });
    expect(noWorker.ticket).toMatchObject({ state: "triage", unitPlaceId: "c3" });
    const events = await f.tickets.listEvents(noWorker.ticket.id);
    expect(events.at(-1)).toMatchObject({ type: "triaged", data: { reason: "no_handler" } });
  });

  it("refuses an unknown place, reporter or category with a code", async () => {
    const f = ticketFixture();
    const base = { reporterId: "r1", placeId: "b1", text: "x", categoryCode: "lighting", sourceChannel: "t" };
    expect(await openTicket(f.deps, { ...base, placeId: "zz" })).toMatchObject({ code: "PLACE.NOT_FOUND" });
    expect(await openTicket(f.deps, { ...base, reporterId: "zz" })).toMatchObject({
      code: "PERSON.NOT_FOUND",
    });
    expect(await openTicket(f.deps, { ...base, categoryCode: "zz" })).toMatchObject({
      code: "TICKET.CATEGORY_UNKNOWN",
    });
  });

  it("the same source message opens one ticket, however often it is processed", async () => {
    const f = ticketFixture();
    const first = await f.open({ sourceKey: "inbox-1" });
    const again = await f.open({ sourceKey: "inbox-1" });
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(again.notices).toEqual([]);
    expect(f.tickets.tickets.size).toBe(1);
  });

  it("numbers run per year in the deployment's time zone", async () => {
    const f = ticketFixture();
    f.clock.set(new Date("2026-12-31T15:59:00Z")); // 23:59 in Shanghai
    expect((await f.open()).ticket.number).toBe("2026-000001");
    f.clock.set(new Date("2026-12-31T16:01:00Z")); // 00:01 on 1 January in Shanghai
    expect((await f.open({ placeId: "b4", text: "另一件事" })).ticket.number).toBe("2027-000001");
  });
});

describe("duplicate reports", () => {
  it("text similarity: the same problem in other words scores above different problems", () => {
    const same = textSimilarity("3栋楼道灯坏了好几天了", "三栋楼道的灯又坏了，黑乎乎的");
    const different = textSimilarity("3栋楼道灯坏了好几天了", "垃圾桶满了没人清");
    expect(same).toBeGreaterThan(0.25);
    expect(different).toBeLessThan(0.1);
  });

  it("a second report of the same problem joins the open case; the reporter follows it and supporters rise", async () => {
    const f = ticketFixture();
    const first = await f.open();
    f.clock.set(new Date(T0.getTime() + HOUR_MS));
    const second = await f.open({ reporterId: "r2", text: "三栋楼道的灯又坏了，黑乎乎的" });
    expect(second.disposition).toBe("merged");
    expect(second.ticket).toMatchObject({
      state: "merged",
      mergedIntoId: first.ticket.id,
      originalText: "三栋楼道的灯又坏了，黑乎乎的",
    });
    expect(second.mergedInto).toMatchObject({ id: first.ticket.id, supporterCount: 2 });
    expect(await f.tickets.listFollowers(first.ticket.id)).toEqual(["r2"]);
    expect(second.notices[0]).toMatchObject({ kind: "supporter_added", to: ["w1"] });

    // The same person again: kept (never lost) but not counted twice.
    const again = await f.open({ reporterId: "r2", text: "楼道灯还是坏的" });
    expect(again.disposition).toBe("merged");
    expect(f.tickets.tickets.get(first.ticket.id)?.supporterCount).toBe(2);
  });

  it("the third supporter raises the priority and tightens the clock", async () => {
    const f = ticketFixture();
    const first = await f.open();
    await f.open({ reporterId: "r2", text: "楼道灯坏了好几天了" });
    await f.open({ reporterId: "v1", text: "3栋的楼道灯坏了" });
    const raised = f.tickets.tickets.get(first.ticket.id)!;
    expect(raised).toMatchObject({ supporterCount: 3, priority: "high" });
    expect(raised.signForDeadline).toEqual(new Date(T0.getTime() + HOUR_MS)); // high: 60 minutes
    const types = (await f.tickets.listEvents(first.ticket.id)).map((e) => e.type);
    expect(types).toContain("priority_raised");
  });

  it("not merged: another building, another category, dissimilar text, or outside the window", async () => {
    const f = ticketFixture({ duplicateWindowHours: 24 });
    await f.open();
    expect((await f.open({ reporterId: "r3", placeId: "b2" })).disposition).toBe("dispatched");
    expect(
      (await f.open({ reporterId: "r2", categoryCode: "garbage", text: "3栋楼道灯旁边堆满垃圾" }))
        .disposition,
    ).toBe("dispatched");
    expect((await f.open({ reporterId: "r2", text: "小区东门外的路灯杆被车撞歪了" })).disposition).toBe(
      "dispatched",
    );
    f.clock.set(new Date(T0.getTime() + 25 * HOUR_MS));
    expect((await f.open({ reporterId: "r2" })).disposition).toBe("dispatched");
  });

  it("a match closed between the search and reading it whole is not joined: the report opens its own case", async () => {
    const f = ticketFixture();
    const first = await f.open();
    const search = f.tickets.findDuplicateCandidates.bind(f.tickets);
    f.tickets.findDuplicateCandidates = async (query) => {
      const found = await search(query);
      expect(found.map((c) => c.id)).toEqual([first.ticket.id]);
      const stored = f.tickets.tickets.get(first.ticket.id)!;
      f.tickets.tickets.set(first.ticket.id, { ...stored, state: "closed" });
      return found;
    };
    const second = await f.open({ reporterId: "r2", text: "三栋楼道的灯又坏了，黑乎乎的" });
    expect(second.disposition).toBe("dispatched");
    expect(second.ticket.mergedIntoId).toBeNull();
  });

  it("a dispatcher merges by hand: the duplicate's reporter and followers follow the case", async () => {
    const f = ticketFixture();
    const a = await f.open();
    const b = await f.open({ reporterId: "r3", placeId: "b2", text: "2栋门口灯坏" });
    const merged = unwrap(
      await mergeTickets(f.deps, { ticketId: b.ticket.id, intoTicketId: a.ticket.id, actor: f.as("ca1") }),
    );
    expect(merged.ticket).toMatchObject({ state: "merged", mergedIntoId: a.ticket.id });
    expect(merged.into.supporterCount).toBe(2);
    expect(await f.tickets.listFollowers(a.ticket.id)).toEqual(["r3"]);
    expect(
      await mergeTickets(f.deps, { ticketId: a.ticket.id, intoTicketId: a.ticket.id, actor: f.as("ca1") }),
    ).toMatchObject({
      code: "TICKET.MERGE_TARGET_INVALID",
    });
  });
});
