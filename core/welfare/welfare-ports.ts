import type { RegistryDeps } from "../registry/registry-ports";
import type { TicketDeps } from "../tickets/ticket-deps";

export interface WelfareEnrollment {
  readonly id: string;
  readonly residentId: string;
  /** Who answers: the resident or a family member, once they sent the link code; null before. */
  readonly personId: string | null;
  readonly linkCode: string | null;
  /** Local minutes after midnight. */
  readonly checkMinute: number;
  readonly graceMinutes: number;
  readonly active: boolean;
  readonly enrolledById: string;
}

export interface WelfareCheck {
  readonly id: string;
  readonly enrollmentId: string;
  /** Local date, YYYY-MM-DD. */
  readonly date: string;
  readonly promptedAt: Date;
  readonly dueBy: Date;
  readonly answeredAt: Date | null;
  readonly missedAt: Date | null;
  readonly ticketId: string | null;
}

export interface WelfareRepository {
  /** Enrol (or re-enrol with a new time, reactivated) the resident; one enrolment per resident. */
  enrol(input: Omit<WelfareEnrollment, "active">, at: Date): Promise<WelfareEnrollment>;
  findByResident(residentId: string): Promise<WelfareEnrollment | null>;
  getEnrollment(id: string): Promise<WelfareEnrollment | null>;
  /** The enrolment waiting for this code, now answered by this person (the code is used up). */
  linkByCode(code: string, personId: string): Promise<WelfareEnrollment | null>;
  stop(residentId: string): Promise<boolean>;
  /** Active, linked enrolments whose time has come today and that have no check for `date` yet. */
  dueForPrompt(date: string, minuteOfDay: number, limit: number): Promise<WelfareEnrollment[]>;
  /** false when that day's check already exists (another sweep made it). */
  createCheck(check: WelfareCheck): Promise<boolean>;
  /** Marks this person's unanswered checks (of the last two days) answered; returns them. */
  answerOpenChecks(personId: string, at: Date): Promise<WelfareCheck[]>;
  /** Unanswered and past their grace: not yet missed, or missed but the case not recorded (a crash between). */
  dueMisses(at: Date, limit: number): Promise<WelfareCheck[]>;
  /** Only if still unanswered and not missed: false when the person answered just now (or another sweep took it). */
  claimMiss(checkId: string, at: Date): Promise<boolean>;
  recordMissTicket(checkId: string, ticketId: string): Promise<void>;
}

export interface WelfareDeps extends RegistryDeps {
  readonly welfare: WelfareRepository;
  readonly tickets: TicketDeps;
  /** The reporter of the cases missed check-ins open ("报平安", a person without a chat). */
  readonly systemReporterId: string;
  /** Six characters from an unambiguous alphabet. */
  readonly newLinkCode: () => string;
}
