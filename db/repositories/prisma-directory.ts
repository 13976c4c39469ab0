import type { Locale, Person, Role } from "../../core/people/person";
import type { Place, PlaceLevel } from "../../core/places/place";
import type {
  Department,
  GovernanceDirectory,
  HandlerCandidate,
  PeopleDirectory,
} from "../../core/tickets/governance-directory";
import type { RoutingRule } from "../../core/tickets/routing";
import type { SlaPolicy } from "../../core/tickets/sla";
import { ACTIVE_STATES, type Priority, type TicketLevel } from "../../core/tickets/ticket";
import { HANDLER_ROLE } from "../../core/tickets/ticket-permissions";
import type { PrismaClient } from "../generated/client";
import { NO_REFERENCE_CACHE, type ReferenceCache } from "./reference-cache";
import { ShortMemory } from "./short-memory";
import { pathRange } from "./ticket-row-mapping";

export function toPlace(row: {
  id: string;
  level: string;
  parentId: string | null;
  name: string;
  path: string;
}): Place {
  return {
    id: row.id,
    level: row.level as PlaceLevel,
    parentId: row.parentId,
    name: row.name,
    path: row.path,
  };
}

/** A place by id through the reference cache (shared by the directories). */
export async function cachedPlace(
  prisma: PrismaClient,
  cache: ReferenceCache,
  id: string,
): Promise<Place | null> {
  return cache.get(`place:${id}`, async () => {
    const row = await prisma.place.findUnique({ where: { id } });
    return row ? toPlace(row) : null;
  });
}

/** Places, categories, routing, SLA and departments, read from the database (see ReferenceCache). */
export class PrismaGovernanceDirectory implements GovernanceDirectory {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReferenceCache = NO_REFERENCE_CACHE,
  ) {}

  async getPlace(id: string) {
    return cachedPlace(this.prisma, this.cache, id);
  }

  async placesWithin(withinPath: string, levels: readonly PlaceLevel[]) {
    const rows = await this.prisma.place.findMany({
      where: { path: pathRange(withinPath), level: { in: [...levels] } },
      orderBy: { path: "asc" },
    });
    return rows.map(toPlace);
  }

  async categoryExists(code: string) {
    return (await this.listCategories()).some((category) => category.code === code);
  }

  async listCategories() {
    return this.cache.get("categories", () =>
      this.prisma.category.findMany({
        where: { active: true },
        orderBy: { sortOrder: "asc" },
        select: { code: true, nameZh: true, nameEn: true, descriptionZh: true, descriptionEn: true },
      }),
    );
  }

  async routingRules(categoryCode: string): Promise<RoutingRule[]> {
    return this.cache.get(`routing:${categoryCode}`, async () => {
      const rules = await this.prisma.routingRule.findMany({
        where: { categoryCode: { in: [categoryCode, "*"] } },
      });
      const places = await this.prisma.place.findMany({
        where: { id: { in: [...new Set(rules.map((r) => r.placeId))] } },
        select: { id: true, path: true },
      });
      const pathOf = new Map(places.map((p) => [p.id, p.path]));
      return rules.flatMap((rule) => {
        const placePath = pathOf.get(rule.placeId);
        return placePath ? [{ ...rule, placePath, level: rule.level as TicketLevel }] : [];
      });
    });
  }

  /**
   * The SLA table is small (categories × priorities) and kept whole as one entry: a sweep's
   * escalations across categories read it once, not once per category.
   */
  async slaPolicies(categoryCode: string | null): Promise<SlaPolicy[]> {
    const all = await this.cache.get("sla", async () =>
      (await this.prisma.slaPolicy.findMany()).map((row) => ({ ...row, priority: row.priority as Priority })),
    );
    return all.filter((policy) => policy.categoryCode === "*" || policy.categoryCode === categoryCode);
  }

  async departmentsFor(categoryCode: string, placePath: string): Promise<Department[]> {
    const rows = await this.prisma.department.findMany({
      where: { categories: { some: { categoryCode } } },
      include: { categories: { select: { categoryCode: true } } },
    });
    const places = await this.prisma.place.findMany({
      where: { id: { in: rows.map((r) => r.placeId) } },
      select: { id: true, path: true },
    });
    const pathOf = new Map(places.map((p) => [p.id, p.path]));
    return rows.flatMap((row) => {
      const departmentPath = pathOf.get(row.placeId);
      if (!departmentPath || !placePath.startsWith(departmentPath)) return [];
      return [
        {
          id: row.id,
          name: row.name,
          placeId: row.placeId,
          placePath: departmentPath,
          categoryCodes: row.categories.map((c) => c.categoryCode),
        },
      ];
    });
  }
}

export interface PersonWithGrants {
  readonly id: string;
  readonly name: string;
  readonly locale: string;
  readonly homePlaceId: string | null;
  readonly grants: readonly { role: string; placeId: string; departmentId: string | null }[];
}

/**
 * People, their roles over places, and who handles a unit. A person read is kept for
 * `rememberMs` (2 s in the app): one message reads its sender and the worker it goes to several
 * times over. Changes made through the chat directory call `forget`; another instance's changes
 * show after the 2 s. Who is on duty is always read afresh (handlersOf).
 */
export class PrismaPeopleDirectory implements PeopleDirectory {
  private readonly remembered: ShortMemory<Person>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReferenceCache = NO_REFERENCE_CACHE,
    rememberMs = 0,
  ) {
    this.remembered = new ShortMemory(rememberMs);
  }

  /** How long a read is kept, for the chat directory's own short memory. */
  get rememberMs(): number {
    return this.remembered.forMs;
  }

  forget(personId: string): void {
    this.remembered.forget(personId);
  }

  getPerson(id: string): Promise<Person | null> {
    return this.remembered.get(id, () => this.readPerson(id));
  }

  protected async readPerson(id: string): Promise<Person | null> {
    const row = await this.prisma.person.findUnique({ where: { id }, include: { grants: true } });
    return row ? this.toPerson(row) : null;
  }

  /** A person row and its grants as core's Person, each grant with its place's path. */
  protected async toPerson(row: PersonWithGrants): Promise<Person> {
    const places = await Promise.all(
      [...new Set(row.grants.map((g) => g.placeId))].map((placeId) =>
        cachedPlace(this.prisma, this.cache, placeId),
      ),
    );
    const pathOf = new Map(places.flatMap((p) => (p ? [[p.id, p.path] as const] : [])));
    return {
      id: row.id,
      name: row.name,
      locale: row.locale as Locale,
      homePlaceId: row.homePlaceId,
      grants: row.grants.flatMap((g) => {
        const placePath = pathOf.get(g.placeId);
        return placePath
          ? [{ role: g.role as Role, placeId: g.placeId, placePath, departmentId: g.departmentId }]
          : [];
      }),
    };
  }

  async handlersOf(unit: { level: string; unitPlaceId: string | null; departmentId: string | null }) {
    const role = HANDLER_ROLE[unit.level as TicketLevel];
    if (!role) return [];
    const where =
      unit.level === "department"
        ? { role, departmentId: unit.departmentId ?? "" }
        : { role, placeId: unit.unitPlaceId ?? "" };
    const grants = await this.prisma.roleGrant.findMany({
      where,
      select: { personId: true, person: { select: { onDuty: true } } },
    });
    const seen = new Set<string>();
    const candidates: HandlerCandidate[] = [];
    for (const grant of grants) {
      if (seen.has(grant.personId)) continue;
      seen.add(grant.personId);
      candidates.push({ personId: grant.personId, onDuty: grant.person.onDuty });
    }
    return candidates;
  }

  async openTicketCounts(personIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    if (personIds.length === 0) return new Map();
    const open = await this.prisma.ticket.groupBy({
      by: ["assigneeId"],
      where: { assigneeId: { in: [...personIds] }, state: { in: [...ACTIVE_STATES] } },
      _count: { _all: true },
    });
    return new Map(
      open.flatMap((row) => (row.assigneeId ? [[row.assigneeId, row._count._all] as const] : [])),
    );
  }
}
