import { systemActor } from "../../core/people/person";
import { dispatchTicket } from "../../core/tickets/manage-ticket";
import { confidenceBand } from "../../core/understanding/understanding";
import type { VoiceNote } from "../../core/voice/voice-note";
import { writeDownVoiceNote } from "../../core/voice/voice-tickets";
import type { BotDeps } from "./bot-deps";
import { renderNotices } from "./notice-renderer";
import { gridWorkerChats } from "./voice-notices";

export interface TranscribeReport {
  readonly tried: number;
  readonly transcribed: number;
  readonly dispatched: number;
  readonly failed: number;
}

const systemTranscriber = systemActor("transcriber");

/**
 * `egrid transcribe --pending`: voice notes filed without words get another try. The words go
 * onto the ticket; a case still in triage whose words are understood well enough is dispatched;
 * the grid workers hear what the note said. A note nobody transcribed after `maxAttempts` tries
 * is left to them (they already have the audio and the buttons).
 */
export async function transcribePending(
  deps: BotDeps,
  options: { maxAttempts: number; limit?: number },
): Promise<TranscribeReport> {
  const transcriber = deps.voice.transcriber;
  if (!transcriber) throw new Error("no transcriber configured: set TRANSCRIBE_BASE_URL");
  const pending = await deps.voice.notes.listAwaitingTranscript(options.maxAttempts, options.limit ?? 200);
  let transcribed = 0;
  let dispatched = 0;
  for (const note of pending) {
    const audio = await deps.voice.audio.get(note.audioKey);
    const result = audio
      ? await transcriber.transcribe({
          audio,
          fileName: `voice.${note.audioKey.split(".").at(-1)}`,
          mime: note.mime,
        })
      : null;
    const now = deps.clock.now();
    if (!result?.ok) {
      const error = result ? result.code : "audio missing";
      await deps.voice.notes.save({ ...note, attempts: note.attempts + 1, lastError: error, updatedAt: now });
      deps.logger.warn({ voiceNote: note.id, error }, "transcription failed again");
      continue;
    }
    const { text, model } = result.value;
    const saved: VoiceNote = {
      ...note,
      state: "transcribed",
      transcript: text,
      transcribedBy: model,
      attempts: note.attempts + 1,
      lastError: null,
      updatedAt: now,
    };
    const written = await writeDownVoiceNote(deps.tickets, {
      ticketId: note.ticketId!,
      actor: systemTranscriber,
      text,
      source: "transcriber",
      model,
    });
    // A worker may have typed it meanwhile (or the case is gone): keep what they wrote.
    if (!written.ok || written.value.originalText !== text) {
      await deps.voice.notes.save({ ...saved, state: note.state, transcript: note.transcript });
      continue;
    }
    await deps.voice.notes.save(saved);
    transcribed++;
    const ticket = written.value;
    const messages = [];
    for (const chat of await gridWorkerChats(deps, ticket)) {
      messages.push({
        channel: chat.channel,
        chatId: chat.chatId,
        ticketId: ticket.id,
        text: chat.words.voice.autoTranscribed({ number: ticket.number, text }),
      });
    }
    if (ticket.state === "triage" && !ticket.categoryCode) {
      const categories = await deps.tickets.directory.listCategories();
      const understood = await deps.understanding.understand(text, { locale: "zh-CN", categories });
      const sure = confidenceBand(understood.categoryConfidence, deps.thresholds) === "act";
      if (sure && understood.category) {
        const routed = await dispatchTicket(deps.tickets, {
          ticketId: ticket.id,
          actor: systemTranscriber,
          categoryCode: understood.category,
          priority: understood.priority,
        });
        if (routed.ok) {
          dispatched++;
          messages.push(...(await renderNotices(deps, routed.value.notices)));
        }
      }
    }
    await deps.outbox.enqueue(messages, null, now);
  }
  return { tried: pending.length, transcribed, dispatched, failed: pending.length - transcribed };
}
