import { dueBookingReminders } from "../../core/bookings/book-resource";
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import { formatSpan, resourceName } from "../handlers/booking-format";
import { catalogue } from "../messages/format";
import type { BotDeps } from "./bot-deps";

/** Reminders for bookings starting soon, each to the person's private chat, in their language. */
export async function bookingReminders(deps: BotDeps): Promise<OutboundMessage[]> {
  const out: OutboundMessage[] = [];
  for (const booking of await dueBookingReminders(deps.bookings)) {
    const resource = await deps.bookings.bookings.getResource(booking.resourceId);
    const centre = await deps.bookings.bookings.getCentre(booking.centreId);
    const address = await deps.chats.privateAddressOf(booking.personId);
    const chatId = address ? deps.channels.privateChatIdFor(address.channel, address.externalId) : null;
    if (!resource || !address || !chatId) {
      deps.logger.warn(
        { booking: booking.id, personId: booking.personId },
        "no private chat for a booking reminder",
      );
      continue;
    }
    const locale = (await deps.tickets.people.getPerson(booking.personId))?.locale ?? "zh-CN";
    const words = catalogue(locale).bookings;
    out.push({
      channel: address.channel,
      chatId,
      text: words.reminder({
        resource: resourceName(resource, locale),
        when: formatSpan(booking.start, booking.end, locale, deps.bookings.timeZone),
        address: `${centre?.name ?? ""} ${centre?.address ?? ""}`.trim(),
      }),
    });
  }
  return out;
}
