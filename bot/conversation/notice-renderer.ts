import type { OutboundMessage } from "../../core/conversation/inbound-message";
import type { Locale } from "../../core/people/person";
import type { Ticket } from "../../core/tickets/ticket";
import type { TicketNotice } from "../../core/tickets/ticket-notice";
import { catalogue, excerpt, formatDuration, formatWhen } from "../messages/format";
import type { TicketText } from "../messages/message-catalogue";
import type { BotDeps } from "./bot-deps";
import { privateTarget } from "./private-chat";
import { confirmButtons, handlerButtons, ratingButtons } from "./ticket-buttons";

/** Describe a ticket for a notice, in the recipient's language. */
export async function ticketText(
  deps: BotDeps,
  ticket: Ticket,
  locale: Locale,
  deadline: Date | null,
): Promise<TicketText> {
  const place = await deps.tickets.directory.getPlace(ticket.placeId);
  return {
    number: ticket.number,
    category: await categoryName(deps, ticket.categoryCode, locale),
    place: place?.name ?? ticket.placeId,
    text: excerpt(ticket.originalText, 300),
    deadline: formatWhen(deadline, locale, deps.settings.timeZone),
    priority: ticket.priority,
  };
}

export async function categoryName(deps: BotDeps, code: string | null, locale: Locale): Promise<string> {
  if (!code) return locale === "en" ? "unclassified" : "待分类";
  const category = (await deps.tickets.directory.listCategories()).find((c) => c.code === code);
  if (!category) return code;
  return locale === "en" ? category.nameEn : category.nameZh;
}

export async function personName(deps: BotDeps, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  return (await deps.tickets.people.getPerson(personId))?.name ?? null;
}

/**
 * Turn core's notices into private messages: each recipient on the channel they used last,
 * in their language, with the buttons they can press.
 */
export async function renderNotices(
  deps: BotDeps,
  notices: readonly TicketNotice[],
  /** Tickets the caller holds as just committed: not read again. */
  known: readonly Ticket[] = [],
): Promise<OutboundMessage[]> {
  const out: OutboundMessage[] = [];
  for (const notice of notices) {
    const ticket =
      known.find((t) => t.id === notice.ticketId) ?? (await deps.tickets.tickets.findById(notice.ticketId));
    if (!ticket) continue;
    for (const personId of notice.to) {
      const address = await deps.chats.privateAddressOf(personId);
      const chatId = address ? deps.channels.privateChatIdFor(address.channel, address.externalId) : null;
      if ((!address || !chatId) && personId === ticket.reporterId && ticket.filedById) {
        // Filed at the offline desk for a resident without a chat: the worker who filed it passes it on.
        const relayed = await relayToFiler(deps, notice, ticket);
        if (relayed) out.push(relayed);
        continue;
      }
      if (!address || !chatId) {
        deps.logger.warn(
          { personId, ticket: ticket.number, kind: notice.kind },
          "no private chat for notice",
        );
        continue;
      }
      const person = await deps.tickets.people.getPerson(personId);
      const locale = person?.locale ?? "zh-CN";
      const message = await renderOne(deps, notice, ticket, personId, locale);
      if (message) out.push({ channel: address.channel, chatId, ticketId: ticket.id, ...message });
    }
  }
  return out;
}

async function relayToFiler(
  deps: BotDeps,
  notice: TicketNotice,
  ticket: Ticket,
): Promise<OutboundMessage | null> {
  const filer = await privateTarget(deps, ticket.filedById!);
  if (!filer) return null;
  const reporter = await deps.tickets.people.getPerson(ticket.reporterId);
  const locale = filer.locale;
  const message = await renderOne(deps, notice, ticket, ticket.reporterId, locale);
  if (!message) return null;
  const place = await deps.tickets.directory.getPlace(ticket.placeId);
  const text = catalogue(locale).registry.deskRelay({
    name: reporter?.name ?? "",
    address: place?.name ?? "",
    text: message.text,
  });
  return {
    channel: filer.channel,
    chatId: filer.chatId,
    ticketId: ticket.id,
    text,
    ...(message.buttons ? { buttons: message.buttons } : {}),
  };
}

async function renderOne(
  deps: BotDeps,
  notice: TicketNotice,
  ticket: Ticket,
  personId: string,
  locale: Locale,
): Promise<Pick<OutboundMessage, "text" | "buttons"> | null> {
  const words = catalogue(locale);
  const when = (at: Date | null) => formatWhen(at, locale, deps.settings.timeZone);
  const full = () => ticketText(deps, ticket, locale, notice.deadline);
  switch (notice.kind) {
    case "dispatched":
      return { text: words.dispatched(await full()), buttons: handlerButtons(ticket, words) };
    case "escalated":
      return {
        text: words.escalatedToYou({ ...(await full()), reason: notice.note }),
        buttons: handlerButtons(ticket, words),
      };
    case "escalated_away":
      return { text: words.escalatedAway({ number: ticket.number, level: ticket.level }) };
    case "reassigned_away":
      return { text: words.reassignedAway({ number: ticket.number }) };
    case "nudge": {
      const left = formatDuration((notice.deadline?.getTime() ?? 0) - deps.clock.now().getTime(), locale);
      return { text: words.nudge({ ...(await full()), left }), buttons: handlerButtons(ticket, words) };
    }
    case "triage_needed":
      return { text: words.triageNeeded({ ...(await full()), reason: notice.note }) };
    case "accepted":
      return {
        text: words.accepted({
          number: ticket.number,
          handler: await personName(deps, ticket.assigneeId),
          deadline: when(notice.deadline),
        }),
      };
    case "resolved":
      return personId === ticket.reporterId
        ? {
            text: words.resolvedAskConfirm({
              number: ticket.number,
              note: notice.note,
              autoClose: when(notice.deadline),
            }),
            buttons: confirmButtons(ticket, words),
          }
        : { text: words.resolvedForFollower({ number: ticket.number, note: notice.note }) };
    case "reopened":
      return {
        text: words.reopened({ ...(await full()), reason: notice.note }),
        buttons: handlerButtons(ticket, words),
      };
    case "closed":
      return personId === ticket.reporterId && ticket.rating === null
        ? { text: words.askRating({ number: ticket.number }), buttons: ratingButtons(ticket) }
        : { text: words.closed({ number: ticket.number }) };
    case "cancelled":
      return { text: words.cancelled({ number: ticket.number, reason: notice.note }) };
    case "merged":
      return { text: words.mergedInto({ number: ticket.number, into: notice.note }) };
    case "supporter_added":
      return {
        text: words.supporterAdded({
          number: ticket.number,
          text: notice.note ? excerpt(notice.note, 60) : null,
        }),
      };
    case "sla_breached":
      return { text: words.breached({ number: ticket.number, level: ticket.level }) };
    default:
      return null;
  }
}
