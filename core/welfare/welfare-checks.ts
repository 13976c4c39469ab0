import { z } from "zod";
import type { Person } from "../people/person";
import { mayUseRegistryAt } from "../registry/registry-access";
import type { ResidentRecord } from "../registry/registry-ports";
import { formatAddress, maskPhone } from "../registry/resident";
import { addMinutes, minuteOfDayIn } from "../shared/clock";
import { fail, ok, type Result } from "../shared/result";
import { localDateOf } from "../shared/zoned-time";
import { openTicket } from "../tickets/open-ticket";
import type { Ticket } from "../tickets/ticket";
import type { TicketNotice } from "../tickets/ticket-notice";
import type { WelfareCheck, WelfareDeps, WelfareEnrollment } from "./welfare-ports";

export const enrolInputSchema = z.object({
  residentId: z.string().min(1),
  /** Local minutes after midnight (08:30 → 510). */
  checkMinute: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 - 1),
  /** How long an answer may take before the grid worker is sent to look. */
  graceMinutes: z
    .number()
    .int()
    .min(15)
    .max(12 * 60),
});

/**
 * Enrol a resident in the daily check-in (报平安). Only with their (or their guardian's)
 * consent, by staff holding their building. Returns the code the resident or a family member
 * sends the bot to be the one who answers.
 */
export async function enrolCheckIn(
  deps: WelfareDeps,
  actor: Person,
  raw: z.input<typeof enrolInputSchema>,
): Promise<Result<{ enrollment: WelfareEnrollment; resident: ResidentRecord }>> {
  const input = enrolInputSchema.parse(raw);
  const resident = await deps.registry.getResident(input.residentId);
  if (!resident) return fail("REGISTRY.NOT_FOUND", { residentId: input.residentId });
  if (!mayUseRegistryAt(actor, resident.household.buildingPath)) {
    return fail("REGISTRY.NOT_ALLOWED", { residentId: resident.id });
  }
  if (!resident.consent) return fail("REGISTRY.NO_CONSENT", { residentId: resident.id });
  const at = deps.clock.now();
  const enrollment = await deps.welfare.enrol(
    {
      id: deps.ids.next(),
      residentId: resident.id,
      personId: resident.personId,
      linkCode: deps.newLinkCode(),
      checkMinute: input.checkMinute,
      graceMinutes: input.graceMinutes,
      enrolledById: actor.id,
    },
    at,
  );
  await deps.audit.record({
    at,
    actorId: actor.id,
    action: "welfare.enrol",
    subject: resident.id,
    detail: { checkMinute: input.checkMinute, graceMinutes: input.graceMinutes },
  });
  return ok({ enrollment, resident });
}

/** The resident or a family member sends the code: from now on they are the one asked each day. */
export async function linkCheckIn(
  deps: WelfareDeps,
  personId: string,
  code: string,
): Promise<Result<{ enrollment: WelfareEnrollment; resident: ResidentRecord }>> {
  const enrollment = await deps.welfare.linkByCode(code.trim().toUpperCase(), personId);
  if (!enrollment) return fail("WELFARE.CODE_UNKNOWN");
  const resident = await deps.registry.getResident(enrollment.residentId);
  if (!resident) return fail("REGISTRY.NOT_FOUND", { residentId: enrollment.residentId });
  return ok({ enrollment, resident });
}

export interface CheckInPrompt {
  readonly check: WelfareCheck;
  readonly personId: string;
  readonly residentName: string;
}

/**
 * Today's check-ins whose time has come: one check per enrolment and local day (the database's
 * unique key makes a second sweep, here or on another instance, ask nobody twice).
 */
export async function promptCheckIns(deps: WelfareDeps, at: Date): Promise<CheckInPrompt[]> {
  const date = localDateOf(at, deps.timeZone);
  const due = await deps.welfare.dueForPrompt(date, minuteOfDayIn(at, deps.timeZone), 1000);
  const prompts: CheckInPrompt[] = [];
  for (const enrollment of due) {
    if (!enrollment.personId) continue;
    const check: WelfareCheck = {
      id: deps.ids.next(),
      enrollmentId: enrollment.id,
      date,
      promptedAt: at,
      dueBy: addMinutes(at, enrollment.graceMinutes),
      answeredAt: null,
      missedAt: null,
      ticketId: null,
    };
    if (!(await deps.welfare.createCheck(check))) continue;
    const resident = await deps.registry.getResident(enrollment.residentId);
    prompts.push({ check, personId: enrollment.personId, residentName: resident?.name ?? "" });
  }
  return prompts;
}

/** Any message (or the button) from the person who answers counts as today's check-in. */
export async function answerCheckIns(deps: WelfareDeps, personId: string, at: Date): Promise<WelfareCheck[]> {
  return deps.welfare.answerOpenChecks(personId, at);
}

export interface MissedCheckIn {
  readonly check: WelfareCheck;
  readonly resident: ResidentRecord;
  readonly ticket: Ticket;
  readonly notices: readonly TicketNotice[];
}

/**
 * Check-ins nobody answered within the grace period open an `assistance` case at the resident's
 * building, routed and escalated like any other. The case names the address and the emergency
 * contact (the number masked: the case is seen beyond the grid; the worker gets it whole, privately).
 * Idempotent: the check is claimed before the case opens, and the case's source key is the check.
 */
export async function sweepMissedCheckIns(deps: WelfareDeps, at: Date): Promise<MissedCheckIn[]> {
  const missed: MissedCheckIn[] = [];
  for (const check of await deps.welfare.dueMisses(at, 500)) {
    const enrollment = await deps.welfare.getEnrollment(check.enrollmentId);
    const resident = enrollment ? await deps.registry.getResident(enrollment.residentId) : null;
    if (!enrollment || !resident) continue;
    // Claimed first, so a late answer and the case never both win; a crash after the claim is
    // finished by the next sweep (the case's source key makes opening it again a no-op).
    if (check.missedAt === null && !(await deps.welfare.claimMiss(check.id, at))) continue;
    const building = await deps.places.getPlace(resident.household.buildingId);
    const address = formatAddress(building?.name ?? "", resident.household.unit, resident.household.room);
    const contact = resident.emergencyContactName
      ? `紧急联系人：${resident.emergencyContactName} ${maskPhone(resident.emergencyContactPhone) ?? ""}`.trim()
      : "无紧急联系人";
    const time = `${String(Math.floor(enrollment.checkMinute / 60)).padStart(2, "0")}:${String(enrollment.checkMinute % 60).padStart(2, "0")}`;
    const opened = await openTicket(deps.tickets, {
      reporterId: deps.systemReporterId,
      placeId: resident.household.buildingId,
      text: `报平安未回复：${resident.name}（${address}）${check.date} ${time} 的报平安 ${enrollment.graceMinutes} 分钟内无人回复，请上门或电话确认。${contact}`,
      categoryCode: "assistance",
      priority: "high",
      sourceChannel: "welfare",
      sourceKey: `welfare:${check.id}`,
    });
    if (!opened.ok) throw new Error(`welfare case for ${check.id} failed: ${opened.code}`);
    await deps.welfare.recordMissTicket(check.id, opened.value.ticket.id);
    missed.push({ check, resident, ticket: opened.value.ticket, notices: opened.value.notices });
  }
  return missed;
}
