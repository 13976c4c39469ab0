import type { ErrorCode } from "../../core/shared/error-codes";
import { probeAudio } from "../../core/voice/audio-probe";
import { checkVoiceLimits, type VoiceNote } from "../../core/voice/voice-note";
import type { BotContext } from "./bot-context";
import type { BotDeps } from "./bot-deps";
import type { Middleware } from "./middleware";

/** Refs the playground (and scripts) already stored: read back from the AudioStore, not a platform. */
const STORED_AUDIO = /^audio:/;

/**
 * First step for a voice note, before the person is even looked up: fetch the audio from the
 * platform, read its format and length from the bytes, and keep it under data/ with a record.
 * Whatever fails later, the audio is already safe. Refusals are decided here and told later,
 * in the person's language, by the voice handler.
 */
export function keepVoiceNotes(deps: BotDeps): Middleware {
  return async (ctx, next) => {
    const voice = ctx.message.voice;
    if (voice) {
      const kept = await deps.voice.notes.findByInbox(ctx.inboxId); // reprocessing after a crash
      ctx.voice = kept ? { kind: "kept", note: kept } : await intake(deps, ctx);
    }
    await next();
  };
}

async function intake(deps: BotDeps, ctx: BotContext): Promise<NonNullable<BotContext["voice"]>> {
  const voice = ctx.message.voice!;
  const limits = deps.voice.limits;
  // The platform told us the size: do not download what we would refuse anyway.
  if (voice.sizeBytes !== undefined && voice.sizeBytes > limits.maxBytes) return refused("VOICE.TOO_LARGE");
  if (voice.durationSeconds !== undefined && voice.durationSeconds > limits.maxSeconds) {
    return refused("VOICE.TOO_LONG");
  }
  let bytes: Uint8Array;
  try {
    bytes = STORED_AUDIO.test(voice.ref)
      ? ((await deps.voice.audio.get(voice.ref)) ?? new Uint8Array())
      : (await deps.channels.fetchMedia(ctx.message.channel, voice.ref)).bytes;
  } catch (error) {
    deps.logger.warn({ err: error, inboxId: ctx.inboxId, ref: voice.ref }, "voice note could not be fetched");
    return refused("VOICE.FETCH_FAILED");
  }
  const probed = probeAudio(bytes);
  if (!probed.ok) {
    deps.logger.warn(
      { inboxId: ctx.inboxId, code: probed.code, detail: probed.detail },
      "voice note refused",
    );
    return refused(probed.code);
  }
  const info = probed.value;
  const stored = await deps.voice.audio.put(bytes, info.extension);
  const within = checkVoiceLimits(bytes.byteLength, info.durationMs, limits);
  const now = ctx.now;
  const note: VoiceNote = {
    id: deps.tickets.ids.next(),
    audioKey: stored.key,
    sha256: stored.sha256,
    format: info.format,
    mime: info.mime,
    sizeBytes: stored.sizeBytes,
    durationMs: info.durationMs,
    channel: ctx.message.channel,
    chatId: ctx.message.chatId,
    senderExternalId: ctx.message.userId,
    inboxId: ctx.inboxId,
    ticketId: null,
    state: within.ok ? "pending" : "refused",
    transcript: null,
    transcribedBy: null,
    attempts: 0,
    lastError: within.ok ? null : within.code,
    createdAt: now,
    updatedAt: now,
  };
  await deps.voice.notes.save(note);
  deps.logger.info(
    {
      inboxId: ctx.inboxId,
      voiceNote: note.id,
      format: note.format,
      ms: note.durationMs,
      bytes: note.sizeBytes,
    },
    "voice note kept",
  );
  return within.ok ? { kind: "kept", note } : refused(within.code);
}

function refused(code: ErrorCode): NonNullable<BotContext["voice"]> {
  return { kind: "refused", code };
}
