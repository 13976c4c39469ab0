import type { CategoryDefinition } from "../categories/default-categories";
import type { Person } from "../people/person";
import type { Place } from "../places/place";
import type { RoutingRule } from "./routing";
import type { SlaPolicy } from "./sla";

export interface Department {
  readonly id: string;
  readonly name: string;
  /** The street or district it answers to. */
  readonly placeId: string;
  readonly placePath: string;
  /** Its 权责清单: the categories it is responsible for. */
  readonly categoryCodes: readonly string[];
}

export interface HandlerCandidate {
  readonly personId: string;
  readonly onDuty: boolean;
}

/** The governance configuration the ticket engine reads: places, routing, SLA, departments. */
export interface GovernanceDirectory {
  getPlace(id: string): Promise<Place | null>;
  /** Only active categories. */
  categoryExists(code: string): Promise<boolean>;
  /** Active categories in display order, with names in both languages. */
  listCategories(): Promise<CategoryDefinition[]>;
  routingRules(categoryCode: string): Promise<RoutingRule[]>;
  slaPolicies(categoryCode: string | null): Promise<SlaPolicy[]>;
  /** Departments responsible for a category, answering to a place that contains `placePath`. */
  departmentsFor(categoryCode: string, placePath: string): Promise<Department[]>;
}

/** The people side: who is who, who handles a unit, whom to tell. */
export interface PeopleDirectory {
  getPerson(id: string): Promise<Person | null>;
  /** People holding the handler role of a unit: a grid's workers, a community's admins, a department's handlers. */
  handlersOf(unit: {
    level: string;
    unitPlaceId: string | null;
    departmentId: string | null;
  }): Promise<HandlerCandidate[]>;
  /**
   * Each person's open cases (ACTIVE_STATES), absent when none: asked only to choose between
   * several handlers, since counting reads a worker's whole backlog.
   */
  openTicketCounts(personIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
}
