import { z } from "zod";
import { fail, ok, type Result } from "../shared/result";

export const VOICE_NOTE_STATES = [
  /** Kept and filed; no words yet (no transcriber, or it failed and may be retried). */
  "pending",
  /** A speech-to-text server wrote it down. */
  "transcribed",
  /** A grid worker listened and typed it. */
  "typed",
  /** Too long or too large: kept, not processed; the sender was told why. */
  "refused",
] as const;
export type VoiceNoteState = (typeof VOICE_NOTE_STATES)[number];

/**
 * One received voice note: the audio (content-addressed under data/), what the file itself says
 * about format and length, and what became of it. Never deleted.
 */
export interface VoiceNote {
  readonly id: string;
  /** Where the bytes are: "audio:<sha256>.<ext>", readable through the AudioStore. */
  readonly audioKey: string;
  readonly sha256: string;
  readonly format: string;
  readonly mime: string;
  readonly sizeBytes: number;
  readonly durationMs: number;
  readonly channel: string;
  readonly chatId: string;
  readonly senderExternalId: string;
  /** The inbox message it came with (unique: reprocessing that message finds this note). */
  readonly inboxId: string;
  readonly ticketId: string | null;
  readonly state: VoiceNoteState;
  readonly transcript: string | null;
  /** The model, or the person id who typed it. */
  readonly transcribedBy: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface VoiceNoteRepository {
  /** Insert, or replace the note with the same id. */
  save(note: VoiceNote): Promise<void>;
  findById(id: string): Promise<VoiceNote | null>;
  findByInbox(inboxId: string): Promise<VoiceNote | null>;
  findByTicket(ticketId: string): Promise<VoiceNote | null>;
  /** Filed notes still without words, oldest first, that have been tried fewer than `maxAttempts` times. */
  listAwaitingTranscript(maxAttempts: number, limit: number): Promise<VoiceNote[]>;
}

export interface StoredAudio {
  readonly key: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/** Content-addressed audio files: the same bytes are stored once, under their hash. */
export interface AudioStore {
  /** Written (durably) before it returns; storing the same bytes again is a no-op. */
  put(bytes: Uint8Array, extension: string): Promise<StoredAudio>;
  get(key: string): Promise<Uint8Array | null>;
}

export const voiceLimitsSchema = z.object({
  maxBytes: z.number().int().positive(),
  maxSeconds: z.number().positive(),
});
export type VoiceLimits = z.infer<typeof voiceLimitsSchema>;

export const DEFAULT_VOICE_LIMITS: VoiceLimits = { maxBytes: 10 * 1024 * 1024, maxSeconds: 180 };

/** Within the configured size and length? (A resident's three-minute story is fine; a concert is not.) */
export function checkVoiceLimits(
  sizeBytes: number,
  durationMs: number | null,
  limits: VoiceLimits,
): Result<void> {
  if (sizeBytes > limits.maxBytes) {
    return fail("VOICE.TOO_LARGE", { sizeBytes, maxBytes: limits.maxBytes });
  }
  if (durationMs !== null && durationMs > limits.maxSeconds * 1000) {
    return fail("VOICE.TOO_LONG", { seconds: Math.round(durationMs / 1000), maxSeconds: limits.maxSeconds });
  }
  return ok(undefined);
}

export const transcriptSchema = z.string().trim().min(1).max(4000);
