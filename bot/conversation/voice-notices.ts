import type { OutboundMessage, ReplyButton } from "../../core/conversation/inbound-message";
import { ancestorIdAt } from "../../core/places/place";
import type { Ticket } from "../../core/tickets/ticket";
import type { VoiceNote } from "../../core/voice/voice-note";
import { catalogue } from "../messages/format";
import type { MessageCatalogue } from "../messages/message-catalogue";
import type { BotDeps } from "./bot-deps";
import { personName } from "./notice-renderer";

const TRANSCRIBE_FAILURES = ["TRANSCRIBE.UNAVAILABLE", "TRANSCRIBE.REJECTED", "TRANSCRIBE.EMPTY"] as const;

export const seconds = (note: Pick<VoiceNote, "durationMs">): number =>
  Math.max(1, Math.round(note.durationMs / 1000));

/** Tie a kept voice note to the ticket it became. */
export async function linkVoiceNote(
  deps: BotDeps,
  noteId: string,
  ticketId: string,
): Promise<VoiceNote | null> {
  const note = await deps.voice.notes.findById(noteId);
  if (!note) return null;
  const linked: VoiceNote = { ...note, ticketId, updatedAt: deps.clock.now() };
  await deps.voice.notes.save(linked);
  return linked;
}

/** Button data: "v:<t|c>:<ticket id>" (type it, choose a category) and "v:k:<ticket id>:<code>" (this category). */
export function voiceButtons(ticketId: string, words: MessageCatalogue): ReplyButton[][] {
  return [
    [
      { label: words.voice.buttonType(), data: `v:t:${ticketId}` },
      { label: words.voice.buttonCategory(), data: `v:c:${ticketId}` },
    ],
  ];
}

/** The private chats of the workers of the ticket's grid (on duty, else all), in their language. */
export async function gridWorkerChats(
  deps: BotDeps,
  ticket: Ticket,
): Promise<{ channel: string; chatId: string; words: MessageCatalogue }[]> {
  const gridId = ancestorIdAt(ticket.placePath, "grid");
  const unit = gridId
    ? { level: "grid", unitPlaceId: gridId, departmentId: null }
    : { level: "community", unitPlaceId: ancestorIdAt(ticket.placePath, "community"), departmentId: null };
  const candidates = await deps.tickets.people.handlersOf(unit);
  const onDuty = candidates.filter((c) => c.onDuty);
  const chats = [];
  for (const { personId } of onDuty.length > 0 ? onDuty : candidates) {
    const address = await deps.chats.privateAddressOf(personId);
    const chatId = address ? deps.channels.privateChatIdFor(address.channel, address.externalId) : null;
    if (!address || !chatId) {
      deps.logger.warn({ personId, ticket: ticket.number }, "no private chat for a voice note to triage");
      continue;
    }
    const words = catalogue((await deps.tickets.people.getPerson(personId))?.locale ?? "zh-CN");
    chats.push({ channel: address.channel, chatId, words });
  }
  return chats;
}

/**
 * The grid workers of the ticket's grid (those on duty, else all of them) get the audio itself,
 * privately, with buttons to type what was said and to pick the category. With no grid (a
 * community-wide place), the community's admins get it.
 */
export async function voiceForGridWorkers(
  deps: BotDeps,
  ticket: Ticket,
  note: VoiceNote,
): Promise<OutboundMessage[]> {
  const failure = TRANSCRIBE_FAILURES.find((code) => code === note.lastError) ?? null;
  const place = (await deps.tickets.directory.getPlace(ticket.placeId))?.name ?? ticket.placeId;
  const reporter = (await personName(deps, ticket.reporterId)) ?? "";
  const out: OutboundMessage[] = [];
  for (const { channel, chatId, words } of await gridWorkerChats(deps, ticket)) {
    out.push({
      channel,
      chatId,
      ticketId: ticket.id,
      text: words.voice.forWorker({
        number: ticket.number,
        place,
        reporter,
        seconds: seconds(note),
        reason: failure
          ? words.errors[failure]
          : deps.voice.transcriber
            ? words.errors["TRANSCRIBE.UNAVAILABLE"]
            : words.voice.noRecognition(),
      }),
      buttons: voiceButtons(ticket.id, words),
      audio: {
        ref: note.audioKey,
        mime: note.mime,
        durationSeconds: seconds(note),
        caption: words.voice.audioCaption({ number: ticket.number, seconds: seconds(note) }),
      },
    });
  }
  return out;
}
