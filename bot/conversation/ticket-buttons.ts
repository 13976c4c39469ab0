import type { ReplyButton } from "../../core/conversation/inbound-message";
import type { Ticket } from "../../core/tickets/ticket";
import type { MessageCatalogue } from "../messages/message-catalogue";

/** Button data: "t:<action>:<ticket id>[:<value>]", kept under Telegram's 64 bytes. */
export type TicketButtonAction = "sign" | "return" | "resolve" | "confirm" | "reject" | "rate";

export function ticketButton(
  label: string,
  action: TicketButtonAction,
  ticketId: string,
  value?: string,
): ReplyButton {
  return { label, data: `t:${action}:${ticketId}${value ? `:${value}` : ""}` };
}

export function parseTicketButton(
  data: string,
): { action: TicketButtonAction; ticketId: string; value: string | null } | null {
  const match = /^t:(sign|return|resolve|confirm|reject|rate):([^:]+)(?::(.+))?$/.exec(data);
  if (!match) return null;
  return { action: match[1] as TicketButtonAction, ticketId: match[2]!, value: match[3] ?? null };
}

/** What the holder of a case can press, by its state. */
export function handlerButtons(ticket: Ticket, words: MessageCatalogue): ReplyButton[][] {
  if (ticket.state === "dispatched") {
    return [
      [
        ticketButton(words.buttonSignFor(), "sign", ticket.id),
        ticketButton(words.buttonReturn(), "return", ticket.id),
        ticketButton(words.buttonResolve(), "resolve", ticket.id),
      ],
    ];
  }
  if (ticket.state === "accepted" || ticket.state === "reopened") {
    return [
      [
        ticketButton(words.buttonResolve(), "resolve", ticket.id),
        ticketButton(words.buttonReturn(), "return", ticket.id),
      ],
    ];
  }
  return [];
}

export function confirmButtons(ticket: Ticket, words: MessageCatalogue): ReplyButton[][] {
  return [
    [
      ticketButton(words.buttonConfirm(), "confirm", ticket.id),
      ticketButton(words.buttonReject(), "reject", ticket.id),
    ],
  ];
}

export function ratingButtons(ticket: Ticket): ReplyButton[][] {
  return [[1, 2, 3, 4, 5].map((n) => ticketButton("★".repeat(n), "rate", ticket.id, String(n)))];
}
