import { afterEach, describe, expect, it } from "vitest";
import { nearestAlternatives } from "../../core/bookings/availability";
import {
  bookResource,
  cancelBooking,
  dueBookingReminders,
  moveBooking,
} from "../../core/bookings/book-resource";
import type { BookingDeps } from "../../core/bookings/booking";
import type { Person } from "../../core/people/person";
import { fixedClock } from "../../core/shared/clock";
import { counterIds } from "../../core/shared/ids";
import type { Result } from "../../core/shared/result";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaBookings } from "./prisma-bookings";
import { PrismaPeopleDirectory } from "./prisma-directory";

// Monday 2026-11-30 10:00 in Shanghai.
const T0 = new Date("2026-11-30T02:00:00Z");
const at = (local: string) => new Date(`${local}+08:00`);
const WED_19 = at("2026-12-02T19:00:00");
const WED_21 = at("2026-12-02T21:00:00");
const MEETING = "room-chunhui-meeting";

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
  const repo = new PrismaBookings(temp.db.prisma);
  const deps: BookingDeps = {
    bookings: repo,
    clock,
    ids: counterIds("bk"),
    timeZone: "Asia/Shanghai",
    reminderMinutes: 60,
  };
  const people = new PrismaPeopleDirectory(temp.db.prisma);
  const person = async (id: string) => (await people.getPerson(id)) as Person;
  return { ...temp, clock, deps, repo, person };
}

describe(`bookings on ${TEST_DATABASE}`, () => {
  it("50 people booking the same room and time at once: exactly one gets it", async () => {
    const { deps, person, db } = await setup();
    const wang = await person("p-res-wang");
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        bookResource(deps, { person: wang, resourceId: MEETING, start: WED_19, end: WED_21 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "BOOKING.SLOT_TAKEN")).toHaveLength(49);
    expect(await db.prisma.booking.count()).toBe(1);
    expect(await db.prisma.bookingSlot.count()).toBe(4); // 19:00–21:00 in 30-minute slots
  });

  it("overlapping requests race: one wins, and a neighbouring slot is still free", async () => {
    const { deps, person } = await setup();
    const wang = await person("p-res-wang");
    const zhang = await person("p-res-zhang");
    const [a, b] = await Promise.all([
      bookResource(deps, { person: wang, resourceId: MEETING, start: WED_19, end: WED_21 }),
      bookResource(deps, {
        person: zhang,
        resourceId: MEETING,
        start: at("2026-12-02T20:00:00"),
        end: at("2026-12-02T21:00:00"),
      }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    unwrap(
      await bookResource(deps, {
        person: zhang,
        resourceId: MEETING,
        start: at("2026-12-02T17:00:00"),
        end: WED_19,
      }),
    );
  });

  it("checks the rules: hours, length, grid, how far ahead, the past, capacity, who may book", async () => {
    const { deps, person, db } = await setup();
    const wang = await person("p-res-wang");
    const book = (
      start: Date,
      end: Date,
      extra: { resourceId?: string; people?: number; who?: Person } = {},
    ) =>
      bookResource(deps, {
        person: extra.who ?? wang,
        resourceId: extra.resourceId ?? MEETING,
        start,
        end,
        people: extra.people ?? null,
      });
    const code = async (p: Promise<Result<unknown>>) => {
      const r = await p;
      return r.ok ? "ok" : r.code;
    };
    expect(await code(book(at("2026-12-02T21:00:00"), at("2026-12-02T22:00:00")))).toBe("BOOKING.CLOSED");
    expect(await code(book(at("2026-12-02T08:00:00"), at("2026-12-02T09:00:00")))).toBe("BOOKING.CLOSED");
    expect(await code(book(at("2026-12-02T09:00:00"), at("2026-12-02T14:00:00")))).toBe("BOOKING.TOO_LONG");
    expect(await code(book(at("2026-12-02T19:15:00"), at("2026-12-02T20:15:00")))).toBe("BOOKING.BAD_TIME");
    expect(await code(book(at("2026-12-20T19:00:00"), at("2026-12-20T20:00:00")))).toBe(
      "BOOKING.TOO_FAR_AHEAD",
    );
    expect(await code(book(at("2026-11-30T09:00:00"), at("2026-11-30T09:30:00")))).toBe("BOOKING.IN_PAST");
    expect(await code(book(WED_19, WED_21, { people: 30 }))).toBe("BOOKING.TOO_MANY_PEOPLE");
    // A resident of another community cannot book Chunhui's rooms.
    expect(await code(book(WED_19, WED_21, { who: await person("p-res-huang") }))).toBe(
      "BOOKING.NOT_ALLOWED",
    );
    await db.prisma.room.update({ where: { id: MEETING }, data: { bookableBy: "staff" } });
    expect(await code(book(WED_19, WED_21))).toBe("BOOKING.NOT_ALLOWED");
    expect(await code(book(WED_19, WED_21, { who: await person("p-chunhui-1-worker") }))).toBe("ok");
    expect(await db.prisma.bookingSlot.count()).toBe(4);
  });

  it("service appointments follow their own schedule, one slot each", async () => {
    const { deps, person } = await setup();
    const wang = await person("p-res-wang");
    const legal = (start: string, end: string) =>
      bookResource(deps, { person: wang, resourceId: "svc-chunhui-legal", start: at(start), end: at(end) });
    unwrap(await legal("2026-12-01T14:00:00", "2026-12-01T14:30:00")); // Tuesday
    expect(await legal("2026-12-01T14:00:00", "2026-12-01T14:30:00")).toMatchObject({
      code: "BOOKING.SLOT_TAKEN",
    });
    expect(await legal("2026-12-01T14:30:00", "2026-12-01T15:30:00")).toMatchObject({
      code: "BOOKING.TOO_LONG",
    });
    expect(await legal("2026-12-02T14:00:00", "2026-12-02T14:30:00")).toMatchObject({
      code: "BOOKING.CLOSED",
    });
  });

  it("cancel frees the slots; a move claims the new time first and keeps the old one on a clash", async () => {
    const { deps, person, repo } = await setup();
    const wang = await person("p-res-wang");
    const zhang = await person("p-res-zhang");
    const first = unwrap(
      await bookResource(deps, { person: wang, resourceId: MEETING, start: WED_19, end: WED_21 }),
    );
    expect(await cancelBooking(deps, { bookingId: first.id, person: zhang })).toMatchObject({
      code: "BOOKING.NOT_ALLOWED",
    });
    unwrap(await cancelBooking(deps, { bookingId: first.id, person: wang }));
    const second = unwrap(
      await bookResource(deps, { person: zhang, resourceId: MEETING, start: WED_19, end: WED_21 }),
    );
    const mine = unwrap(
      await bookResource(deps, {
        person: wang,
        resourceId: MEETING,
        start: at("2026-12-03T09:00:00"),
        end: at("2026-12-03T10:00:00"),
      }),
    );
    expect(
      await moveBooking(deps, {
        bookingId: mine.id,
        person: wang,
        start: WED_19,
        end: at("2026-12-02T20:00:00"),
      }),
    ).toMatchObject({
      code: "BOOKING.SLOT_TAKEN",
    });
    expect((await repo.findById(mine.id))?.state).toBe("confirmed");
    const moved = unwrap(
      await moveBooking(deps, {
        bookingId: mine.id,
        person: wang,
        start: at("2026-12-03T10:00:00"),
        end: at("2026-12-03T11:30:00"),
      }),
    );
    expect((await repo.findById(mine.id))?.state).toBe("cancelled");
    expect((await repo.listOf("p-res-wang", T0)).map((b) => b.id)).toEqual([moved.id]);
    expect(second.state).toBe("confirmed");
  });

  it("offers the nearest free alternatives: other rooms at the same time first, then nearby times", async () => {
    const { deps, person, repo } = await setup();
    const wang = await person("p-res-wang");
    unwrap(await bookResource(deps, { person: wang, resourceId: MEETING, start: WED_19, end: WED_21 }));
    const resource = (await repo.getResource(MEETING))!;
    const rooms = await repo.resourcesOf(resource.centreId);
    const found = await nearestAlternatives(deps, { resource, start: WED_19, end: WED_21 }, rooms, 3);
    expect(found.map((s) => [s.resource.id, s.start.toISOString()])).toEqual([
      ["room-chunhui-activity", WED_19.toISOString()],
      ["room-chunhui-art", WED_19.toISOString()],
      [MEETING, at("2026-12-02T17:00:00").toISOString()],
    ]);
  });

  it("reminds once, an hour before", async () => {
    const { deps, person, clock } = await setup();
    const wang = await person("p-res-wang");
    const booking = unwrap(
      await bookResource(deps, { person: wang, resourceId: MEETING, start: WED_19, end: WED_21 }),
    );
    expect(booking.remindAt?.toISOString()).toBe(at("2026-12-02T18:00:00").toISOString());
    clock.set(at("2026-12-02T17:59:00"));
    expect(await dueBookingReminders(deps)).toEqual([]);
    clock.set(at("2026-12-02T18:00:00"));
    expect((await dueBookingReminders(deps)).map((b) => b.id)).toEqual([booking.id]);
    expect(await dueBookingReminders(deps)).toEqual([]);
  });
});
