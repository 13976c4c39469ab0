import type { PointsDeps } from "../points/points-deps";
import type { AuditLog } from "../registry/registry-ports";
import type { Clock } from "../shared/clock";
import type { IdGenerator } from "../shared/ids";
import type { Department, GovernanceDirectory, PeopleDirectory } from "../tickets/governance-directory";
import type { TicketRepository } from "../tickets/ticket-repository";

export const UNIT_KINDS = ["company", "school", "hospital", "shop", "organisation"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 需求清单, 资源清单, 项目清单, 个性清单 (a person's own offer: a doctor's free consultations). */
export const BOARD_LISTS = ["need", "resource", "project", "offer"] as const;
export type BoardList = (typeof BOARD_LISTS)[number];

export const BOARD_STATUSES = ["open", "claimed", "confirmed", "done", "cancelled"] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

/** 驻区单位: registered at a place of the tree, with a contact who uses the bot. */
export interface ResidentUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly placeId: string;
  readonly placePath: string;
  readonly contactId: string;
  readonly createdAt: Date;
}

export interface BoardItem {
  readonly id: string;
  /** Shown as "B12". */
  readonly number: number;
  readonly list: BoardList;
  readonly posterId: string;
  /** The unit posting it; null when a community or a resident does. */
  readonly posterUnitId: string | null;
  readonly placeId: string;
  readonly placePath: string;
  readonly text: string;
  readonly whenText: string | null;
  readonly quantity: number | null;
  readonly status: BoardStatus;
  readonly claimantId: string | null;
  readonly claimantUnitId: string | null;
  readonly claimedAt: Date | null;
  readonly confirmedAt: Date | null;
  readonly doneAt: Date | null;
  /** Person-hours given, recorded when done. */
  readonly hours: number | null;
  /** Bumped by every change: two claims of one version race to one winner. */
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewBoardItem = Omit<BoardItem, "number">;

/** What may change on an item; the repository bumps the version and sets updatedAt. */
export type BoardItemChange = Partial<
  Pick<
    BoardItem,
    "status" | "claimantId" | "claimantUnitId" | "claimedAt" | "confirmedAt" | "doneAt" | "hours"
  >
>;

/** 街道吹哨: a call on the units and departments under a street (or the district). */
export interface UnitCall {
  readonly id: string;
  readonly authorId: string;
  readonly placeId: string;
  readonly placePath: string;
  readonly ticketId: string | null;
  readonly text: string;
  readonly createdAt: Date;
}

/** "报到": one per person and call, counted for the unit or department they answer for. */
export interface UnitCallAnswer {
  readonly callId: string;
  readonly personId: string;
  readonly unitId: string | null;
  readonly departmentId: string | null;
  readonly at: Date;
}

/** The fields contribution counting reads. */
export type BoardItemTally = Pick<
  BoardItem,
  "list" | "status" | "posterUnitId" | "claimantUnitId" | "createdAt" | "claimedAt" | "doneAt" | "hours"
>;

export interface OpenItemsQuery {
  /** Items under any of these paths. */
  readonly scopePaths: readonly string[];
  /** null: all four lists. */
  readonly list: BoardList | null;
  readonly limit: number;
}

/** Units, the board's items and unit calls. Only db/ implements it. */
export interface BoardRepository {
  createUnit(unit: ResidentUnit): Promise<void>;
  getUnit(id: string): Promise<ResidentUnit | null>;
  unitsOfContact(personId: string): Promise<ResidentUnit[]>;
  /** Units registered at places under the scope, by name. */
  unitsUnder(scopePath: string): Promise<ResidentUnit[]>;

  /** Stores the item with the next free number and returns it. */
  createItem(item: NewBoardItem): Promise<BoardItem>;
  getItem(id: string): Promise<BoardItem | null>;
  findItemByNumber(number: number): Promise<BoardItem | null>;
  /** Open items under the scopes, newest first. */
  openItems(query: OpenItemsQuery): Promise<BoardItem[]>;
  /** Items a person posted or claimed, or their units did, not cancelled, newest first. */
  itemsInvolving(personId: string, unitIds: readonly string[], limit: number): Promise<BoardItem[]>;
  /**
   * Apply the change only if the item is still at `expectedVersion` (version + 1, updatedAt = at);
   * null when another change came first (the caller re-reads and decides).
   */
  updateItem(
    id: string,
    expectedVersion: number,
    change: BoardItemChange,
    at: Date,
  ): Promise<BoardItem | null>;
  /** Items posted or claimed by these units and changed since `since` (to count contributions). */
  tallies(unitIds: readonly string[], since: Date): Promise<BoardItemTally[]>;

  /** Departments answering to a place under the scope (a street's own, or all of the district's). */
  departmentsUnder(scopePath: string): Promise<Department[]>;
  createCall(call: UnitCall): Promise<void>;
  getCall(id: string): Promise<UnitCall | null>;
  /** Calls made over places under the scope, newest first. */
  recentCalls(scopePath: string, limit: number): Promise<UnitCall[]>;
  /** False when the person had answered already (nothing is written). */
  answerCall(answer: UnitCallAnswer): Promise<boolean>;
  answersOf(callId: string): Promise<UnitCallAnswer[]>;
}

export interface BoardDeps {
  readonly board: BoardRepository;
  readonly places: Pick<GovernanceDirectory, "getPlace" | "departmentsFor">;
  readonly people: PeopleDirectory;
  readonly tickets: Pick<TicketRepository, "findByNumber" | "findById">;
  /** Volunteers are credited through the points ledger (rate: POINTS_PER_HOUR). */
  readonly points: PointsDeps;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly timeZone: string;
}

export function formatItemNumber(number: number): string {
  return `B${number}`;
}

/** "B12", "b12", "12" → 12. */
export function parseItemNumber(text: string | undefined): number | null {
  const match = /^[Bb]?(\d{1,9})$/.exec(text?.trim() ?? "");
  return match ? Number(match[1]) : null;
}
