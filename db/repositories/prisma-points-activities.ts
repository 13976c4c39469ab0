import type {
  ActivityRepository,
  ActivitySignup,
  VolunteerActivity,
} from "../../core/points/volunteer-activity";
import { fail, ok, type Result } from "../../core/shared/result";
import type { VolunteerActivity as ActivityRow, Prisma, PrismaClient } from "../generated/client";

function toActivity(row: ActivityRow): VolunteerActivity {
  return { ...row, state: row.state === "cancelled" ? "cancelled" : "open" };
}

class AlreadySignedUp extends Error {
  constructor(readonly signup: ActivitySignup) {
    super("already signed up");
  }
}

/** Volunteer activities and sign-ups on SQLite; writes in their own transactions. */
export class PrismaActivities implements ActivityRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(activity: VolunteerActivity) {
    await this.prisma.$transaction(async (tx) => {
      await tx.volunteerActivity.create({ data: activity });
    });
  }

  async findById(id: string) {
    const row = await this.prisma.volunteerActivity.findUnique({ where: { id } });
    return row ? toActivity(row) : null;
  }

  async listUpcoming(communityId: string, after: Date, limit: number) {
    const rows = await this.prisma.volunteerActivity.findMany({
      where: { communityId, state: "open", endsAt: { gt: after } },
      orderBy: { startsAt: "asc" },
      take: limit,
    });
    return rows.map(toActivity);
  }

  /**
   * The place is taken by a conditional UPDATE (signedUp < capacity) before the sign-up row is
   * written, in one transaction: concurrent sign-ups cannot overfill (the table CHECKs it too).
   */
  async signUp(signup: ActivitySignup): Promise<Result<{ signup: ActivitySignup; already: boolean }>> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const taken = await tx.$executeRaw`UPDATE "VolunteerActivity" SET "signedUp" = "signedUp" + 1
          WHERE "id" = ${signup.activityId} AND "state" = 'open' AND "signedUp" < "capacity"`;
        const first = await tx.activitySignup.findUnique({
          where: { activityId_personId: { activityId: signup.activityId, personId: signup.personId } },
        });
        if (first) throw new AlreadySignedUp(first); // roll the place back
        if (taken !== 1) {
          const exists = await tx.volunteerActivity.count({ where: { id: signup.activityId } });
          return fail(exists ? "POINTS.ACTIVITY_FULL" : "POINTS.ACTIVITY_NOT_FOUND");
        }
        await tx.activitySignup.create({ data: signup });
        return ok({ signup, already: false });
      });
    } catch (error) {
      if (error instanceof AlreadySignedUp) return ok({ signup: error.signup, already: true });
      throw error;
    }
  }

  async findSignup(activityId: string, personId: string) {
    return this.prisma.activitySignup.findUnique({
      where: { activityId_personId: { activityId, personId } },
    });
  }

  async signupsOf(personId: string, endingAfter: Date) {
    const signups = await this.prisma.activitySignup.findMany({ where: { personId } });
    if (signups.length === 0) return [];
    const activities = await this.prisma.volunteerActivity.findMany({
      where: { id: { in: signups.map((s) => s.activityId) }, state: "open", endsAt: { gt: endingAfter } },
      orderBy: { startsAt: "asc" },
    });
    return activities.flatMap((row) => {
      const signup = signups.find((s) => s.activityId === row.id);
      return signup ? [{ signup, activity: toActivity(row) }] : [];
    });
  }

  private async setOnce(
    where: Prisma.ActivitySignupWhereInput,
    data: Prisma.ActivitySignupUpdateManyMutationInput,
  ) {
    return this.prisma.$transaction(
      async (tx) => (await tx.activitySignup.updateMany({ where, data })).count === 1,
    );
  }

  async markCheckedIn(id: string, at: Date) {
    return this.setOnce({ id, checkedInAt: null }, { checkedInAt: at });
  }

  async markCheckedOut(id: string, at: Date) {
    return this.setOnce({ id, checkedOutAt: null }, { checkedOutAt: at });
  }

  async markGranted(id: string, points: number, at: Date) {
    return this.setOnce({ id, pointsGranted: null }, { pointsGranted: points, grantedAt: at });
  }
}
