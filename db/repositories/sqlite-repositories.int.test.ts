import { afterEach, describe, expect, it } from "vitest";
import { personActor } from "../../core/people/person";
import { fixedClock } from "../../core/shared/clock";
import { unwrap } from "../../core/testing/ticket-fixture";
import { openTicket } from "../../core/tickets/open-ticket";
import { ACTIVE_STATES, type Ticket } from "../../core/tickets/ticket";
import { signForTicket } from "../../core/tickets/work-on-ticket";
import { recordPreparedStatements } from "../testing/record-statements";
import { TEST_DATABASE, tempDatabase, ticketDepsOn } from "../testing/temp-database";
import { PrismaChatDirectory } from "./prisma-chat-directory";
import { PrismaPeopleDirectory } from "./prisma-directory";
import { PrismaTicketRepository } from "./prisma-ticket-repository";
import { ReferenceCache } from "./reference-cache";
import { SqliteChatDirectory, SqlitePeopleDirectory } from "./sqlite-directory";
import { SqliteTicketRepository } from "./sqlite-ticket-repository";

/*
 * The prepared-statement repositories (SQLite's hot paths) against Prisma's on the same file:
 * rows written by either read the same through both — dates, JSON, booleans and order included.
 */

const T0 = new Date("2026-11-30T02:00:00Z");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup() {
  const temp = await tempDatabase();
  cleanups.push(temp.cleanup);
  const sqlite = temp.db.sqlite!;
  const cache = new ReferenceCache(0);
  return {
    ...temp,
    viaSql: new SqliteTicketRepository(sqlite),
    viaPrisma: new PrismaTicketRepository(temp.db.prisma),
    peopleViaSql: new SqlitePeopleDirectory(temp.db.prisma, sqlite, cache, 0),
    peopleViaPrisma: new PrismaPeopleDirectory(temp.db.prisma, cache, 0),
  };
}

describe.skipIf(TEST_DATABASE !== "SQLite")(
  "SQLite's prepared-statement repositories read as Prisma's do",
  () => {
    it("tickets written through either read the same through both, and a stale version writes nothing", async () => {
      const { db, viaSql, viaPrisma, peopleViaSql } = await setup();
      const clock = fixedClock(T0);
      const deps = ticketDepsOn(db, clock); // one id sequence for both
      const sqlDeps = { ...deps, tickets: viaSql, people: peopleViaSql };
      const prismaDeps = { ...deps, tickets: viaPrisma };
      const report = {
        reporterId: "p-res-wang",
        placeId: "b-chunhui-3",
        text: "3栋楼道灯坏了",
        categoryCode: "lighting",
        sourceChannel: "playground",
        media: [{ kind: "photo" as const, ref: "media/a.jpg", latitude: 31.2 }],
      };
      const first = unwrap(await openTicket(sqlDeps, report)).ticket;
      clock.advanceMinutes(1);
      const second = unwrap(
        await openTicket(prismaDeps, { ...report, text: "3栋 楼道灯 又坏了一盏" }),
      ).ticket;
      expect([first.number, second.number]).toEqual(["2026-000001", "2026-000002"]);
      clock.advanceMinutes(5);
      const worker = personActor((await peopleViaSql.getPerson(first.assigneeId!))!);
      unwrap(await signForTicket(sqlDeps, { ticketId: first.id, actor: worker }));

      for (const ticket of [first, second]) {
        const read = await viaPrisma.findById(ticket.id);
        expect(await viaSql.findById(ticket.id)).toEqual(read);
        expect(await viaSql.findByNumber(ticket.number)).toEqual(read);
        expect(await viaSql.listEvents(ticket.id)).toEqual(await viaPrisma.listEvents(ticket.id));
        expect(await viaSql.listFollowers(ticket.id)).toEqual(await viaPrisma.listFollowers(ticket.id));
      }
      expect((await viaSql.findById(first.id))!.media).toEqual(report.media);
      const duplicates = {
        categoryCode: "lighting",
        placePath: first.placePath,
        createdSince: new Date(T0.getTime() - 60_000),
        states: [...ACTIVE_STATES],
        limit: 5,
      };
      expect(await viaSql.findDuplicateCandidates(duplicates)).toEqual(
        await viaPrisma.findDuplicateCandidates(duplicates),
      );
      // The second report was merged into the first (same building, same category, minutes apart).
      expect((await viaSql.findById(second.id))!.state).toBe("merged");
      expect((await viaSql.findDuplicateCandidates(duplicates)).map((t) => t.id)).toEqual([first.id]);
      for (const query of [
        { reporterId: "p-res-wang", limit: 10 },
        { assigneeId: first.assigneeId!, states: ["accepted" as const], limit: 10 },
        { withinPath: `${first.placePath.split("/").slice(0, 3).join("/")}/`, limit: 1 },
        { states: [], limit: 10 },
      ]) {
        expect(await viaSql.list(query)).toEqual(await viaPrisma.list(query));
      }
      const later = new Date(T0.getTime() + 30 * 24 * 3600_000);
      for (const timer of ["nudgeDueAt", "escalateDueAt", "autoCloseAt"] as const) {
        expect(await viaSql.findDue(timer, later, 10)).toEqual(await viaPrisma.findDue(timer, later, 10));
      }

      const stale: Ticket = (await viaSql.findById(second.id))!;
      const moved = unwrap(
        await viaSql.commit({
          creates: [],
          updates: [{ ticket: { ...stale, priority: "high" }, expectedVersion: stale.version }],
          events: [],
          followers: [{ ticketId: stale.id, personId: "p-res-zhang" }],
        }),
      );
      expect(moved.tickets.get(stale.id)!.version).toBe(stale.version + 1);
      // With the ticket as read, only what differs from it is written, and nothing is read first.
      const asRead = (await viaSql.findById(first.id))!;
      const escalated: Ticket = { ...asRead, level: "community", nudgeDueAt: null, assigneeId: null };
      const updates = [{ ticket: escalated, expectedVersion: asRead.version, before: asRead }];
      const statements: { sql: string; params: string }[] = [];
      const stopRecording = recordPreparedStatements(statements);
      try {
        unwrap(await viaSql.commit({ creates: [], updates, events: [], followers: [] }));
      } finally {
        stopRecording();
      }
      const onTickets = statements
        .map((s) => s.sql.replace(/\s+/g, " "))
        .filter((q) => q.includes('"Ticket"'));
      expect(onTickets.map((q) => q.split(" WHERE")[0])).toEqual([
        `UPDATE "Ticket" SET "level" = @level, "assigneeId" = @assigneeId, "nudgeDueAt" = @nudgeDueAt, "version" = @version`,
      ]);
      expect(await viaPrisma.findById(first.id)).toEqual({ ...escalated, version: asRead.version + 1 });
      // A change of nothing but the version (no column differs) is still a versioned write.
      const same = (await viaSql.findById(stale.id))!;
      const unchanged = unwrap(
        await viaSql.commit({
          creates: [],
          updates: [{ ticket: same, expectedVersion: same.version }],
          events: [],
          followers: [],
        }),
      );
      expect(unchanged.tickets.get(same.id)!.version).toBe(same.version + 1);
      expect((await viaPrisma.findById(same.id))!).toEqual({ ...same, version: same.version + 1 });
      const conflict = await viaSql.commit({
        creates: [],
        updates: [{ ticket: { ...stale, priority: "low" }, expectedVersion: stale.version }],
        events: [],
        followers: [{ ticketId: stale.id, personId: "p-res-liu" }],
      });
      expect(conflict).toMatchObject({ ok: false, code: "TICKET.CONCURRENT_UPDATE" });
      expect(await viaPrisma.findById(stale.id)).toMatchObject({
        priority: "high",
        version: stale.version + 2, // the change of priority, then the change of nothing
      });
      expect(await viaPrisma.listFollowers(stale.id)).not.toContain("p-res-liu");
    });

    it("people, their grants and who handles a unit are read the same", async () => {
      const { db, peopleViaSql, peopleViaPrisma } = await setup();
      // Some open cases, so the handlers' loads are not all 0.
      const deps = ticketDepsOn(db, fixedClock(T0));
      for (const placeId of ["b-chunhui-3", "b-chunhui-3", "b-chunhui-1"])
        unwrap(
          await openTicket(deps, {
            reporterId: "p-res-wang",
            placeId,
            text: `${placeId} 垃圾没人收 ${Math.random()}`,
            categoryCode: "garbage",
            sourceChannel: "playground",
          }),
        );
      // Someone with no role at all (a newcomer before naming a building): no grant rows to join.
      await db.prisma.person.create({ data: { id: "p-no-grants", name: "新来的", createdAt: T0 } });
      const people = await db.prisma.person.findMany({ select: { id: true } });
      expect(people.length).toBeGreaterThan(10);
      for (const { id } of people) {
        expect(await peopleViaSql.getPerson(id)).toEqual(await peopleViaPrisma.getPerson(id));
      }
      expect(await peopleViaSql.getPerson("p-nobody")).toBeNull();
      const grants = await db.prisma.roleGrant.findMany({
        select: { role: true, placeId: true, departmentId: true },
      });
      const levels = { grid_worker: "grid", community_admin: "community", street_admin: "street" } as const;
      let compared = 0;
      let loaded = 0;
      for (const grant of grants) {
        const level = levels[grant.role as keyof typeof levels] ?? (grant.departmentId ? "department" : null);
        if (!level) continue;
        const unit = { level, unitPlaceId: grant.placeId, departmentId: grant.departmentId };
        const handlers = await peopleViaSql.handlersOf(unit);
        expect(handlers).toEqual(await peopleViaPrisma.handlersOf(unit));
        const ids = handlers.map((h) => h.personId);
        const open = await peopleViaSql.openTicketCounts(ids);
        expect(open).toEqual(await peopleViaPrisma.openTicketCounts(ids));
        compared++;
        loaded += open.size;
      }
      expect(compared).toBeGreaterThan(3);
      expect(loaded).toBeGreaterThan(0);
    });

    it("chat identities: who is behind one, and where a person is reached privately", async () => {
      const { db, peopleViaSql, peopleViaPrisma } = await setup();
      const cache = new ReferenceCache(0);
      const viaSql = new SqliteChatDirectory(db.prisma, db.sqlite!, peopleViaSql, cache);
      const viaPrisma = new PrismaChatDirectory(db.prisma, peopleViaPrisma, cache);
      const identities = await db.prisma.chatIdentity.findMany();
      expect(identities.length).toBeGreaterThan(5);
      for (const identity of identities) {
        expect(await viaSql.findPersonByIdentity(identity.channel, identity.externalId)).toEqual(
          await viaPrisma.findPersonByIdentity(identity.channel, identity.externalId),
        );
        expect(await viaSql.privateAddressOf(identity.personId)).toEqual(
          await viaPrisma.privateAddressOf(identity.personId),
        );
      }
      const someone = identities[0]!;
      await viaSql.touchIdentity(someone.channel, someone.externalId, T0);
      const touched = await db.prisma.chatIdentity.findUnique({
        where: { channel_externalId: { channel: someone.channel, externalId: someone.externalId } },
      });
      expect(touched!.lastSeenAt).toEqual(T0);
    });
  },
);
