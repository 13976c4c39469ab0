import { describe, expect, it } from "vitest";
import { MINUTE_MS } from "../shared/clock";
import { T0, ticketFixture, unwrap } from "../testing/ticket-fixture";
import { escalateTicket } from "./escalate-ticket";
import { dispatchTicket, reassignTicket, reclassifyTicket } from "./manage-ticket";
import { confirmTicket, rateTicket, rejectTicket } from "./reporter-actions";
import { sweepDeadlines } from "./sweep-deadlines";
import { resolveTicket, returnTicket, signForTicket } from "./work-on-ticket";

const minutes = (n: number) => new Date(T0.getTime() + n * MINUTE_MS);

describe("a case's whole life", () => {
  it("report → dispatch → sign for → resolve → not fixed → resolve → confirm → rate", async () => {
    const f = ticketFixture();
    const opened = await f.open();
    expect(opened.disposition).toBe("dispatched");
    expect(opened.ticket).toMatchObject({
      number: "2026-000001",
      state: "dispatched",
      level: "grid",
      assigneeId: "w1",
    });
    expect(opened.notices).toEqual([expect.objectContaining({ kind: "dispatched", to: ["w1"] })]);
    // normal priority: 4 h to sign for, 72 h to resolve (fallback SLA)
    expect(opened.ticket.signForDeadline).toEqual(minutes(240));
    expect(opened.ticket.resolveDeadline).toEqual(minutes(72 * 60));
    expect(opened.ticket.nudgeDueAt).toEqual(minutes(180));

    f.clock.set(minutes(30));
    const signed = unwrap(await signForTicket(f.deps, { ticketId: opened.ticket.id, actor: f.as("w1") }));
    expect(signed.ticket.state).toBe("accepted");
    expect(signed.ticket.escalateDueAt).toEqual(minutes(72 * 60));
    expect(signed.notices[0]).toMatchObject({ kind: "accepted", to: ["r1"] });

    f.clock.set(minutes(60));
    const resolved = unwrap(
      await resolveTicket(f.deps, { ticketId: opened.ticket.id, actor: f.as("w1"), note: "换了灯泡" }),
    );
    expect(resolved.ticket).toMatchObject({
      state: "resolved",
      escalateDueAt: null,
      autoCloseAt: minutes(60 + 72 * 60),
    });
    expect(resolved.notices[0]).toMatchObject({ kind: "resolved", to: ["r1"] });

    f.clock.set(minutes(90));
    const reopened = unwrap(
      await rejectTicket(f.deps, { ticketId: opened.ticket.id, actor: f.as("r1"), reason: "还是黑的" }),
    );
    expect(reopened.ticket).toMatchObject({
      state: "reopened",
      assigneeId: "w1",
      resolveDeadline: minutes(90 + 72 * 60),
    });
    expect(reopened.notices[0]).toMatchObject({ kind: "reopened", to: ["w1"], note: "还是黑的" });

    unwrap(
      await resolveTicket(f.deps, { ticketId: opened.ticket.id, actor: f.as("w1"), note: "线路也修了" }),
    );
    const closed = unwrap(await confirmTicket(f.deps, { ticketId: opened.ticket.id, actor: f.as("r1") }));
    expect(closed.ticket).toMatchObject({ state: "closed", rating: null, closedAt: minutes(90) });
    unwrap(await rateTicket(f.deps, { ticketId: opened.ticket.id, actor: f.as("r1"), rating: 4 }));
    expect(
      await rateTicket(f.deps, { ticketId: opened.ticket.id, actor: f.as("r1"), rating: 5 }),
    ).toMatchObject({
      ok: false,
      code: "TICKET.ALREADY_RATED",
    });

    const types = (await f.tickets.listEvents(opened.ticket.id)).map((e) => e.type);
    expect(types).toEqual([
      "created",
      "dispatched",
      "signed_for",
      "resolved",
      "rejected",
      "resolved",
      "confirmed",
      "rated",
    ]);
  });

  it("resolving needs a note or a photo; ratings are 1–5", async () => {
    const f = ticketFixture();
    const { ticket } = await f.open();
    expect(await resolveTicket(f.deps, { ticketId: ticket.id, actor: f.as("w1"), note: "  " })).toMatchObject(
      {
        code: "TICKET.NOTE_REQUIRED",
      },
    );
    unwrap(
      await resolveTicket(f.deps, {
        ticketId: ticket.id,
        actor: f.as("w1"),
        media: [{ kind: "photo", ref: "media/abc.jpg" }],
      }),
    );
    expect(await confirmTicket(f.deps, { ticketId: ticket.id, actor: f.as("r1"), rating: 6 })).toMatchObject({
      code: "TICKET.RATING_INVALID",
    });
  });

  it("a resolved case nobody objects to closes after the configured hours", async () => {
    const f = ticketFixture({ autoCloseHours: 48 });
    const { ticket } = await f.open();
    unwrap(await resolveTicket(f.deps, { ticketId: ticket.id, actor: f.as("w1"), note: "ok" }));
    expect(unwrap(await sweepDeadlines(f.deps, minutes(48 * 60 - 1))).autoClosed).toBe(0);
    const report = unwrap(await sweepDeadlines(f.deps, minutes(48 * 60)));
    expect(report.autoClosed).toBe(1);
    expect(report.notices).toEqual([expect.objectContaining({ kind: "closed", to: ["r1", "w1"] })]);
    expect(f.tickets.tickets.get(ticket.id)).toMatchObject({ state: "closed", autoCloseAt: null });
  });

  it("returned as not ours: back to the community's dispatchers, who route it again", async () => {
    const f = ticketFixture();
    const { ticket } = await f.open();
    expect(await returnTicket(f.deps, { ticketId: ticket.id, actor: f.as("w1"), reason: "" })).toMatchObject({
      code: "TICKET.NOTE_REQUIRED",
    });
    const returned = unwrap(
      await returnTicket(f.deps, { ticketId: ticket.id, actor: f.as("w1"), reason: "是供电局的线" }),
    );
    expect(returned.ticket).toMatchObject({
      state: "triage",
      level: "community",
      unitPlaceId: "c1",
      assigneeId: null,
    });
    expect(returned.notices[0]).toMatchObject({ kind: "triage_needed", to: ["ca1"], note: "是供电局的线" });
    const dispatched = unwrap(
      await dispatchTicket(f.deps, {
        ticketId: ticket.id,
        actor: f.as("ca1"),
        categoryCode: "utilities",
        assigneeId: "dh1",
      }),
    );
    expect(dispatched.ticket).toMatchObject({
      state: "dispatched",
      level: "department",
      departmentId: "dept-water",
      categoryCode: "utilities",
      assigneeId: "dh1",
    });
    // Now a department's case: the community admin no longer outranks it, the street admin may not re-dispatch it.
    expect(await dispatchTicket(f.deps, { ticketId: ticket.id, actor: f.as("ca1") })).toMatchObject({
      code: "TICKET.NOT_ALLOWED",
    });
    expect(await dispatchTicket(f.deps, { ticketId: ticket.id, actor: f.as("da1") })).toMatchObject({
      code: "TICKET.ILLEGAL_TRANSITION",
    });
  });

  it("reassign tells both the new and the old holder, and refuses someone who cannot hold the case", async () => {
    const f = ticketFixture();
    const { ticket } = await f.open();
    expect(
      await reassignTicket(f.deps, { ticketId: ticket.id, actor: f.as("ca1"), assigneeId: "w3" }),
    ).toMatchObject({
      code: "TICKET.ASSIGNEE_INVALID",
    });
    const moved = unwrap(
      await reassignTicket(f.deps, { ticketId: ticket.id, actor: f.as("ca1"), assigneeId: "w1b" }),
    );
    expect(moved.notices.map((n) => [n.kind, n.to])).toEqual([
      ["dispatched", ["w1b"]],
      ["reassigned_away", ["w1"]],
    ]);
  });
});

describe("corrections", () => {
  it("a reclassification is kept as a training example with the reporter's original words", async () => {
    const f = ticketFixture();
    const { ticket } = await f.open({ text: "楼下那个灯杆歪了快倒了", categoryCode: "lighting" });
    unwrap(
      await reclassifyTicket(f.deps, {
        ticketId: ticket.id,
        actor: f.as("w1"),
        categoryCode: "other",
        priority: "high",
      }),
    );
    expect(f.examples.examples).toEqual([
      expect.objectContaining({
        text: "楼下那个灯杆歪了快倒了",
        intent: "report",
        category: "other",
        priority: "high",
        source: "reclassified",
      }),
    ]);
    const event = (await f.tickets.listEvents(ticket.id)).at(-1);
    expect(event).toMatchObject({
      type: "reclassified",
      data: { fromCategory: "lighting", toCategory: "other" },
    });
  });
});

describe("SLA clocks and escalation with an injected clock", () => {
  it("nudges at 75%, once; escalates grid → community → street → department, each with its own clock; then records the breach once", async () => {
    const f = ticketFixture();
    const { ticket } = await f.open({ categoryCode: "utilities", text: "整栋楼停水了" });
    const sweep = async (at: number) => unwrap(await sweepDeadlines(f.deps, minutes(at)));

    expect((await sweep(179)).notices).toEqual([]);
    const nudge = await sweep(180);
    expect(nudge.notices).toEqual([
      expect.objectContaining({ kind: "nudge", to: ["w1"], deadline: minutes(240) }),
    ]);
    expect((await sweep(181)).notices).toEqual([]); // not twice

    const toCommunity = await sweep(240);
    expect(toCommunity.escalated).toBe(1);
    expect(toCommunity.notices.map((n) => [n.kind, n.to])).toEqual([
      ["escalated", ["ca1"]],
      ["escalated_away", ["w1"]],
    ]);
    expect(f.tickets.tickets.get(ticket.id)).toMatchObject({
      level: "community",
      unitPlaceId: "c1",
      state: "dispatched",
      assigneeId: "ca1",
      clockStartedAt: minutes(240),
      signForDeadline: minutes(480),
    });

    expect((await sweep(420)).notices.map((n) => n.kind)).toEqual(["nudge"]);
    const toStreet = await sweep(480);
    expect(f.tickets.tickets.get(ticket.id)).toMatchObject({
      level: "street",
      unitPlaceId: "s1",
      assigneeId: "sa1",
    });
    expect(toStreet.notices[0]).toMatchObject({ kind: "escalated", to: ["sa1"] });

    await sweep(720);
    expect(f.tickets.tickets.get(ticket.id)).toMatchObject({
      level: "department",
      departmentId: "dept-water",
      assigneeId: "dh1",
      unitPlaceId: null,
    });

    const breach = await sweep(960);
    expect(breach).toMatchObject({ escalated: 0, breached: 1 });
    expect(breach.notices[0]).toMatchObject({ kind: "sla_breached", to: ["dh1"] });
    expect(await sweep(5000)).toMatchObject({ escalated: 0, breached: 0, nudged: 0 });

    const levels = (await f.tickets.listEvents(ticket.id))
      .filter((e) => e.type === "escalated")
      .map((e) => `${e.data?.fromLevel}→${e.data?.toLevel}`);
    expect(levels).toEqual(["grid→community", "community→street", "street→department"]);
  });

  it("after signing for, the resolve deadline drives nudges and escalation", async () => {
    const f = ticketFixture();
    f.directory.policies.push({
      categoryCode: "lighting",
      priority: "normal",
      signForMinutes: 60,
      resolveMinutes: 600,
    });
    const { ticket } = await f.open();
    f.clock.set(minutes(10));
    unwrap(await signForTicket(f.deps, { ticketId: ticket.id, actor: f.as("w1") }));
    const sweep = async (at: number) => unwrap(await sweepDeadlines(f.deps, minutes(at)));
    expect((await sweep(60)).escalated).toBe(0); // signed for in time: the sign-for deadline no longer counts
    expect((await sweep(449)).nudged).toBe(0);
    expect((await sweep(450)).nudged).toBe(1); // 75% of 600 minutes
    expect((await sweep(600)).escalated).toBe(1);
  });

  it("a category without a department stops at the street and records the breach", async () => {
    const f = ticketFixture();
    const { ticket } = await f.open({ categoryCode: "elevator", text: "电梯坏了" });
    for (const at of [240, 480, 720]) await sweepDeadlines(f.deps, minutes(at));
    expect(f.tickets.tickets.get(ticket.id)).toMatchObject({ level: "street", escalateDueAt: null });
    expect(
      await escalateTicket(f.deps, { ticketId: ticket.id, actor: f.as("sa1"), reason: "x" }),
    ).toMatchObject({
      code: "TICKET.TOP_LEVEL",
    });
  });

  it("quiet hours: a nudge due at night waits until morning; an urgent one does not", async () => {
    // T0 is 10:00 in Shanghai; a low case (24 h to sign for) is due a nudge 18 h later, at 04:00.
    const f = ticketFixture();
    const { ticket } = await f.open({ priority: "low", text: "健身器材掉漆了" });
    const night = minutes(18 * 60);
    const report = unwrap(await sweepDeadlines(f.deps, night));
    expect(report).toMatchObject({ nudged: 0, deferred: 1 });
    expect(f.tickets.tickets.get(ticket.id)?.nudgeDueAt).toEqual(minutes(21 * 60)); // 07:00 local
    expect(unwrap(await sweepDeadlines(f.deps, minutes(21 * 60))).nudged).toBe(1);

    const urgent = await f.open({ priority: "urgent", text: "电梯困人", placeId: "b3" });
    f.tickets.tickets.set(urgent.ticket.id, {
      ...f.tickets.tickets.get(urgent.ticket.id)!,
      nudgeDueAt: night,
      escalateDueAt: null,
    });
    expect(unwrap(await sweepDeadlines(f.deps, night)).nudged).toBe(1);
  });

  it("a worker can whistle a case up by hand (吹哨)", async () => {
    const f = ticketFixture();
    const { ticket } = await f.open();
    const up = unwrap(
      await escalateTicket(f.deps, { ticketId: ticket.id, actor: f.as("w1"), reason: "需要社区协调" }),
    );
    expect(up.ticket).toMatchObject({ level: "community", assigneeId: "ca1" });
  });

  it("two sweeps at the same moment act once: the second finds nothing due", async () => {
    const f = ticketFixture();
    await f.open();
    const [a, b] = await Promise.all([
      sweepDeadlines(f.deps, minutes(180)),
      sweepDeadlines(f.deps, minutes(180)),
    ]);
    expect(unwrap(a).nudged + unwrap(b).nudged).toBe(1);
  });
});
