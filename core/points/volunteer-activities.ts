import type { Person } from "../people/person";
import { ancestorIdAt } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import type { PointsDeps } from "./points-deps";
import { administers } from "./points-permissions";
import {
  type ActivityInput,
  type ActivitySignup,
  activityInputSchema,
  type VolunteerActivity,
} from "./volunteer-activity";

/** An admin (community admin or above over the place) publishes an activity in a community. */
export async function publishActivity(
  deps: PointsDeps,
  input: { actor: Person } & ActivityInput,
): Promise<Result<VolunteerActivity>> {
  const { actor, ...fields } = input;
  const parsed = activityInputSchema.safeParse(fields);
  if (!parsed.success)
    return fail("POINTS.INVALID_INPUT", { field: String(parsed.error.issues[0]?.path[0]) });
  const a = parsed.data;
  const place = await deps.places.getPlace(a.placeId);
  if (!place) return fail("PLACE.NOT_FOUND", { placeId: a.placeId });
  const communityId = ancestorIdAt(place.path, "community");
  if (!communityId) return fail("POINTS.NO_COMMUNITY");
  if (!administers(actor, place.path)) return fail("POINTS.NOT_ALLOWED");
  const activity: VolunteerActivity = {
    id: deps.ids.next(),
    communityId,
    placeId: place.id,
    placePath: place.path,
    title: a.title,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    capacity: a.capacity,
    signedUp: 0,
    // Neither given: the configured default rate.
    pointsPerHour: a.pointsFlat === null ? (a.pointsPerHour ?? deps.rules.defaultPointsPerHour) : null,
    pointsFlat: a.pointsFlat,
    checkinCode: a.checkinCode,
    latitude: a.latitude,
    longitude: a.longitude,
    radiusMetres: a.radiusMetres,
    organiserId: actor.id,
    state: "open",
    createdAt: deps.clock.now(),
  };
  await deps.activities.create(activity);
  return ok(activity);
}

/** What is coming up (or on now) in a community. */
export async function upcomingActivities(
  deps: PointsDeps,
  communityId: string,
  limit = 10,
): Promise<VolunteerActivity[]> {
  return deps.activities.listUpcoming(communityId, deps.clock.now(), limit);
}

/** A resident takes a place; signing up twice keeps the first sign-up. */
export async function signUpForActivity(
  deps: PointsDeps,
  input: { personId: string; activityId: string },
): Promise<Result<{ activity: VolunteerActivity; signup: ActivitySignup; already: boolean }>> {
  const activity = await deps.activities.findById(input.activityId);
  if (!activity) return fail("POINTS.ACTIVITY_NOT_FOUND");
  if (activity.state !== "open") return fail("POINTS.ACTIVITY_CLOSED");
  const now = deps.clock.now();
  if (now >= activity.endsAt) return fail("POINTS.OUT_OF_WINDOW");
  const taken = await deps.activities.signUp({
    id: deps.ids.next(),
    activityId: activity.id,
    personId: input.personId,
    signedUpAt: now,
    checkedInAt: null,
    checkedOutAt: null,
    pointsGranted: null,
    grantedAt: null,
  });
  if (!taken.ok) return taken;
  return ok({ activity, ...taken.value });
}
