import type {
  BoardItem,
  BoardItemChange,
  BoardItemTally,
  BoardRepository,
  NewBoardItem,
  OpenItemsQuery,
  ResidentUnit,
  UnitCall,
  UnitCallAnswer,
} from "../board/board-ports";
import { isWithin } from "../places/place";
import type { AuditEntryInput, AuditLog } from "../registry/registry-ports";
import type { Department } from "../tickets/governance-directory";

/**
 * The board's port in memory, for tests of core. Each write runs without an await inside, so it
 * is atomic as a conditional UPDATE is; the same contracts run on SQLite and PostgreSQL.
 */
export class InMemoryBoard implements BoardRepository {
  readonly units = new Map<string, ResidentUnit>();
  readonly items = new Map<string, BoardItem>();
  readonly calls = new Map<string, UnitCall>();
  readonly answers: UnitCallAnswer[] = [];
  private lastNumber = 0;

  constructor(private readonly departments: readonly Department[] = []) {}

  async createUnit(unit: ResidentUnit) {
    this.units.set(unit.id, unit);
  }

  async getUnit(id: string) {
    return this.units.get(id) ?? null;
  }

  async unitsOfContact(personId: string) {
    return [...this.units.values()].filter((u) => u.contactId === personId);
  }

  async unitsUnder(scopePath: string) {
    return [...this.units.values()]
      .filter((u) => isWithin(u.placePath, scopePath))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async createItem(item: NewBoardItem) {
    const stored: BoardItem = { ...item, number: ++this.lastNumber };
    this.items.set(item.id, stored);
    return stored;
  }

  async getItem(id: string) {
    return this.items.get(id) ?? null;
  }

  async findItemByNumber(number: number) {
    return [...this.items.values()].find((i) => i.number === number) ?? null;
  }

  async openItems(q: OpenItemsQuery) {
    return [...this.items.values()]
      .filter(
        (i) =>
          i.status === "open" &&
          (q.list === null || i.list === q.list) &&
          q.scopePaths.some((scope) => isWithin(i.placePath, scope)),
      )
      .sort((a, b) => b.number - a.number)
      .slice(0, q.limit);
  }

  async itemsInvolving(personId: string, unitIds: readonly string[], limit: number) {
    const mine = (id: string | null) => id !== null && unitIds.includes(id);
    return [...this.items.values()]
      .filter(
        (i) =>
          i.status !== "cancelled" &&
          (i.posterId === personId ||
            i.claimantId === personId ||
            mine(i.posterUnitId) ||
            mine(i.claimantUnitId)),
      )
      .sort((a, b) => b.number - a.number)
      .slice(0, limit);
  }

  /** Set to run something between the read and the write of the next update (a racing claim). */
  beforeNextUpdate: (() => void) | null = null;

  async updateItem(id: string, expectedVersion: number, change: BoardItemChange, at: Date) {
    const race = this.beforeNextUpdate;
    this.beforeNextUpdate = null;
    race?.();
    const current = this.items.get(id);
    if (!current || current.version !== expectedVersion) return null;
    const updated: BoardItem = { ...current, ...change, version: current.version + 1, updatedAt: at };
    this.items.set(id, updated);
    return updated;
  }

  async tallies(unitIds: readonly string[], since: Date): Promise<BoardItemTally[]> {
    const mine = (id: string | null) => id !== null && unitIds.includes(id);
    return [...this.items.values()].filter(
      (i) => (mine(i.posterUnitId) || mine(i.claimantUnitId)) && i.updatedAt >= since,
    );
  }

  async departmentsUnder(scopePath: string) {
    return this.departments.filter((d) => isWithin(d.placePath, scopePath));
  }

  async createCall(call: UnitCall) {
    this.calls.set(call.id, call);
  }

  async getCall(id: string) {
    return this.calls.get(id) ?? null;
  }

  async recentCalls(scopePath: string, limit: number) {
    return [...this.calls.values()]
      .filter((c) => isWithin(c.placePath, scopePath))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit);
  }

  async answerCall(answer: UnitCallAnswer) {
    if (this.answers.some((a) => a.callId === answer.callId && a.personId === answer.personId)) return false;
    this.answers.push(answer);
    return true;
  }

  async answersOf(callId: string) {
    return this.answers.filter((a) => a.callId === callId);
  }
}

export class InMemoryAuditLog implements AuditLog {
  readonly entries: AuditEntryInput[] = [];

  async record(entry: AuditEntryInput) {
    this.entries.push(entry);
  }
}
