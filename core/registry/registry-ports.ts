import type { Place } from "../places/place";
import type { Clock } from "../shared/clock";
import type { IdGenerator } from "../shared/ids";
import type { Household, Resident, ResidentInput, VulnerableTag } from "./resident";

export interface ResidentRecord extends Resident {
  readonly household: Household;
  readonly tags: readonly VulnerableTag[];
}

export type RegistrySource = "import" | "chat" | "console" | "desk";

export interface ResidentSearch {
  /** Residents of buildings under this path. */
  readonly scopePath: string;
  /** Any of these; empty: everyone. */
  readonly tags: readonly VulnerableTag[];
  /** Only this unit of the building the scope names ("2" for 2单元). */
  readonly unit?: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** The registry of households and residents. Only db/ implements it; every read is audited by the caller. */
export interface RegistryRepository {
  /**
   * Create or replace residents (matched by address and name) in one transaction: all are saved
   * or, on any error, none. A resident who had left and is saved again is back.
   */
  saveResidents(
    inputs: readonly ResidentInput[],
    source: RegistrySource,
    actorId: string | null,
    at: Date,
  ): Promise<{ created: number; updated: number }>;
  /** Moved away or died: kept, but out of lookups and broadcasts. */
  markLeft(residentId: string, actorId: string | null, at: Date): Promise<void>;
  findAt(buildingId: string, unit: string | null, room: string, name: string): Promise<ResidentRecord | null>;
  getResident(id: string): Promise<ResidentRecord | null>;
  search(query: ResidentSearch): Promise<{ total: number; residents: ResidentRecord[] }>;
  count(scopePath: string, tags: readonly VulnerableTag[], unit?: string | null): Promise<number>;
  /** Link a resident to their chat account (a welfare check answered by them, the offline desk). */
  linkPerson(residentId: string, personId: string): Promise<void>;
  /**
   * The resident's chat account, made now if they have none (met at the offline desk): a person
   * living in their building, with no chat identity until they use the bot.
   */
  ensurePersonFor(residentId: string, at: Date): Promise<string>;
  /** The places under a scope (for finding "东山街道" or "春晖社区" among them). */
  placesUnder(scopePath: string): Promise<Place[]>;
  /** The household a person belongs to: as a linked resident, or as the family member answering a welfare check. */
  householdOfPerson(personId: string): Promise<string | null>;
}

export interface AuditEntryInput {
  readonly at: Date;
  readonly actorId: string | null;
  /** "registry.list", "registry.count", "registry.update", "broadcast.publish", … */
  readonly action: string;
  /** What was read or changed: a scope and filter, a resident's id. */
  readonly subject: string;
  /** Why, and how much: the purpose, the request, the ids read. */
  readonly detail: Record<string, unknown>;
}

/** Every read of personal data and every privileged action is written here (append only). */
export interface AuditLog {
  record(entry: AuditEntryInput): Promise<void>;
}

/** The places the registry needs to know. */
export interface RegistryPlaces {
  getPlace(id: string): Promise<Place | null>;
}

export interface RegistryDeps {
  readonly registry: RegistryRepository;
  readonly audit: AuditLog;
  readonly places: RegistryPlaces;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly timeZone: string;
}
