import type { ResidentRecord, ResidentSearch } from "../registry/registry-ports";
import type {
  CaseFact,
  Warning,
  WarningEvidence,
  WarningRepository,
  WarningRule,
} from "../warnings/warning-ports";

/** A stream of cases built by a test, and the warnings raised from it, in memory. */
export class InMemoryWarnings implements WarningRepository {
  readonly cases: CaseFact[] = [];
  readonly reopened: { case: CaseFact; eventId: string; at: Date }[] = [];
  readonly stored = new Map<string, Warning>();

  async casesCreated(from: Date, to: Date) {
    return this.cases.filter((c) => c.createdAt >= from && c.createdAt <= to).sort(byCreated);
  }

  async casesClosed(from: Date, to: Date) {
    return this.cases.filter((c) => c.closedAt && c.closedAt >= from && c.closedAt <= to);
  }

  async reopenings(from: Date, to: Date) {
    return this.reopened.filter((r) => r.at >= from && r.at <= to);
  }

  async countsCreated(from: Date, to: Date) {
    const counts = new Map<string, { categoryCode: string | null; placePath: string; count: number }>();
    for (const c of await this.casesCreated(from, to)) {
      const key = `${c.categoryCode}|${c.placePath}`;
      const row = counts.get(key) ?? { categoryCode: c.categoryCode, placePath: c.placePath, count: 0 };
      row.count++;
      counts.set(key, row);
    }
    return [...counts.values()];
  }

  async create(warning: Warning) {
    if ([...this.stored.values()].some((w) => w.key === warning.key)) return false;
    this.stored.set(warning.id, warning);
    return true;
  }

  async latestFor(rule: WarningRule, placeId: string, categoryCode: string | null, since: Date) {
    return (
      [...this.stored.values()]
        .filter(
          (w) =>
            w.rule === rule &&
            w.placeId === placeId &&
            w.categoryCode === categoryCode &&
            w.raisedAt >= since,
        )
        .sort((a, b) => b.raisedAt.getTime() - a.raisedAt.getTime())[0] ?? null
    );
  }

  async updateEvidence(id: string, evidence: WarningEvidence, at: Date) {
    const w = this.stored.get(id);
    if (w) this.stored.set(id, { ...w, evidence, updatedAt: at });
  }

  async get(id: string) {
    return this.stored.get(id) ?? null;
  }

  async acknowledge(id: string, personId: string, note: string | null, at: Date) {
    const w = this.stored.get(id);
    if (!w || w.acknowledgedAt) return false;
    this.stored.set(id, { ...w, acknowledgedAt: at, acknowledgedById: personId, note });
    return true;
  }

  async raisedBetween(withinPath: string, from: Date, to: Date) {
    return [...this.stored.values()]
      .filter((w) => w.placePath.startsWith(withinPath) && w.raisedAt >= from && w.raisedAt < to)
      .sort((a, b) => b.raisedAt.getTime() - a.raisedAt.getTime());
  }
}

/** Registered residents by building path, for the exposure rule. */
export class InMemoryResidentSearch {
  constructor(private readonly residents: readonly ResidentRecord[]) {}

  async search(query: ResidentSearch) {
    const found = this.residents.filter(
      (r) =>
        r.household.buildingPath.startsWith(query.scopePath) &&
        (query.tags.length === 0 || r.tags.some((t) => query.tags.includes(t))),
    );
    return { total: found.length, residents: found.slice(query.offset, query.offset + query.limit) };
  }
}

const byCreated = (a: CaseFact, b: CaseFact) => a.createdAt.getTime() - b.createdAt.getTime();
