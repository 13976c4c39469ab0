import type { Locale, Person } from "../../core/people/person";
import type { BotDeps } from "./bot-deps";

export interface PrivateTarget {
  readonly channel: string;
  readonly chatId: string;
  readonly person: Person | null;
  readonly locale: Locale;
}

/**
 * Where a person is reached privately — the chat identity they used last, on a channel that can
 * reach them — and in which language; null when they have no chat (a resident met at the desk).
 */
export async function privateTarget(deps: BotDeps, personId: string): Promise<PrivateTarget | null> {
  const address = await deps.chats.privateAddressOf(personId);
  const chatId = address ? deps.channels.privateChatIdFor(address.channel, address.externalId) : null;
  if (!address || !chatId) return null;
  const person = await deps.tickets.people.getPerson(personId);
  return { channel: address.channel, chatId, person, locale: person?.locale ?? "zh-CN" };
}
