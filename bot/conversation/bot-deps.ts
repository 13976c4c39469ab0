import type {
  ChatDirectory,
  ConversationStateStore,
  InboxRepository,
  OutboxRepository,
} from "../../core/conversation/conversation-ports";
import type { Clock } from "../../core/shared/clock";
import type { TicketDeps } from "../../core/tickets/ticket-deps";
import type { ConfidenceThresholds, Understanding } from "../../core/understanding/understanding";

export interface BotLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** How to reach a user privately on each channel, and whether the channel can. */
export interface ChannelDirectory {
  privateChatIdFor(channel: string, userId: string): string | null;
}

export interface BotDeps {
  readonly tickets: TicketDeps;
  readonly inbox: InboxRepository;
  readonly outbox: OutboxRepository;
  readonly chats: ChatDirectory;
  readonly states: ConversationStateStore;
  readonly understanding: Understanding;
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
