import type { Person, RoleGrant } from "../people/person";
import { isWithin, type Place, placePath } from "../places/place";
import type {
  Department,
  GovernanceDirectory,
  HandlerCandidate,
  PeopleDirectory,
} from "../tickets/governance-directory";
import type { RoutingRule } from "../tickets/routing";
import type { SlaPolicy } from "../tickets/sla";
import type { TicketLevel } from "../tickets/ticket";
import { HANDLER_ROLE } from "../tickets/ticket-permissions";

/** Governance configuration and people in memory, for tests of core. */
export class InMemoryDirectory implements GovernanceDirectory, PeopleDirectory {
  readonly places = new Map<string, Place>();
  readonly people = new Map<string, Person>();
  readonly categories = new Set<string>();
  readonly rules: RoutingRule[] = [];
  readonly policies: SlaPolicy[] = [];
  readonly departments: Department[] = [];
  readonly offDuty = new Set<string>();
  /** Open-ticket counts per person, as the real directory would count them. */
  openTickets: (personId: string) => number = () => 0;

  addPlace(id: string, level: Place["level"], parentId: string | null, name = id): Place {
    const parent = parentId ? this.places.get(parentId) : undefined;
    if (parentId && !parent) throw new Error(`unknown parent ${parentId}`);
    const place: Place = { id, level, parentId, name, path: placePath(parent?.path ?? null, id) };
    this.places.set(id, place);
    return place;
  }

  addPerson(
    id: string,
    grants: { role: RoleGrant["role"]; placeId: string; departmentId?: string }[],
  ): Person {
    const person: Person = {
      id,
      name: id,
      locale: "zh-CN",
      homePlaceId: null,
      grants: grants.map((g) => ({
        role: g.role,
        placeId: g.placeId,
        placePath: this.places.get(g.placeId)!.path,
        departmentId: g.departmentId ?? null,
      })),
    };
    this.people.set(id, person);
    return person;
  }

  addRule(
    categoryCode: string,
    placeId: string,
    level: TicketLevel,
    departmentId: string | null = null,
  ): void {
    const place = this.places.get(placeId)!;
    this.rules.push({
      id: `rule-${this.rules.length + 1}`,
      categoryCode,
      placeId,
      placePath: place.path,
      level,
      departmentId,
    });
  }

  addDepartment(id: string, placeId: string, categoryCodes: string[]): void {
    const place = this.places.get(placeId)!;
    this.departments.push({ id, name: id, placeId, placePath: place.path, categoryCodes });
  }

  async getPlace(id: string) {
    return this.places.get(id) ?? null;
  }

  async placesWithin(withinPath: string, levels: readonly Place["level"][]) {
    return [...this.places.values()].filter((p) => isWithin(p.path, withinPath) && levels.includes(p.level));
  }

  async categoryExists(code: string) {
    return this.categories.has(code);
  }

  async listCategories() {
    return [...this.categories].map((code) => ({
      code,
      nameZh: code,
      nameEn: code,
      descriptionZh: "",
      descriptionEn: "",
    }));
  }

  async routingRules(categoryCode: string) {
    return this.rules.filter((r) => r.categoryCode === categoryCode || r.categoryCode === "*");
  }

  async slaPolicies(categoryCode: string | null) {
    return this.policies.filter((p) => p.categoryCode === categoryCode || p.categoryCode === "*");
  }

  async departmentsFor(categoryCode: string, path: string) {
    return this.departments.filter(
      (d) => d.categoryCodes.includes(categoryCode) && isWithin(path, d.placePath),
    );
  }

  async getPerson(id: string) {
    return this.people.get(id) ?? null;
  }

  async handlersOf(unit: { level: string; unitPlaceId: string | null; departmentId: string | null }) {
    const role = HANDLER_ROLE[unit.level as TicketLevel];
    const found: HandlerCandidate[] = [];
    for (const person of this.people.values()) {
      const holds = person.grants.some((g) =>
        unit.level === "department"
          ? g.role === role && g.departmentId === unit.departmentId
          : g.role === role && g.placeId === unit.unitPlaceId,
      );
      if (holds) {
        found.push({ personId: person.id, onDuty: !this.offDuty.has(person.id) });
      }
    }
    return found;
  }

  /** Every person asked about is recorded in `countedFor`, so tests can see when no count was needed. */
  readonly countedFor: string[][] = [];

  async openTicketCounts(personIds: readonly string[]) {
    this.countedFor.push([...personIds]);
    return new Map(personIds.map((id) => [id, this.openTickets(id)] as const).filter(([, n]) => n > 0));
  }
}
