import type {
  CaseFact,
  Warning,
  WarningEvidence,
  WarningRepository,
  WarningRule,
} from "../../core/warnings/warning-ports";
import type { PrismaClient } from "../generated/client";

const CHUNK = 500;
/** Merged reports are duplicates of another case; cancelled ones were withdrawn: neither is a case. */
const NOT_A_CASE = ["merged", "cancelled"];
const caseSelect = {
  id: true,
  number: true,
  categoryCode: true,
  placeId: true,
  placePath: true,
  state: true,
  createdAt: true,
  closedAt: true,
  originalText: true,
} as const;

type CaseRow = {
  id: string;
  number: string;
  categoryCode: string | null;
  placeId: string;
  placePath: string;
  state: string;
  createdAt: Date;
  closedAt: Date | null;
  originalText: string;
};
const toCase = ({ originalText, ...row }: CaseRow): CaseFact => ({ ...row, text: originalText });

type WarningRow = {
  id: string;
  rule: string;
  key: string;
  placeId: string;
  placePath: string;
  categoryCode: string | null;
  evidence: string;
  raisedAt: Date;
  updatedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedById: string | null;
  note: string | null;
};
const toWarning = (row: WarningRow): Warning => ({
  ...row,
  rule: row.rule as WarningRule,
  evidence: JSON.parse(row.evidence) as WarningEvidence,
});

export class PrismaWarnings implements WarningRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async casesCreated(from: Date, to: Date): Promise<CaseFact[]> {
    const rows = await this.prisma.ticket.findMany({
      where: { createdAt: { gte: from, lte: to }, state: { notIn: NOT_A_CASE } },
      select: caseSelect,
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toCase);
  }

  async casesClosed(from: Date, to: Date): Promise<CaseFact[]> {
    const rows = await this.prisma.ticket.findMany({
      where: { closedAt: { gte: from, lte: to }, state: "closed" },
      select: caseSelect,
    });
    return rows.map(toCase);
  }

  async reopenings(from: Date, to: Date) {
    const events = await this.prisma.ticketEvent.findMany({
      where: { type: "rejected", at: { gte: from, lte: to } },
      select: { id: true, ticketId: true, at: true },
    });
    const byId = new Map<string, CaseFact>();
    for (let i = 0; i < events.length; i += CHUNK) {
      const ids = events.slice(i, i + CHUNK).map((e) => e.ticketId);
      for (const row of await this.prisma.ticket.findMany({
        where: { id: { in: ids } },
        select: caseSelect,
      })) {
        byId.set(row.id, toCase(row));
      }
    }
    return events.flatMap((e) => {
      const found = byId.get(e.ticketId);
      return found ? [{ case: found, eventId: e.id, at: e.at }] : [];
    });
  }

  async countsCreated(from: Date, to: Date) {
    const rows = await this.prisma.ticket.groupBy({
      by: ["categoryCode", "placePath"],
      where: { createdAt: { gte: from, lte: to }, state: { notIn: NOT_A_CASE } },
      _count: { _all: true },
    });
    return rows.map((r) => ({ categoryCode: r.categoryCode, placePath: r.placePath, count: r._count._all }));
  }

  async create(warning: Warning): Promise<boolean> {
    try {
      await this.prisma.warning.create({ data: { ...warning, evidence: JSON.stringify(warning.evidence) } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
  }

  async latestFor(rule: WarningRule, placeId: string, categoryCode: string | null, since: Date) {
    const row = await this.prisma.warning.findFirst({
      where: { rule, placeId, categoryCode, raisedAt: { gte: since } },
      orderBy: { raisedAt: "desc" },
    });
    return row ? toWarning(row) : null;
  }

  async updateEvidence(id: string, evidence: WarningEvidence, at: Date): Promise<void> {
    await this.prisma.warning.update({
      where: { id },
      data: { evidence: JSON.stringify(evidence), updatedAt: at },
    });
  }

  async get(id: string) {
    const row = await this.prisma.warning.findUnique({ where: { id } });
    return row ? toWarning(row) : null;
  }

  async acknowledge(id: string, personId: string, note: string | null, at: Date): Promise<boolean> {
    const { count } = await this.prisma.warning.updateMany({
      where: { id, acknowledgedAt: null },
      data: { acknowledgedAt: at, acknowledgedById: personId, note },
    });
    return count === 1;
  }

  async raisedBetween(withinPath: string, from: Date, to: Date) {
    const rows = await this.prisma.warning.findMany({
      where: { placePath: { startsWith: withinPath }, raisedAt: { gte: from, lt: to } },
      orderBy: [{ raisedAt: "desc" }, { id: "desc" }],
    });
    return rows.map(toWarning);
  }
}
