import type { Person } from "../people/person";
import type { Place } from "../places/place";
import type { InboundMessage, OutboundMessage } from "./inbound-message";

export interface StoredInbound {
  readonly id: string;
  readonly message: InboundMessage;
  readonly receivedAt: Date;
}

/**
 * How long the instance that stored (or recovered) a message has to process it before another
 * may: far longer than a message takes, short enough that a crash is repaired within minutes.
 */
export const INBOX_PROCESSING_LEASE_MS = 2 * 60_000;

/** Every message is stored before anything else happens; unique on channel + messageId. */
export interface InboxRepository {
  /**
   * `duplicate` when this channel + messageId was stored before (a redelivery, or the same update
   * pushed to another instance): nothing new is written. The row is claimed for the lease.
   */
  store(message: InboundMessage, receivedAt: Date): Promise<{ id: string; duplicate: boolean }>;
  markProcessed(id: string, outcome: string, at: Date): Promise<void>;
  markFailed(id: string, error: string, at: Date): Promise<void>;
  /**
   * Stored but never processed and no longer claimed (the instance died in between): claim them
   * for this caller, oldest first. Two instances recovering at once get different messages.
   */
  claimUnprocessed(now: Date, limit: number): Promise<StoredInbound[]>;
}

export interface QueuedOutbound {
  readonly id: string;
  readonly message: OutboundMessage;
  readonly attempts: number;
}

/** A claimed reply not marked sent or failed by then (the sender died) is due again. */
export const OUTBOX_SENDING_LEASE_MS = 60_000;

/** Replies wait here until their channel delivered them; retried with backoff. */
export interface OutboxRepository {
  enqueue(messages: readonly OutboundMessage[], causedBy: string | null, at: Date): Promise<QueuedOutbound[]>;
  /**
   * Pending messages of a channel whose next attempt is due, oldest first, claimed for this caller
   * (their next attempt moves past OUTBOX_SENDING_LEASE_MS): two instances never both send one.
   */
  claimDue(channel: string, now: Date, limit: number): Promise<QueuedOutbound[]>;
  markSent(id: string, platformMessageId: string, at: Date): Promise<void>;
  /** `retryAt` null: give up (permanent failure or too many attempts). */
  markAttemptFailed(id: string, error: string, retryAt: Date | null): Promise<void>;
  /** The ticket a sent message was about, found by the platform's message id (for "reply to resolve"). */
  ticketOfSentMessage(channel: string, chatId: string, platformMessageId: string): Promise<string | null>;
  pendingCount(): Promise<number>;
}

export interface GroupChatBinding {
  readonly channel: string;
  readonly chatId: string;
  readonly place: Place;
  readonly title: string;
}

/** Who is behind a chat user, and which place a group chat belongs to. */
export interface ChatDirectory {
  findPersonByIdentity(channel: string, externalId: string): Promise<Person | null>;
  /** First contact from an unknown user: a resident with no home yet, linked to this identity. */
  registerResident(channel: string, externalId: string, name: string, at: Date): Promise<Person>;
  /** Remember where a resident lives (and give them the resident role there). */
  setHome(personId: string, buildingId: string): Promise<void>;
  homeOf(personId: string): Promise<Place | null>;
  groupChat(channel: string, chatId: string): Promise<GroupChatBinding | null>;
  /** The buildings below a place (a grid's, or a community's). */
  buildingsUnder(placeId: string): Promise<Place[]>;
  /** Where to reach a person privately: the identity they used most recently. */
  privateAddressOf(personId: string): Promise<{ channel: string; externalId: string } | null>;
  /** The same for many people in a few reads (a broadcast's recipients); people without one are absent. */
  privateAddressesOf(
    personIds: readonly string[],
  ): Promise<Map<string, { channel: string; externalId: string }>>;
  touchIdentity(channel: string, externalId: string, at: Date): Promise<void>;
  setLocale(personId: string, locale: Person["locale"]): Promise<void>;
}

/** A multi-turn form waiting for the person's next message (ask for the building, the return reason…). */
export interface ConversationStateStore {
  get(key: string, now: Date): Promise<Record<string, unknown> | null>;
  set(key: string, state: Record<string, unknown>, expiresAt: Date): Promise<void>;
  clear(key: string): Promise<void>;
}
