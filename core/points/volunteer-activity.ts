import { z } from "zod";
import type { Result } from "../shared/result";

/** A volunteer activity a community publishes: when, where, how many, how it pays, how to check in. */
export interface VolunteerActivity {
  readonly id: string;
  readonly communityId: string;
  readonly placeId: string;
  readonly placePath: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly capacity: number;
  readonly signedUp: number;
  /** Exactly one of the two pays: per hour attended, or per activity. */
  readonly pointsPerHour: number | null;
  readonly pointsFlat: number | null;
  /** The code word said at check-in and check-out, e.g. "绿化123". */
  readonly checkinCode: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly radiusMetres: number | null;
  readonly organiserId: string;
  readonly state: "open" | "cancelled";
  readonly createdAt: Date;
}

export interface ActivitySignup {
  readonly id: string;
  readonly activityId: string;
  readonly personId: string;
  readonly signedUpAt: Date;
  readonly checkedInAt: Date | null;
  readonly checkedOutAt: Date | null;
  /** Set once, when the points were granted. */
  readonly pointsGranted: number | null;
  readonly grantedAt: Date | null;
}

/** What an admin publishes, checked before anything is stored. */
export const activityInputSchema = z
  .object({
    placeId: z.string().min(1).max(64),
    title: z.string().trim().min(1).max(100),
    startsAt: z.date(),
    endsAt: z.date(),
    capacity: z.number().int().min(1).max(10_000),
    pointsPerHour: z.number().int().min(0).max(10_000).nullable().default(null),
    pointsFlat: z.number().int().min(0).max(100_000).nullable().default(null),
    checkinCode: z.string().trim().min(2).max(32).regex(/^\S+$/, "one word, no spaces"),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    radiusMetres: z.number().int().min(10).max(50_000).nullable().default(null),
  })
  .refine((a) => a.endsAt > a.startsAt, { message: "ends before it starts", path: ["endsAt"] })
  .refine((a) => a.endsAt.getTime() - a.startsAt.getTime() <= 7 * 24 * 3_600_000, {
    message: "longer than a week",
    path: ["endsAt"],
  })
  .refine((a) => a.pointsPerHour === null || a.pointsFlat === null, {
    message: "points per hour or per activity, not both",
    path: ["pointsFlat"],
  })
  .refine((a) => (a.latitude === null) === (a.longitude === null), {
    message: "latitude and longitude go together",
    path: ["longitude"],
  });
export type ActivityInput = z.input<typeof activityInputSchema>;

/** Activities and their sign-ups. Capacity holds under concurrency: the repository counts atomically. */
export interface ActivityRepository {
  create(activity: VolunteerActivity): Promise<void>;
  findById(id: string): Promise<VolunteerActivity | null>;
  /** Open activities of a community that have not ended at `after`, soonest first. */
  listUpcoming(communityId: string, after: Date, limit: number): Promise<VolunteerActivity[]>;
  /**
   * Take a place: POINTS.ACTIVITY_FULL when none is left. Signing up twice returns the first
   * sign-up (`already`), taking no second place.
   */
  signUp(signup: ActivitySignup): Promise<Result<{ signup: ActivitySignup; already: boolean }>>;
  findSignup(activityId: string, personId: string): Promise<ActivitySignup | null>;
  /** A person's sign-ups with their activities, for activities ending after `endingAfter`. */
  signupsOf(
    personId: string,
    endingAfter: Date,
  ): Promise<{ signup: ActivitySignup; activity: VolunteerActivity }[]>;
  /** Sets checkedInAt if unset; false when it was already set. */
  markCheckedIn(signupId: string, at: Date): Promise<boolean>;
  /** Sets checkedOutAt if unset; false when it was already set. */
  markCheckedOut(signupId: string, at: Date): Promise<boolean>;
  /** Records the points granted (after the ledger took them); false when already recorded. */
  markGranted(signupId: string, points: number, at: Date): Promise<boolean>;
}
