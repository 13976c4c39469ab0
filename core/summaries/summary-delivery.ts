import type { OutboundMessage } from "../conversation/inbound-message";
import type { SummaryRecipient } from "./summary-repository";

/** One summary sent to one person: unique on (personId, scopePlaceId, periodKey). */
export interface SummaryDeliveryKey {
  readonly personId: string;
  readonly scopePlaceId: string;
  /** "day:2026-11-30", "week:2026-11-30". */
  readonly periodKey: string;
}

/**
 * The record of summaries sent, and the outbox they go through. Recording a delivery and
 * queueing its messages is one transaction, decided by the unique key: run the job twice, or on
 * two instances at once, and exactly one run queues the messages.
 */
export interface SummaryDeliveryStore {
  /** Recipients of the daily summary: every grant of these roles. */
  recipients(roles: readonly string[]): Promise<SummaryRecipient[]>;
  /** Keys already recorded (to skip the work of rendering them again). */
  delivered(keys: readonly SummaryDeliveryKey[]): Promise<SummaryDeliveryKey[]>;
  /** Record the delivery and queue its messages; false (and nothing queued) when it was recorded before. */
  queueOnce(key: SummaryDeliveryKey, messages: readonly OutboundMessage[], at: Date): Promise<boolean>;
}

export function deliveryKeyString(key: SummaryDeliveryKey): string {
  return `${key.personId}|${key.scopePlaceId}|${key.periodKey}`;
}
