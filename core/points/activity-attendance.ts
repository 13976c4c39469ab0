import type { Person } from "../people/person";
import { addMinutes } from "../shared/clock";
import { fail, ok, type Result } from "../shared/result";
import { distanceMetres } from "./geo";
import type { PointsDeps } from "./points-deps";
import { administers } from "./points-permissions";
import type { PointsRules } from "./points-rules";
import type { ActivitySignup, VolunteerActivity } from "./volunteer-activity";

export interface Attendance {
  readonly activity: VolunteerActivity;
  readonly action: "in" | "out";
  /** Granted at check-out (null at check-in). */
  readonly points: number | null;
  readonly balance: number | null;
}

type Mine = { signup: ActivitySignup; activity: VolunteerActivity };

/**
 * Points for attending: a flat amount, or the rate × the time inside the activity's window,
 * rounded down to the configured minutes.
 */
export function attendancePoints(
  activity: Pick<VolunteerActivity, "startsAt" | "endsAt" | "pointsPerHour" | "pointsFlat">,
  checkedInAt: Date,
  checkedOutAt: Date,
  rules: PointsRules,
): number {
  if (activity.pointsFlat !== null) return activity.pointsFlat;
  const rate = activity.pointsPerHour ?? rules.defaultPointsPerHour;
  const from = Math.max(checkedInAt.getTime(), activity.startsAt.getTime());
  const to = Math.min(checkedOutAt.getTime(), activity.endsAt.getTime());
  const minutes = Math.max(0, Math.floor((to - from) / 60_000));
  const counted = Math.floor(minutes / rules.roundingMinutes) * rules.roundingMinutes;
  return Math.floor((counted * rate) / 60);
}

const normalise = (code: string) => code.normalize("NFKC").trim().toLowerCase();

function canCheckIn(deps: PointsDeps, activity: VolunteerActivity, now: Date): boolean {
  return now >= addMinutes(activity.startsAt, -deps.rules.checkinEarlyMinutes) && now <= activity.endsAt;
}

function canCheckOut(deps: PointsDeps, activity: VolunteerActivity, now: Date): boolean {
  return now >= activity.startsAt && now <= addMinutes(activity.endsAt, deps.rules.checkoutGraceMinutes);
}

/**
 * "签到 绿化123" / "签退 绿化123": the code word picks which of the person's activities.
 * POINTS.NOT_SIGNED_UP when they have none coming, POINTS.CHECKIN_WRONG_CODE when the word is
 * not one of theirs, POINTS.OUT_OF_WINDOW when it is not the time.
 */
export async function checkInWithCode(
  deps: PointsDeps,
  input: { personId: string; action: "in" | "out"; code: string },
): Promise<Result<Attendance>> {
  const now = deps.clock.now();
  const mine = await mineAround(deps, input.personId, now);
  if (mine.length === 0) return fail("POINTS.NOT_SIGNED_UP");
  const matching = mine.filter((m) => normalise(m.activity.checkinCode) === normalise(input.code));
  if (matching.length === 0) return fail("POINTS.CHECKIN_WRONG_CODE");
  const fits = input.action === "in" ? canCheckIn : canCheckOut;
  const open = matching.find((m) => fits(deps, m.activity, now));
  if (!open) return fail("POINTS.OUT_OF_WINDOW");
  return input.action === "in" ? checkIn(deps, open, now) : checkOut(deps, open, now);
}

/**
 * A location pin: checks in (or, once in, out of) the person's activity that is on now, when
 * the pin is within its radius. POINTS.NO_OPEN_ACTIVITY when nothing of theirs with a place is
 * on now, so the bot can treat the pin as something else (a report's location).
 */
export async function checkInWithLocation(
  deps: PointsDeps,
  input: { personId: string; latitude: number; longitude: number },
): Promise<Result<Attendance>> {
  const now = deps.clock.now();
  const open = (await mineAround(deps, input.personId, now)).filter(
    (m) =>
      m.activity.latitude !== null &&
      m.activity.longitude !== null &&
      m.signup.checkedOutAt === null &&
      (m.signup.checkedInAt === null
        ? canCheckIn(deps, m.activity, now)
        : canCheckOut(deps, m.activity, now)),
  );
  if (open.length === 0) return fail("POINTS.NO_OPEN_ACTIVITY");
  const measured = open
    .map((m) => ({
      m,
      metres: distanceMetres(input, { latitude: m.activity.latitude!, longitude: m.activity.longitude! }),
    }))
    .sort((a, b) => a.metres - b.metres);
  const nearest = measured[0]!;
  const radius = nearest.m.activity.radiusMetres ?? deps.rules.checkinRadiusMetres;
  if (nearest.metres > radius)
    return fail("POINTS.CHECKIN_TOO_FAR", { metres: Math.round(nearest.metres), radius });
  return nearest.m.signup.checkedInAt === null
    ? checkIn(deps, nearest.m, now)
    : checkOut(deps, nearest.m, now);
}

/** The organiser (or an admin over the place) vouches for someone: their points are granted. */
export async function confirmAttendance(
  deps: PointsDeps,
  input: { actor: Person; activityId: string; personId: string },
): Promise<Result<Attendance>> {
  const activity = await deps.activities.findById(input.activityId);
  if (!activity) return fail("POINTS.ACTIVITY_NOT_FOUND");
  if (activity.organiserId !== input.actor.id && !administers(input.actor, activity.placePath))
    return fail("POINTS.NOT_ALLOWED");
  const now = deps.clock.now();
  if (now < activity.startsAt) return fail("POINTS.OUT_OF_WINDOW");
  const signup = await deps.activities.findSignup(activity.id, input.personId);
  if (!signup) return fail("POINTS.NOT_SIGNED_UP");
  if (signup.pointsGranted !== null) return fail("POINTS.ALREADY_GRANTED");
  // Checked in and out: what they did; otherwise the organiser vouches for the whole window.
  const points =
    signup.checkedInAt && signup.checkedOutAt
      ? attendancePoints(activity, signup.checkedInAt, signup.checkedOutAt, deps.rules)
      : attendancePoints(activity, activity.startsAt, activity.endsAt, deps.rules);
  return grant(deps, activity, signup, points, input.actor.id, now);
}

async function mineAround(deps: PointsDeps, personId: string, now: Date): Promise<Mine[]> {
  return deps.activities.signupsOf(personId, addMinutes(now, -deps.rules.checkoutGraceMinutes));
}

async function checkIn(deps: PointsDeps, mine: Mine, now: Date): Promise<Result<Attendance>> {
  if (mine.signup.checkedInAt !== null) return fail("POINTS.ALREADY_CHECKED_IN");
  if (!(await deps.activities.markCheckedIn(mine.signup.id, now))) return fail("POINTS.ALREADY_CHECKED_IN");
  return ok({ activity: mine.activity, action: "in", points: null, balance: null });
}

async function checkOut(deps: PointsDeps, mine: Mine, now: Date): Promise<Result<Attendance>> {
  const { signup, activity } = mine;
  if (signup.checkedInAt === null) return fail("POINTS.NOT_CHECKED_IN");
  if (signup.pointsGranted !== null) return fail("POINTS.ALREADY_GRANTED");
  // A check-out already stored but not yet paid (a crash in between) is paid now, for that time.
  const outAt = signup.checkedOutAt ?? now;
  if (signup.checkedOutAt === null && !(await deps.activities.markCheckedOut(signup.id, outAt)))
    return fail("POINTS.ALREADY_GRANTED");
  const points = attendancePoints(activity, signup.checkedInAt, outAt, deps.rules);
  return grant(deps, activity, signup, points, null, now);
}

/** Ledger first (idempotent on the key), then the sign-up's note of it: a retry pays once. */
async function grant(
  deps: PointsDeps,
  activity: VolunteerActivity,
  signup: ActivitySignup,
  points: number,
  actorId: string | null,
  now: Date,
): Promise<Result<Attendance>> {
  let balance: number | null = null;
  if (points > 0) {
    const recorded = await deps.ledger.record({
      id: deps.ids.next(),
      personId: signup.personId,
      amount: points,
      kind: "activity",
      reason: activity.title,
      reference: activity.id,
      actorId,
      communityId: activity.communityId,
      idempotencyKey: `activity:${activity.id}:${signup.personId}`,
      createdAt: now,
    });
    if (!recorded.ok) return recorded;
    balance = recorded.value.balance;
  }
  await deps.activities.markGranted(signup.id, points, now);
  return ok({ activity, action: "out", points, balance });
}
