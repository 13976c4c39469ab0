import type { WelfareCheck, WelfareEnrollment, WelfareRepository } from "../../core/welfare/welfare-ports";
import type { PrismaClient } from "../generated/client";

const DAY_MS = 24 * 60 * 60_000;
const WELFARE_REPORTER_ID = "p-system-welfare";

/** The reporter of the cases missed check-ins open: a person with no chat, named for what it is. */
export async function ensureWelfareReporter(prisma: PrismaClient, at: Date): Promise<string> {
  await prisma.person.upsert({
    where: { id: WELFARE_REPORTER_ID },
    create: { id: WELFARE_REPORTER_ID, name: "报平安", createdAt: at },
    update: {},
  });
  return WELFARE_REPORTER_ID;
}

/** How long the set of people who answer check-ins is reused before it is read again. */
const ANSWERERS_MEMORY_MS = 30_000;

export class PrismaWelfare implements WelfareRepository {
  /**
   * Every message asks "is this person asked for a check-in?": the answer for most is no, so the
   * few who are are kept in memory (read at most every 30 s; a link on this instance adds at once).
   */
  private answerers: { ids: Set<string>; readAt: number } | null = null;

  constructor(private readonly prisma: PrismaClient) {}

  private async answers(personId: string): Promise<boolean> {
    if (!this.answerers || Date.now() - this.answerers.readAt > ANSWERERS_MEMORY_MS) {
      const rows = await this.prisma.welfareEnrollment.findMany({
        where: { personId: { not: null } },
        select: { personId: true },
        distinct: ["personId"],
      });
      this.answerers = { ids: new Set(rows.map((r) => r.personId!)), readAt: Date.now() };
    }
    return this.answerers.ids.has(personId);
  }

  async enrol(input: Omit<WelfareEnrollment, "active">, at: Date): Promise<WelfareEnrollment> {
    const { id, residentId, ...rest } = input;
    if (rest.personId) this.answerers?.ids.add(rest.personId);
    return this.prisma.welfareEnrollment.upsert({
      where: { residentId },
      create: { id, residentId, ...rest, active: true, createdAt: at },
      update: {
        checkMinute: rest.checkMinute,
        graceMinutes: rest.graceMinutes,
        linkCode: rest.linkCode,
        enrolledById: rest.enrolledById,
        active: true,
      },
    });
  }

  findByResident(residentId: string): Promise<WelfareEnrollment | null> {
    return this.prisma.welfareEnrollment.findUnique({ where: { residentId } });
  }

  getEnrollment(id: string): Promise<WelfareEnrollment | null> {
    return this.prisma.welfareEnrollment.findUnique({ where: { id } });
  }

  async linkByCode(code: string, personId: string): Promise<WelfareEnrollment | null> {
    const { count } = await this.prisma.welfareEnrollment.updateMany({
      where: { linkCode: code, active: true },
      data: { personId },
    });
    if (count === 0) return null;
    const linked = await this.prisma.welfareEnrollment.findUnique({ where: { linkCode: code } });
    if (!linked) return null;
    this.answerers?.ids.add(personId);
    // The code is used up once someone answers with it.
    return this.prisma.welfareEnrollment.update({ where: { id: linked.id }, data: { linkCode: null } });
  }

  async stop(residentId: string): Promise<boolean> {
    const { count } = await this.prisma.welfareEnrollment.updateMany({
      where: { residentId, active: true },
      data: { active: false },
    });
    return count > 0;
  }

  async dueForPrompt(date: string, minuteOfDay: number, limit: number): Promise<WelfareEnrollment[]> {
    const due = await this.prisma.welfareEnrollment.findMany({
      where: { active: true, personId: { not: null }, checkMinute: { lte: minuteOfDay } },
      orderBy: { checkMinute: "asc" },
    });
    if (due.length === 0) return [];
    const asked = new Set<string>();
    for (let i = 0; i < due.length; i += 500) {
      const rows = await this.prisma.welfareCheck.findMany({
        where: { date, enrollmentId: { in: due.slice(i, i + 500).map((e) => e.id) } },
        select: { enrollmentId: true },
      });
      for (const row of rows) asked.add(row.enrollmentId);
    }
    return due.filter((e) => !asked.has(e.id)).slice(0, limit);
  }

  async createCheck(check: WelfareCheck): Promise<boolean> {
    try {
      await this.prisma.welfareCheck.create({ data: { ...check } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
  }

  async answerOpenChecks(personId: string, at: Date): Promise<WelfareCheck[]> {
    if (!(await this.answers(personId))) return [];
    const enrollments = await this.prisma.welfareEnrollment.findMany({
      where: { personId },
      select: { id: true },
    });
    if (enrollments.length === 0) return [];
    const where = {
      enrollmentId: { in: enrollments.map((e) => e.id) },
      answeredAt: null,
      promptedAt: { gte: new Date(at.getTime() - 2 * DAY_MS) },
    };
    const open = await this.prisma.welfareCheck.findMany({ where });
    if (open.length === 0) return [];
    await this.prisma.welfareCheck.updateMany({
      where: { id: { in: open.map((c) => c.id) }, answeredAt: null },
      data: { answeredAt: at },
    });
    return open.map((c) => ({ ...c, answeredAt: at }));
  }

  dueMisses(at: Date, limit: number): Promise<WelfareCheck[]> {
    return this.prisma.welfareCheck.findMany({
      where: {
        answeredAt: null,
        dueBy: { lte: at },
        OR: [{ missedAt: null }, { ticketId: null }],
      },
      orderBy: { dueBy: "asc" },
      take: limit,
    });
  }

  async claimMiss(checkId: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.welfareCheck.updateMany({
      where: { id: checkId, answeredAt: null, missedAt: null },
      data: { missedAt: at },
    });
    return count === 1;
  }

  async recordMissTicket(checkId: string, ticketId: string): Promise<void> {
    await this.prisma.welfareCheck.update({ where: { id: checkId }, data: { ticketId } });
  }
}
