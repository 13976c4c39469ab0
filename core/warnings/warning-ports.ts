import type { RegistryRepository } from "../registry/registry-ports";
import type { Clock } from "../shared/clock";
import type { IdGenerator } from "../shared/ids";
import type { GovernanceDirectory, PeopleDirectory } from "../tickets/governance-directory";
import type { WarningRules } from "./warning-rules";

export type WarningRule = "cluster" | "spike" | "repeat" | "exposure";

/** What a warning rule reads of a case. Merged duplicates and cancelled reports are never cases here. */
export interface CaseFact {
  readonly id: string;
  readonly number: string;
  readonly categoryCode: string | null;
  readonly placeId: string;
  readonly placePath: string;
  readonly state: string;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
  readonly text: string;
}

/** The evidence a warning carries: enough to show why, and to tell a new cluster from a grown one. */
export interface WarningEvidence {
  readonly cases: readonly { readonly id: string; readonly number: string }[];
  /** cluster: the window; spike: today's count and the usual level. */
  readonly windowHours?: number;
  readonly count?: number;
  readonly baseline?: { readonly mean: number; readonly counts: readonly number[]; readonly pValue: number };
  /** repeat: the earlier case that was closed (or the case reopened). */
  readonly previous?: { readonly id: string; readonly number: string; readonly closedAt: string | null };
  /** exposure: the registered residents to check on (ids; names are read, and audited, when sent). */
  readonly residentIds?: readonly string[];
}

export interface Warning {
  readonly id: string;
  readonly rule: WarningRule;
  readonly key: string;
  readonly placeId: string;
  readonly placePath: string;
  readonly categoryCode: string | null;
  readonly evidence: WarningEvidence;
  readonly raisedAt: Date;
  readonly updatedAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedById: string | null;
  readonly note: string | null;
}

export interface WarningRepository {
  /**
   * The ranges below include their end (a case filed at the very instant the rules run counts).
   * Cases created in [from, to]: neither merged nor cancelled.
   */
  casesCreated(from: Date, to: Date): Promise<CaseFact[]>;
  /** Closed cases whose closedAt is in [from, to]. */
  casesClosed(from: Date, to: Date): Promise<CaseFact[]>;
  /** Cases reopened in [from, to]: the case and the event. */
  reopenings(
    from: Date,
    to: Date,
  ): Promise<{ readonly case: CaseFact; readonly eventId: string; readonly at: Date }[]>;
  /** How many cases of each category were created in [from, to] at each place (building) path. */
  countsCreated(
    from: Date,
    to: Date,
  ): Promise<{ categoryCode: string | null; placePath: string; count: number }[]>;
  /** false: a warning with this key exists (the same evidence, raised before). */
  create(warning: Warning): Promise<boolean>;
  /** The newest warning of a rule for a place and category raised since `since`. */
  latestFor(
    rule: WarningRule,
    placeId: string,
    categoryCode: string | null,
    since: Date,
  ): Promise<Warning | null>;
  updateEvidence(id: string, evidence: WarningEvidence, at: Date): Promise<void>;
  get(id: string): Promise<Warning | null>;
  /** Only while unacknowledged: false when someone acknowledged it first. */
  acknowledge(id: string, personId: string, note: string | null, at: Date): Promise<boolean>;
  /** Warnings raised in [from, to) under a path, newest first. */
  raisedBetween(withinPath: string, from: Date, to: Date): Promise<Warning[]>;
}

export interface WarningDeps {
  readonly warnings: WarningRepository;
  readonly registry: Pick<RegistryRepository, "search">;
  readonly places: Pick<GovernanceDirectory, "getPlace">;
  readonly people: PeopleDirectory;
  readonly rules: WarningRules;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly timeZone: string;
}
