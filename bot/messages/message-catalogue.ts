import type { ErrorCode } from "../../core/shared/error-codes";
import type { TicketState } from "../../core/tickets/ticket";
import type { BoardMessages } from "./board-messages";
import type { BookingMessages } from "./booking-messages";
import type { PointsMessages } from "./points-messages";
import type { RegistryMessages } from "./registry-messages";
import type { SummaryMessages } from "./summary-messages";
import type { WarningMessages } from "./warning-messages";

/** Everything the bot says, as functions of plain data. One implementation per language. */
export interface MessageCatalogue {
  readonly stateName: Record<TicketState, string>;
  readonly errors: Record<ErrorCode, string>;
  apology(): string;
  tooFast(): string;
  unrecognised(): string;
  help(isWorker: boolean, isAdmin: boolean): string;
  chitchat(): string;
  askBuilding(): string;
  publicArea(): string;
  homeRemembered(building: string): string;
  askCategory(): string;
  otherCategory(): string;
  askMoreDetail(): string;
  askDescriptionForMedia(): string;
  noPlaceKnown(): string;
  filedGroup(p: {
    number: string;
    category: string;
    handler: string | null;
    deadline: string | null;
  }): string;
  filedTriage(p: { number: string }): string;
  filedMerged(p: { number: string; supporters: number }): string;
  safetyAdvice(kind: "gas" | "fire" | "medical" | "lift" | "general"): string;
  sentPrivately(): string;
  myTicketsHeader(count: number): string;
  noTickets(): string;
  ticketLine(p: {
    number: string;
    category: string;
    state: string;
    handler: string | null;
    deadline: string | null;
    overdue: boolean;
  }): string;
  tasksHeader(count: number): string;
  noTasks(): string;
  scopeHeader(p: { scope: string; open: number; overdue: number }): string;
  onlyForStaff(): string;
  onlyForAdmins(): string;
  // notices
  dispatched(p: TicketText): string;
  escalatedToYou(p: TicketText & { reason: string | null }): string;
  escalatedAway(p: { number: string; level: string }): string;
  reassignedAway(p: { number: string }): string;
  nudge(p: TicketText & { left: string }): string;
  triageNeeded(p: TicketText & { reason: string | null }): string;
  accepted(p: { number: string; handler: string | null; deadline: string | null }): string;
  resolvedAskConfirm(p: { number: string; note: string | null; autoClose: string | null }): string;
  resolvedForFollower(p: { number: string; note: string | null }): string;
  reopened(p: TicketText & { reason: string | null }): string;
  closed(p: { number: string }): string;
  askRating(p: { number: string }): string;
  cancelled(p: { number: string; reason: string | null }): string;
  mergedInto(p: { number: string; into: string | null }): string;
  supporterAdded(p: { number: string; text: string | null }): string;
  breached(p: { number: string; level: string }): string;
  // worker and reporter actions
  buttonSignFor(): string;
  buttonReturn(): string;
  buttonResolve(): string;
  buttonConfirm(): string;
  buttonReject(): string;
  signedFor(p: { number: string; deadline: string | null }): string;
  askReturnReason(p: { number: string }): string;
  returned(p: { number: string }): string;
  askResolveNote(p: { number: string }): string;
  resolvedByWorker(p: { number: string }): string;
  confirmedThanks(p: { number: string }): string;
  rejectedNoted(p: { number: string }): string;
  askRejectReason(p: { number: string }): string;
  ratedThanks(p: { rating: number }): string;
  whichTicket(): string;
  levelName(level: string): string;
  reassigned(p: { number: string; to: string }): string;
  dispatchedBy(p: { number: string; to: string }): string;
  commandUsage(command: string): string;
  languageSet(): string;
  locationReceived(): string;
  readonly voice: VoiceMessages;
  readonly bookings: BookingMessages;
  readonly points: PointsMessages;
  readonly registry: RegistryMessages;
  readonly warnings: WarningMessages;
  readonly board: BoardMessages;
  readonly summary: SummaryMessages;
}

/** Voice notes: what the resident hears back, and what the grid worker who listens is asked. */
export interface VoiceMessages {
  heard(p: { text: string }): string;
  filedUntranscribed(p: { number: string; seconds: number }): string;
  keptNoPlace(p: { seconds: number }): string;
  forWorker(p: { number: string; place: string; reporter: string; seconds: number; reason: string }): string;
  buttonType(): string;
  buttonCategory(): string;
  askTranscript(p: { number: string }): string;
  transcriptSaved(p: { number: string }): string;
  pickCategory(p: { number: string }): string;
  triaged(p: { number: string; category: string; handler: string | null }): string;
  autoTranscribed(p: { number: string; text: string }): string;
  audioCaption(p: { number: string; seconds: number }): string;
  /** Why a worker must listen when no speech-to-text server is configured at all. */
  noRecognition(): string;
}

export interface TicketText {
  readonly number: string;
  readonly category: string;
  readonly place: string;
  readonly text: string;
  readonly deadline: string | null;
  readonly priority: string;
}
