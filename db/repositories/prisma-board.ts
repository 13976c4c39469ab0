import type {
  BoardItem,
  BoardItemChange,
  BoardItemTally,
  BoardList,
  BoardRepository,
  BoardStatus,
  NewBoardItem,
  OpenItemsQuery,
  ResidentUnit,
  UnitCall,
  UnitCallAnswer,
  UnitKind,
} from "../../core/board/board-ports";
import type { Department } from "../../core/tickets/governance-directory";
import type { PrismaClient } from "../generated/client";
import { pathRange } from "./ticket-row-mapping";

/** SQLite's adapter caps a statement at 999 parameters: `in` lists go in chunks under it. */
const CHUNK = 500;
/** Two posts at once may pick the same next number; the loser takes the one after. */
const NUMBER_ATTEMPTS = 20;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export class PrismaBoard implements BoardRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async createUnit(unit: ResidentUnit): Promise<void> {
    await this.prisma.residentUnit.create({ data: unit });
  }

  async getUnit(id: string): Promise<ResidentUnit | null> {
    const row = await this.prisma.residentUnit.findUnique({ where: { id } });
    return row ? toUnit(row) : null;
  }

  async unitsOfContact(personId: string): Promise<ResidentUnit[]> {
    const rows = await this.prisma.residentUnit.findMany({
      where: { contactId: personId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toUnit);
  }

  async unitsUnder(scopePath: string): Promise<ResidentUnit[]> {
    const rows = await this.prisma.residentUnit.findMany({
      where: { placePath: pathRange(scopePath) },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return rows.map(toUnit);
  }

  async createItem(item: NewBoardItem): Promise<BoardItem> {
    for (let attempt = 1; ; attempt++) {
      const last = await this.prisma.boardItem.aggregate({ _max: { number: true } });
      try {
        const row = await this.prisma.boardItem.create({
          data: { ...item, number: (last._max.number ?? 0) + 1 },
        });
        return toItem(row);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= NUMBER_ATTEMPTS) throw error;
      }
    }
  }

  async getItem(id: string): Promise<BoardItem | null> {
    const row = await this.prisma.boardItem.findUnique({ where: { id } });
    return row ? toItem(row) : null;
  }

  async findItemByNumber(number: number): Promise<BoardItem | null> {
    const row = await this.prisma.boardItem.findUnique({ where: { number } });
    return row ? toItem(row) : null;
  }

  async openItems(query: OpenItemsQuery): Promise<BoardItem[]> {
    if (query.scopePaths.length === 0) return [];
    const rows = await this.prisma.boardItem.findMany({
      where: {
        status: "open",
        ...(query.list ? { list: query.list } : {}),
        OR: query.scopePaths.map((scope) => ({ placePath: pathRange(scope) })),
      },
      orderBy: { number: "desc" },
      take: query.limit,
    });
    return rows.map(toItem);
  }

  async itemsInvolving(personId: string, unitIds: readonly string[], limit: number): Promise<BoardItem[]> {
    // Twice in the statement, so half a chunk: nobody is the contact of hundreds of units.
    const units = unitIds.slice(0, CHUNK / 2);
    const rows = await this.prisma.boardItem.findMany({
      where: {
        status: { not: "cancelled" },
        OR: [
          { posterId: personId },
          { claimantId: personId },
          ...(units.length ? [{ posterUnitId: { in: units } }, { claimantUnitId: { in: units } }] : []),
        ],
      },
      orderBy: { number: "desc" },
      take: limit,
    });
    return rows.map(toItem);
  }

  async updateItem(
    id: string,
    expectedVersion: number,
    change: BoardItemChange,
    at: Date,
  ): Promise<BoardItem | null> {
    // Conditional on the version read: of two claims of one version, exactly one matches a row.
    const { count } = await this.prisma.boardItem.updateMany({
      where: { id, version: expectedVersion },
      data: { ...change, version: expectedVersion + 1, updatedAt: at },
    });
    return count === 1 ? this.getItem(id) : null;
  }

  async tallies(unitIds: readonly string[], since: Date): Promise<BoardItemTally[]> {
    const byId = new Map<string, BoardItemTally>();
    for (let i = 0; i < unitIds.length; i += CHUNK) {
      const ids = unitIds.slice(i, i + CHUNK);
      // One side per statement: two `in` lists of a chunk each would pass SQLite's 999 parameters.
      for (const side of [{ posterUnitId: { in: ids } }, { claimantUnitId: { in: ids } }]) {
        const rows = await this.prisma.boardItem.findMany({
          where: { updatedAt: { gte: since }, ...side },
          select: {
            id: true,
            list: true,
            status: true,
            posterUnitId: true,
            claimantUnitId: true,
            createdAt: true,
            claimedAt: true,
            doneAt: true,
            hours: true,
          },
        });
        // An item between two units (or posted and claimed by one) comes twice.
        for (const { id, ...row } of rows) {
          byId.set(id, { ...row, list: row.list as BoardList, status: row.status as BoardStatus });
        }
      }
    }
    return [...byId.values()];
  }

  async departmentsUnder(scopePath: string): Promise<Department[]> {
    // Departments are few (tens): read them all and keep those answering to a place in the scope.
    const rows = await this.prisma.department.findMany({
      include: { categories: { select: { categoryCode: true } } },
      orderBy: { id: "asc" },
    });
    const places = await this.prisma.place.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.placeId))].slice(0, CHUNK) } },
      select: { id: true, path: true },
    });
    const pathOf = new Map(places.map((p) => [p.id, p.path]));
    return rows.flatMap((row) => {
      const placePath = pathOf.get(row.placeId);
      if (!placePath?.startsWith(scopePath)) return [];
      return [
        {
          id: row.id,
          name: row.name,
          placeId: row.placeId,
          placePath,
          categoryCodes: row.categories.map((c) => c.categoryCode),
        },
      ];
    });
  }

  async createCall(call: UnitCall): Promise<void> {
    await this.prisma.unitCall.create({ data: call });
  }

  getCall(id: string): Promise<UnitCall | null> {
    return this.prisma.unitCall.findUnique({ where: { id } });
  }

  recentCalls(scopePath: string, limit: number): Promise<UnitCall[]> {
    return this.prisma.unitCall.findMany({
      where: { placePath: pathRange(scopePath) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    });
  }

  async answerCall(answer: UnitCallAnswer): Promise<boolean> {
    try {
      await this.prisma.unitCallAnswer.create({ data: answer });
      return true;
    } catch (error) {
      // One answer per person and call (the primary key): a second press changes nothing.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  answersOf(callId: string): Promise<UnitCallAnswer[]> {
    return this.prisma.unitCallAnswer.findMany({ where: { callId }, orderBy: { at: "asc" } });
  }
}

function toUnit(row: {
  id: string;
  name: string;
  kind: string;
  placeId: string;
  placePath: string;
  contactId: string;
  createdAt: Date;
}): ResidentUnit {
  return { ...row, kind: row.kind as UnitKind };
}

function toItem(row: Omit<BoardItem, "list" | "status"> & { list: string; status: string }): BoardItem {
  return { ...row, list: row.list as BoardList, status: row.status as BoardStatus };
}
