import { afterEach, describe, expect, it } from "vitest";
import { personActor } from "../../core/people/person";
import { fixedClock, MINUTE_MS } from "../../core/shared/clock";
import type { Result } from "../../core/shared/result";
import { openTicket } from "../../core/tickets/open-ticket";
import { confirmTicket } from "../../core/tickets/reporter-actions";
import { sweepDeadlines } from "../../core/tickets/sweep-deadlines";
import type { TicketDeps } from "../../core/tickets/ticket-deps";
import { resolveTicket, signForTicket } from "../../core/tickets/work-on-ticket";
import { TEST_DATABASE, tempDatabase, ticketDepsOn } from "../testing/temp-database";

const T0 = new Date("2026-11-30T02:00:00Z");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.detail)}`);
  return result.value;
}

async function setup() {
  const temp = await tempDatabase();
  cleanups.push(temp.cleanup);
  const clock = fixedClock(T0);
  const deps = ticketDepsOn(temp.db, clock);
  const actor = async (id: string) => personActor((await deps.people.getPerson(id))!);
  return { ...temp, clock, deps, actor };
}

function report(deps: TicketDeps, overrides: Partial<Parameters<typeof openTicket>[1]> = {}) {
  return openTicket(deps, {
    reporterId: "p-res-wang",
    placeId: "b-chunhui-3",
    text: "3栋楼道灯坏了好几天了，晚上黑乎乎的",
    categoryCode: "lighting",
    sourceChannel: "playground",
    ...overrides,
  });
}

describe(`the ticket engine on ${TEST_DATABASE} with the demo district`, () => {
  it("routes a report to the on-duty grid worker and runs the whole loop", async () => {
    const { deps, clock, actor } = await setup();
    const opened = unwrap(await report(deps));
    expect(opened.ticket).toMatchObject({
      number: "2026-000001",
      state: "dispatched",
      level: "grid",
      unitPlaceId: "g-chunhui-1",
      assigneeId: "p-chunhui-1-worker", // the backup worker is off duty
    });
    clock.advanceMinutes(20);
    unwrap(
      await signForTicket(deps, { ticketId: opened.ticket.id, actor: await actor("p-chunhui-1-worker") }),
    );
    unwrap(
      await resolveTicket(deps, {
        ticketId: opened.ticket.id,
        actor: await actor("p-chunhui-1-worker"),
        note: "已更换灯管",
        media: [{ kind: "photo", ref: "media/fixed.jpg" }],
      }),
    );
    const closed = unwrap(
      await confirmTicket(deps, { ticketId: opened.ticket.id, actor: await actor("p-res-wang"), rating: 5 }),
    );
    expect(closed.ticket).toMatchObject({ state: "closed", rating: 5, version: 4 });
    const events = await deps.tickets.listEvents(opened.ticket.id);
    expect(events.map((e) => e.type)).toEqual([
      "created",
      "dispatched",
      "signed_for",
      "resolved",
      "confirmed",
    ]);
    expect(JSON.parse(String(events[3]!.data!.media))).toEqual([{ kind: "photo", ref: "media/fixed.jpg" }]);
  });

  it("escalates through the demo's levels to the nearest responsible department", async () => {
    const { deps } = await setup();
    const opened = unwrap(await report(deps, { categoryCode: "garbage", text: "垃圾站三天没清运了" }));
    const at = (m: number) => new Date(T0.getTime() + m * MINUTE_MS);
    for (const m of [240, 480, 720]) unwrap(await sweepDeadlines(deps, at(m)));
    const ticket = (await deps.tickets.findById(opened.ticket.id))!;
    // East Street's own city-management team is nearer than the district's bureau.
    expect(ticket).toMatchObject({
      level: "department",
      departmentId: "dept-east-chengguan",
      assigneeId: "p-dept-east-chengguan-handler",
    });
  });

  it("merges a duplicate and keeps both texts", async () => {
    const { deps } = await setup();
    const first = unwrap(await report(deps));
    const second = unwrap(
      await report(deps, { reporterId: "p-res-zhang", placeId: "b-chunhui-3", text: "3栋楼道的灯坏了" }),
    );
    expect(second).toMatchObject({ disposition: "merged" });
    expect(second.ticket).toMatchObject({ mergedIntoId: first.ticket.id, originalText: "3栋楼道的灯坏了" });
    expect(await deps.tickets.listFollowers(first.ticket.id)).toEqual(["p-res-zhang"]);
    expect((await deps.tickets.findById(first.ticket.id))?.supporterCount).toBe(2);
  });

  it("refuses a stale update with TICKET.CONCURRENT_UPDATE and writes nothing", async () => {
    const { deps } = await setup();
    const { ticket } = unwrap(await report(deps));
    const first = await deps.tickets.commit({
      creates: [],
      updates: [{ ticket: { ...ticket, priority: "high" }, expectedVersion: ticket.version }],
      events: [],
      followers: [],
    });
    expect(first.ok).toBe(true);
    // With the ticket as read (as commitUpdate sends it) and without: both find the version moved.
    for (const before of [undefined, ticket]) {
      const stale = await deps.tickets.commit({
        creates: [],
        updates: [{ ticket: { ...ticket, priority: "low" }, expectedVersion: ticket.version, before }],
        events: [
          {
            id: "ev-stale",
            ticketId: ticket.id,
            at: T0,
            type: "reclassified",
            actorId: null,
            fromState: "dispatched",
            toState: "dispatched",
            note: null,
            data: null,
          },
        ],
        followers: [{ ticketId: ticket.id, personId: "p-res-liu" }],
      });
      expect(stale).toMatchObject({ ok: false, code: "TICKET.CONCURRENT_UPDATE" });
      expect((await deps.tickets.findById(ticket.id))?.priority).toBe("high");
      expect((await deps.tickets.listEvents(ticket.id)).some((e) => e.id === "ev-stale")).toBe(false);
      expect(await deps.tickets.listFollowers(ticket.id)).not.toContain("p-res-liu");
    }
  });

  it("reads a category's routing rules and SLA policies, with the wildcard's, across a city's places", async () => {
    const { deps, db } = await setup();
    // A city: more places with rules than SQLite takes parameters in one statement.
    const grids = Array.from({ length: 1200 }, (_, i) => ({
      id: `g-city-${i}`,
      level: "grid",
      parentId: "c-chunhui",
      name: `网格${i}`,
      path: `/d-demo/s-east/c-chunhui/g-city-${i}/`,
    }));
    await db.prisma.place.createMany({ data: grids });
    await db.prisma.routingRule.createMany({
      data: grids.map((g) => ({ id: `r-${g.id}`, categoryCode: "lighting", placeId: g.id, level: "grid" })),
    });
    await db.prisma.slaPolicy.create({
      data: { categoryCode: "lighting", priority: "urgent", signForMinutes: 5, resolveMinutes: 60 },
    });
    const rules = await deps.directory.routingRules("lighting");
    const wildcard = await db.prisma.routingRule.count({
      where: { categoryCode: { in: ["lighting", "*"] } },
    });
    expect(rules).toHaveLength(wildcard);
    expect(rules.find((r) => r.placeId === "g-city-1199")?.placePath).toBe(
      "/d-demo/s-east/c-chunhui/g-city-1199/",
    );
    expect(rules.every((r) => r.categoryCode === "lighting" || r.categoryCode === "*")).toBe(true);
    const policies = await deps.directory.slaPolicies("lighting");
    expect(policies).toContainEqual({
      categoryCode: "lighting",
      priority: "urgent",
      signForMinutes: 5,
      resolveMinutes: 60,
    });
    expect(policies.every((p) => p.categoryCode === "lighting" || p.categoryCode === "*")).toBe(true);
    expect((await deps.directory.slaPolicies(null)).every((p) => p.categoryCode === "*")).toBe(true);
  });

  it("numbers are unique under concurrent reports", async () => {
    const { deps } = await setup();
    const buildings = [
      "b-chunhui-1",
      "b-chunhui-4",
      "b-wenchang-1",
      "b-xihu-1",
      "b-fengle-2",
      "b-dongshan-5",
    ];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        report(deps, {
          placeId: buildings[i % buildings.length]!,
          text: `第${i}件不同的事情 ${"abcdefghij"[i % 10]}${i}`,
          categoryCode: "other",
        }),
      ),
    );
    const numbers = results.map((r) => unwrap(r).ticket.number);
    expect(new Set(numbers).size).toBe(30);
  });

  it("two sweeps racing on the same file nudge once", async () => {
    const { deps } = await setup();
    unwrap(await report(deps));
    const at = new Date(T0.getTime() + 180 * MINUTE_MS);
    const [a, b] = await Promise.all([sweepDeadlines(deps, at), sweepDeadlines(deps, at)]);
    expect(unwrap(a).nudged + unwrap(b).nudged).toBe(1);
  });
});
