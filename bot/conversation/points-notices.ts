import type { OutboundMessage } from "../../core/conversation/inbound-message";
import { creditClosedTickets } from "../../core/points/verified-report-points";
import type { TicketNotice } from "../../core/tickets/ticket-notice";
import { catalogue } from "../messages/format";
import type { MessageCatalogue } from "../messages/message-catalogue";
import type { BotDeps } from "./bot-deps";

/** A private message to a person, on the channel they used last, in their language; null when unreachable. */
export async function messagePerson(
  deps: BotDeps,
  personId: string,
  render: (words: MessageCatalogue) => string,
): Promise<OutboundMessage | null> {
  const address = await deps.chats.privateAddressOf(personId);
  const chatId = address ? deps.channels.privateChatIdFor(address.channel, address.externalId) : null;
  if (!address || !chatId) {
    deps.logger.warn({ personId }, "no private chat for a points message");
    return null;
  }
  const person = await deps.tickets.people.getPerson(personId);
  return { channel: address.channel, chatId, text: render(catalogue(person?.locale ?? "zh-CN")) };
}

/**
 * Closed tickets among the notices (the reporter confirmed, or the sweep closed it): credit each
 * reporter for a verified report, once per ticket, and tell them.
 */
export async function creditVerifiedReports(
  deps: BotDeps,
  notices: readonly TicketNotice[],
): Promise<OutboundMessage[]> {
  const credited = await creditClosedTickets(deps.points, (id) => deps.tickets.tickets.findById(id), notices);
  const out: OutboundMessage[] = [];
  for (const { ticket, recorded } of credited) {
    deps.logger.info({ ticket: ticket.number, points: recorded.entry.amount }, "verified report credited");
    const message = await messagePerson(deps, ticket.reporterId, (w) =>
      w.points.reportCredited({
        number: ticket.number,
        points: recorded.entry.amount,
        balance: recorded.balance,
      }),
    );
    if (message) out.push(message);
  }
  return out;
}
