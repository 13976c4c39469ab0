import type { Result } from "../../core/shared/result";
import type { Transcript } from "../../core/voice/transcriber";
import type { VoiceNote } from "../../core/voice/voice-note";
import type { BotContext } from "../conversation/bot-context";
import { reply, words } from "../conversation/bot-context";
import type { Middleware } from "../conversation/middleware";
import { startUntranscribedReport } from "./report-handler";

/**
 * A voice note that reached the router. Refused: say why. Transcribed: echo the words (so the
 * resident can correct us) and handle them exactly like typed text, the audio attached. Not
 * transcribed (no transcriber, or it failed): acknowledge at once and file it for the grid worker.
 */
export async function handleVoice(ctx: BotContext, routeAsText: Middleware): Promise<void> {
  const intake = ctx.voice!;
  if (intake.kind === "refused") {
    ctx.outcome = `voice_refused_${intake.code}`;
    return reply(ctx, words(ctx).errors[intake.code]);
  }
  let note = intake.note;
  if (note.ticketId) {
    ctx.outcome = "voice_already_filed";
    return;
  }
  const transcribed = await transcribe(ctx, note);
  note = transcribed.note;
  const voiceRef = { ref: note.audioKey, mime: note.mime, sizeBytes: note.sizeBytes };
  if (transcribed.result?.ok) {
    const text = transcribed.result.value.text;
    reply(ctx, words(ctx).voice.heard({ text }));
    const asText: BotContext = {
      ...ctx,
      message: { ...ctx.message, text, voice: voiceRef },
      voice: undefined,
      voiceNoteId: note.id,
    };
    await routeAsText(asText, async () => {});
    ctx.outcome = `voice_${asText.outcome}`;
    return;
  }
  const asVoice: BotContext = {
    ...ctx,
    message: { ...ctx.message, voice: voiceRef },
    voice: undefined,
    voiceNoteId: note.id,
  };
  await startUntranscribedReport(asVoice, note.id);
  ctx.outcome = asVoice.outcome;
}

/** One attempt now; a failure leaves the note pending for `egrid transcribe --pending`. */
async function transcribe(
  ctx: BotContext,
  note: VoiceNote,
): Promise<{ note: VoiceNote; result: Result<Transcript> | null }> {
  const transcriber = ctx.deps.voice.transcriber;
  if (!transcriber) return { note, result: null };
  const audio = await ctx.deps.voice.audio.get(note.audioKey);
  if (!audio) throw new Error(`voice note ${note.id}: audio ${note.audioKey} is missing`);
  const result = await transcriber.transcribe({
    audio,
    fileName: `voice.${note.audioKey.split(".").at(-1)}`,
    mime: note.mime,
  });
  const updated: VoiceNote = result.ok
    ? {
        ...note,
        state: "transcribed",
        transcript: result.value.text,
        transcribedBy: result.value.model,
        attempts: note.attempts + 1,
        lastError: null,
        updatedAt: ctx.deps.clock.now(),
      }
    : { ...note, attempts: note.attempts + 1, lastError: result.code, updatedAt: ctx.deps.clock.now() };
  await ctx.deps.voice.notes.save(updated);
  if (!result.ok) {
    ctx.deps.logger.warn(
      { voiceNote: note.id, code: result.code, detail: result.detail },
      "transcription failed",
    );
  }
  return { note: updated, result };
}
