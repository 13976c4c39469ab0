import type { OutboundMessage } from "../conversation/inbound-message";
import type { RegistryDeps } from "../registry/registry-ports";
import type { VulnerableTag } from "../registry/resident";

export type BroadcastKind = "notice" | "duty_call";
export type BroadcastAnswer = "ack" | "yes" | "no";

export interface Broadcast {
  readonly id: string;
  readonly authorId: string;
  readonly placeId: string;
  readonly placePath: string;
  readonly kind: BroadcastKind;
  readonly text: string;
  readonly askAck: boolean;
  /** queueing: recipients still wait for the outbox; queued: every message is in it. */
  readonly status: "queueing" | "queued";
  readonly recipients: number;
  readonly createdAt: Date;
}

export interface BroadcastRecipient {
  readonly id: string;
  readonly broadcastId: string;
  readonly channel: string;
  readonly chatId: string;
  readonly kind: "group" | "person";
  readonly personId: string | null;
  readonly householdId: string | null;
  /** When its message went into the outbox; null while it waits. */
  readonly queuedAt: Date | null;
}

/** A person a broadcast reaches privately, and the household they speak for. */
export interface PersonTarget {
  readonly personId: string;
  readonly householdId: string | null;
}

export interface BroadcastProgress {
  readonly recipients: number;
  readonly queued: number;
  readonly sent: number;
  readonly failed: number;
  readonly acknowledgedHouseholds: number;
  readonly answers: Readonly<Record<BroadcastAnswer, number>>;
}

export interface UnreachedHousehold {
  readonly householdId: string;
  readonly buildingId: string;
  readonly unit: string | null;
  readonly room: string;
  readonly residents: readonly {
    readonly id: string;
    readonly name: string;
    readonly phone: string | null;
    readonly tags: readonly VulnerableTag[];
  }[];
}

export interface BroadcastRepository {
  /** The group chats bound to places under the scope. */
  groupsUnder(scopePath: string): Promise<{ channel: string; chatId: string }[]>;
  /** Residents with a chat account under the scope, and family members answering their welfare checks. */
  linkedResidentsUnder(scopePath: string): Promise<PersonTarget[]>;
  /** Volunteers (and grid workers) holding a role under the scope: the ones a duty call goes to. */
  volunteersUnder(scopePath: string): Promise<PersonTarget[]>;
  /** The broadcast and all its recipients, in one transaction. */
  create(broadcast: Broadcast, recipients: readonly BroadcastRecipient[]): Promise<void>;
  get(id: string): Promise<Broadcast | null>;
  /** Broadcasts with recipients still to queue (oldest first): what a restart resumes. */
  unfinished(): Promise<Broadcast[]>;
  /**
   * Up to `limit` recipients of a channel not yet queued: their messages go into the outbox and
   * their `queuedAt` is set in the same transaction; a recipient queued meanwhile by another
   * instance makes the whole batch roll back (none is queued twice). Returns how many were queued.
   */
  queueBatch(
    broadcastId: string,
    channel: string,
    limit: number,
    render: (recipient: BroadcastRecipient) => OutboundMessage,
    at: Date,
  ): Promise<number>;
  /** Channels that still have recipients to queue. */
  channelsLeft(broadcastId: string): Promise<string[]>;
  markQueued(broadcastId: string, at: Date): Promise<void>;
  /** One answer per person (a second press changes it). */
  respond(
    broadcastId: string,
    personId: string,
    householdId: string | null,
    answer: BroadcastAnswer,
    at: Date,
  ): Promise<void>;
  progress(broadcastId: string): Promise<BroadcastProgress>;
  /** Households under the scope with no acknowledgement, vulnerable ones (most tags) first. */
  unreachedHouseholds(
    broadcastId: string,
    scopePath: string,
    limit: number,
  ): Promise<{ total: number; households: UnreachedHousehold[] }>;
  /** Recent broadcasts that reached a scope (published over it or inside it), newest first. */
  recent(scopePath: string, limit: number): Promise<Broadcast[]>;
}

export interface BroadcastDeps extends RegistryDeps {
  readonly broadcasts: BroadcastRepository;
  /** Where each person is reached privately (their last-used chat), in a few reads; those with none are absent. */
  readonly privateChatsOf: (
    personIds: readonly string[],
  ) => Promise<ReadonlyMap<string, { channel: string; chatId: string }>>;
}
