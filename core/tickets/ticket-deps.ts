import type { Clock, QuietHours } from "../shared/clock";
import type { IdGenerator } from "../shared/ids";
import type { TrainingExampleStore } from "../understanding/training-examples";
import type { GovernanceDirectory, PeopleDirectory } from "./governance-directory";
import type { TicketRepository } from "./ticket-repository";

export interface TicketSettings {
  /** IANA zone of the deployment: ticket numbers follow its year. */
  readonly timeZone: string;
  /** A resolved case nobody objects to closes after this many hours. */
  readonly autoCloseHours: number;
  /** A new report joins an open one of the same category and place reported within this window. */
  readonly duplicateWindowHours: number;
  /** …when the texts are at least this similar (0–1). */
  readonly duplicateSimilarity: number;
  /** A case with this many supporters is raised one priority step (low → normal → high). */
  readonly supportersForPriorityRaise: number;
  /** Nudges that fall in these local hours wait until they end, unless the case is urgent; null: no quiet hours. */
  readonly quietHours: QuietHours | null;
}

export const DEFAULT_TICKET_SETTINGS: TicketSettings = {
  timeZone: "Asia/Shanghai",
  autoCloseHours: 72,
  duplicateWindowHours: 72,
  duplicateSimilarity: 0.25,
  supportersForPriorityRaise: 3,
  quietHours: { startMinute: 22 * 60, endMinute: 7 * 60 },
};

export interface TicketDeps {
  readonly tickets: TicketRepository;
  readonly directory: GovernanceDirectory;
  readonly people: PeopleDirectory;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: TicketSettings;
  /** Corrections of a category are kept as training examples for the offline model. */
  readonly examples: TrainingExampleStore;
}
