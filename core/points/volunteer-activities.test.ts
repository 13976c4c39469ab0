import { describe, expect, it } from "vitest";
import { addMinutes } from "../shared/clock";
import { pointsFixture } from "../testing/points-fixture";
import { unwrap } from "../testing/ticket-fixture";
import {
  attendancePoints,
  checkInWithCode,
  checkInWithLocation,
  confirmAttendance,
} from "./activity-attendance";
import { DEFAULT_POINTS_RULES } from "./points-rules";
import { publishActivity, signUpForActivity, upcomingActivities } from "./volunteer-activities";

async function withActivity(overrides: Record<string, unknown> = {}, rules = {}) {
  const f = pointsFixture(rules);
  const activity = unwrap(
    await publishActivity(f.points, {
      actor: f.people.ca1,
      placeId: "g1",
      title: "绿化养护",
      startsAt: addMinutes(f.T0, 60),
      endsAt: addMinutes(f.T0, 150),
      capacity: 2,
      pointsPerHour: 10,
      checkinCode: "绿化123",
      ...overrides,
    }),
  );
  return { ...f, activity };
}

describe("publishing and signing up", () => {
  it("an admin over the place publishes; others may not; bad input is refused", async () => {
    const { activity, points, people, T0 } = await withActivity();
    expect(activity).toMatchObject({
      communityId: "c1",
      placePath: "/d1/s1/c1/g1/",
      state: "open",
      signedUp: 0,
    });
    const base = {
      placeId: "g1",
      title: "x",
      startsAt: T0,
      endsAt: addMinutes(T0, 60),
      capacity: 1,
      checkinCode: "ab",
    };
    expect(await publishActivity(points, { actor: people.ca2, ...base })).toMatchObject({
      code: "POINTS.NOT_ALLOWED",
    });
    expect(await publishActivity(points, { actor: people.w1, ...base })).toMatchObject({
      code: "POINTS.NOT_ALLOWED",
    });
    expect(await publishActivity(points, { actor: people.sa1, ...base, placeId: "s1" })).toMatchObject({
      code: "POINTS.NO_COMMUNITY",
    });
    expect(await publishActivity(points, { actor: people.ca1, ...base, endsAt: T0 })).toMatchObject({
      code: "POINTS.INVALID_INPUT",
    });
    expect(
      await publishActivity(points, { actor: people.ca1, ...base, pointsPerHour: 5, pointsFlat: 5 }),
    ).toMatchObject({ code: "POINTS.INVALID_INPUT" });
    expect(
      await publishActivity(points, { actor: people.ca1, ...base, checkinCode: "two words" }),
    ).toMatchObject({ code: "POINTS.INVALID_INPUT" });
    // Neither rate nor flat: the configured rate.
    expect(unwrap(await publishActivity(points, { actor: people.ca1, ...base })).pointsPerHour).toBe(
      DEFAULT_POINTS_RULES.defaultPointsPerHour,
    );
    expect((await upcomingActivities(points, "c1")).map((a) => a.title)).toEqual(["x", "绿化养护"]);
  });

  it("capacity holds; signing up twice takes one place", async () => {
    const { activity, points } = await withActivity();
    const one = unwrap(await signUpForActivity(points, { personId: "r1", activityId: activity.id }));
    const again = unwrap(await signUpForActivity(points, { personId: "r1", activityId: activity.id }));
    expect(again).toMatchObject({ already: true, signup: { id: one.signup.id } });
    unwrap(await signUpForActivity(points, { personId: "r2", activityId: activity.id }));
    expect(await signUpForActivity(points, { personId: "r3", activityId: activity.id })).toMatchObject({
      code: "POINTS.ACTIVITY_FULL",
    });
    expect(await signUpForActivity(points, { personId: "r3", activityId: "nope" })).toMatchObject({
      code: "POINTS.ACTIVITY_NOT_FOUND",
    });
  });

  it("no signing up once it has ended", async () => {
    const { activity, points, clock } = await withActivity();
    clock.advanceMinutes(150);
    expect(await signUpForActivity(points, { personId: "r1", activityId: activity.id })).toMatchObject({
      code: "POINTS.OUT_OF_WINDOW",
    });
  });
});

describe("checking in and out", () => {
  it("with the code word: hours inside the window, rounded down, paid at check-out, once", async () => {
    const { activity, points, clock, ledger } = await withActivity();
    unwrap(await signUpForActivity(points, { personId: "r1", activityId: activity.id }));
    const checkIn = (action: "in" | "out", code = "绿化123") =>
      checkInWithCode(points, { personId: "r1", action, code });
    expect(await checkIn("in")).toMatchObject({ code: "POINTS.OUT_OF_WINDOW" }); // 60 min early, 30 allowed
    clock.advanceMinutes(40);
    expect(await checkIn("in", "绿化321")).toMatchObject({ code: "POINTS.CHECKIN_WRONG_CODE" });
    expect(unwrap(await checkIn("in", " 绿化１２３ ")).action).toBe("in"); // full-width digits are the same word
    expect(await checkIn("in")).toMatchObject({ code: "POINTS.ALREADY_CHECKED_IN" });
    clock.advanceMinutes(120); // 2 h after check-in; the activity ended 10 min ago
    const out = unwrap(await checkIn("out"));
    // Counted from the start (not the early check-in) to the end: 90 min → 15 points at 10/h.
    expect(out).toMatchObject({ action: "out", points: 15, balance: 15 });
    expect(await checkIn("out")).toMatchObject({ code: "POINTS.ALREADY_GRANTED" });
    expect(ledger.entries.map((e) => e.idempotencyKey)).toEqual([`activity:${activity.id}:r1`]);
  });

  it("without a sign-up, or checking out before checking in", async () => {
    const { activity, points, clock } = await withActivity();
    clock.advanceMinutes(60);
    expect(await checkInWithCode(points, { personId: "r1", action: "in", code: "绿化123" })).toMatchObject({
      code: "POINTS.NOT_SIGNED_UP",
    });
    unwrap(await signUpForActivity(points, { personId: "r1", activityId: activity.id }));
    expect(await checkInWithCode(points, { personId: "r1", action: "out", code: "绿化123" })).toMatchObject({
      code: "POINTS.NOT_CHECKED_IN",
    });
  });

  it("with a location pin inside the radius: in, then out", async () => {
    const { activity, points, clock } = await withActivity({
      latitude: 30.0,
      longitude: 120.0,
      radiusMetres: 100,
    });
    unwrap(await signUpForActivity(points, { personId: "r1", activityId: activity.id }));
    const pin = (latitude: number) =>
      checkInWithLocation(points, { personId: "r1", latitude, longitude: 120.0 });
    expect(await pin(30.0)).toMatchObject({ code: "POINTS.NO_OPEN_ACTIVITY" }); // too early
    clock.advanceMinutes(60);
    expect(await pin(30.002)).toMatchObject({ code: "POINTS.CHECKIN_TOO_FAR", detail: { radius: 100 } }); // ~220 m
    expect(unwrap(await pin(30.0005)).action).toBe("in"); // ~55 m
    clock.advanceMinutes(61);
    expect(unwrap(await pin(30.0))).toMatchObject({ action: "out", points: 10 }); // 61 min → 60 → 10
    expect(await pin(30.0)).toMatchObject({ code: "POINTS.NO_OPEN_ACTIVITY" });
  });

  it("the organiser confirms attendance: the whole window unless they checked in and out", async () => {
    const { activity, points, people, clock } = await withActivity({ pointsPerHour: null, pointsFlat: 30 });
    unwrap(await signUpForActivity(points, { personId: "r1", activityId: activity.id }));
    const confirm = (actor: keyof typeof people, personId = "r1") =>
      confirmAttendance(points, { actor: people[actor], activityId: activity.id, personId });
    expect(await confirm("ca1")).toMatchObject({ code: "POINTS.OUT_OF_WINDOW" });
    clock.advanceMinutes(90);
    expect(await confirm("r2")).toMatchObject({ code: "POINTS.NOT_ALLOWED" });
    expect(await confirm("ca1", "r2")).toMatchObject({ code: "POINTS.NOT_SIGNED_UP" });
    expect(unwrap(await confirm("sa1"))).toMatchObject({ points: 30, balance: 30 });
    expect(await confirm("ca1")).toMatchObject({ code: "POINTS.ALREADY_GRANTED" });
  });
});

describe("attendance points", () => {
  const rules = { ...DEFAULT_POINTS_RULES, roundingMinutes: 30 };
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
  const hourly = { startsAt: at(0), endsAt: at(180), pointsPerHour: 12, pointsFlat: null };
  it.each([
    [0, 59, 6], // 59 min → 30
    [0, 60, 12],
    [-30, 400, 36], // capped at the window: 3 h
    [170, 200, 0], // 10 min inside
    [100, 90, 0], // out before in
  ])("in at %i, out at %i → %i", (inAt, outAt, expected) => {
    expect(attendancePoints(hourly, at(inAt), at(outAt), rules)).toBe(expected);
  });
  it("flat points whatever the time", () => {
    expect(attendancePoints({ ...hourly, pointsPerHour: null, pointsFlat: 25 }, at(0), at(5), rules)).toBe(
      25,
    );
  });
});
