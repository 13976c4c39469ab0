import { describe, expect, it } from "vitest";
import { boardFixture } from "../testing/board-fixture";
import { unwrap } from "../testing/ticket-fixture";
import { answerCall, callStatus, callUnits } from "./unit-calls";

describe("街道吹哨，部门报到", () => {
  it("a street admin calls its units and departments; each answers once; the caller sees who has not", async () => {
    const f = boardFixture();
    const pharmacy = f.addUnit("仁心药房", "b2", "r3");
    f.addUnit("二小", "c2", "r2", "school");
    f.addUnit("远方公司", "c3", "v1", "company"); // street s2: not called
    const { call, targets } = unwrap(
      await callUnits(f.deps, f.people.sa1, { ticketNumber: null, text: "暴雨转移" }),
    );
    expect(call).toMatchObject({ authorId: "sa1", placeId: "s1", ticketId: null, text: "暴雨转移" });
    expect(targets.map((t) => [t.kind, t.name, t.personIds])).toEqual([
      ["unit", "二小", ["r2"]],
      ["unit", "仁心药房", ["r3"]],
      ["department", "dept-water", ["dh1"]],
    ]);
    expect(f.audit.entries).toMatchObject([{ action: "unit.call", actorId: "sa1" }]);

    const first = unwrap(await answerCall(f.deps, f.people.r3, call.id));
    expect(first).toMatchObject({ already: false, answered: 1, total: 3, target: { id: pharmacy.id } });
    expect(unwrap(await answerCall(f.deps, f.people.r3, call.id))).toMatchObject({
      already: true,
      answered: 1,
    });
    expect(unwrap(await answerCall(f.deps, f.people.dh1, call.id))).toMatchObject({ answered: 2 });
    expect(await answerCall(f.deps, f.people.v1, call.id)).toMatchObject({ code: "UNIT.CALL_NOT_FOR_YOU" });
    expect(await answerCall(f.deps, f.people.r1, "nope")).toMatchObject({ code: "UNIT.CALL_NOT_FOUND" });

    const status = unwrap(await callStatus(f.deps, f.people.sa1, call.id));
    expect(status.targets.map((t) => [t.name, t.answers.map((a) => a.personId)])).toEqual([
      ["二小", []],
      ["仁心药房", ["r3"]],
      ["dept-water", ["dh1"]],
    ]);
    expect((await callStatus(f.deps, f.people.da1, call.id)).ok).toBe(true);
    expect(await callStatus(f.deps, f.people.ca1, call.id)).toMatchObject({ code: "UNIT.CALL_NOT_ALLOWED" });
  });

  it("for a case: the departments whose 权责清单 covers its category are called too; only over one's own street", async () => {
    const f = boardFixture();
    f.addUnit("仁心药房", "b2", "r3");
    const ticket = await f.open({ categoryCode: "lighting" });
    const { call, targets } = unwrap(
      await callUnits(f.deps, f.people.sa1, { ticketNumber: ticket.ticket.number, text: "" }),
    );
    expect(call).toMatchObject({ ticketId: ticket.ticket.id, text: ticket.ticket.originalText });
    expect(targets.map((t) => t.name)).toEqual(["仁心药房", "dept-city", "dept-water"]);
    expect(unwrap(await answerCall(f.deps, f.people.dh2, call.id))).toMatchObject({
      target: { kind: "department", id: "dept-city" },
    });

    expect(
      await callUnits(f.deps, f.people.sa2, { ticketNumber: ticket.ticket.number, text: "" }),
    ).toMatchObject({ code: "UNIT.CALL_NOT_ALLOWED" });
    expect(await callUnits(f.deps, f.people.ca1, { ticketNumber: null, text: "x" })).toMatchObject({
      code: "UNIT.CALL_NOT_ALLOWED",
    });
    expect(await callUnits(f.deps, f.people.sa1, { ticketNumber: "2026-999999", text: "" })).toMatchObject({
      code: "TICKET.NOT_FOUND",
    });
    // Street s2 has no units and no departments of its own.
    expect(await callUnits(f.deps, f.people.sa2, { ticketNumber: null, text: "演练" })).toMatchObject({
      code: "UNIT.CALL_EMPTY",
    });
    expect(await callUnits(f.deps, f.people.sa1, { ticketNumber: null, text: " " })).toMatchObject({
      code: "UNIT.INVALID",
    });
  });
});
