import type { BoardDeps } from "../../core/board/board-ports";
import type { BookingDeps } from "../../core/bookings/booking";
import type { BroadcastDeps } from "../../core/broadcast/broadcast-ports";
import type {
  ChatDirectory,
  ConversationStateStore,
  InboxRepository,
  OutboxRepository,
} from "../../core/conversation/conversation-ports";
import type { PointsDeps } from "../../core/points/points-deps";
import type { RegistryDeps } from "../../core/registry/registry-ports";
import type { Clock } from "../../core/shared/clock";
import type { SummaryDeliveryStore } from "../../core/summaries/summary-delivery";
import type { SummaryDeps } from "../../core/summaries/summary-repository";
import type { TicketDeps } from "../../core/tickets/ticket-deps";
import type { ConfidenceThresholds, Understanding } from "../../core/understanding/understanding";
import type { Transcriber } from "../../core/voice/transcriber";
import type { AudioStore, VoiceLimits, VoiceNoteRepository } from "../../core/voice/voice-note";
import type { WarningDeps } from "../../core/warnings/warning-ports";
import type { WelfareDeps } from "../../core/welfare/welfare-ports";
import type { FetchedMedia } from "../channels/channel";
import type { SummaryChartRenderer } from "../charts/chart-setup";

export interface BotLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** How to reach a user privately on each channel, and whether the channel can. */
export interface ChannelDirectory {
  privateChatIdFor(channel: string, userId: string): string | null;
  /** The bytes behind a photo or voice reference the channel put in an inbound message. */
  fetchMedia(channel: string, ref: string): Promise<FetchedMedia>;
}

/** Voice notes: where audio is kept, the notes' records, and speech-to-text when configured. */
export interface VoiceDeps {
  /** The content-addressed media store: voice notes, and the chart images the bot sends too. */
  readonly audio: AudioStore;
  readonly notes: VoiceNoteRepository;
  /** null: no speech-to-text (the offline default); a grid worker types what was said. */
  readonly transcriber: Transcriber | null;
  readonly limits: VoiceLimits;
}

/** Summaries for admins: the figures, the record of daily deliveries, and the chart. */
export interface SummaryBotDeps extends SummaryDeps {
  readonly deliveries: SummaryDeliveryStore;
  /** null: no charts (no CJK font configured); summaries go as text. */
  readonly chart: SummaryChartRenderer | null;
}

export interface BotDeps {
  readonly tickets: TicketDeps;
  readonly inbox: InboxRepository;
  readonly outbox: OutboxRepository;
  readonly chats: ChatDirectory;
  readonly states: ConversationStateStore;
  readonly understanding: Understanding;
  readonly voice: VoiceDeps;
  readonly bookings: BookingDeps;
  readonly points: PointsDeps;
  readonly summaries: SummaryBotDeps;
  /** The residents registry (every read audited), welfare checks and broadcasts. */
  readonly registry: RegistryDeps;
  readonly welfare: WelfareDeps;
  readonly broadcasts: BroadcastDeps;
  /** Early warnings from the case stream: the rules, what was raised, acknowledgements. */
  readonly warnings: WarningDeps;
  /** Resident units, the four lists (双向认领) and unit calls (街道吹哨). */
  readonly board: BoardDeps;
  readonly thresholds: ConfidenceThresholds;
  readonly channels: ChannelDirectory;
  readonly clock: Clock;
  readonly logger: BotLogger;
  readonly settings: {
    readonly timeZone: string;
    /** Messages a person may send per minute before the bot asks them to slow down. */
    readonly messagesPerMinute: number;
  };
}
