import { ChannelBudget, queueBroadcast } from "../../core/broadcast/broadcast";
import type { Broadcast, BroadcastRecipient } from "../../core/broadcast/broadcast-ports";
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import { broadcastButton } from "../handlers/broadcast-handler";
import { catalogue } from "../messages/format";
import type { BotDeps } from "./bot-deps";

/**
 * Each tick moves at most this many of a broadcast's messages per channel into the outbox, so the
 * outbox never holds more than the platform takes in a tick (its 429s are still obeyed by the
 * dispatcher) and a resident's ordinary reply never waits behind ten thousand notices.
 */
export type BroadcastPace = (channel: string) => number;

/** The message one recipient gets: the admin's words, who sent them, and the buttons to answer. */
export function renderBroadcast(
  broadcast: Broadcast,
  recipient: BroadcastRecipient,
  from: string,
  locale: "zh-CN" | "en",
): OutboundMessage {
  const words = catalogue(locale).registry;
  const buttons =
    broadcast.kind === "duty_call"
      ? [
          [
            broadcastButton(words.buttonDutyYes(), "yes", broadcast.id),
            broadcastButton(words.buttonDutyNo(), "no", broadcast.id),
          ],
        ]
      : broadcast.askAck
        ? [[broadcastButton(words.buttonAck(), "ack", broadcast.id)]]
        : undefined;
  return {
    channel: recipient.channel,
    chatId: recipient.chatId,
    text: words.broadcast({ kind: broadcast.kind, text: broadcast.text, from, askAck: broadcast.askAck }),
    ...(buttons ? { buttons } : {}),
  };
}

/**
 * One tick of every unfinished broadcast (after a crash too: what was queued is marked, the rest
 * follows). Returns how many messages went into the outbox.
 */
export async function queueBroadcasts(deps: BotDeps, pace: BroadcastPace, at: Date): Promise<number> {
  let queued = 0;
  const budget = new ChannelBudget(pace);
  for (const broadcast of await deps.broadcasts.broadcasts.unfinished()) {
    const author = await deps.tickets.people.getPerson(broadcast.authorId);
    const place = await deps.tickets.directory.getPlace(broadcast.placeId);
    const from = [place?.name, author?.name].filter(Boolean).join(" ");
    const locale = author?.locale ?? "zh-CN";
    queued += await queueBroadcast(
      deps.broadcasts,
      broadcast,
      budget,
      (b, recipient) => renderBroadcast(b, recipient, from, locale),
      at,
    );
  }
  return queued;
}
