import type { Result } from "../shared/result";

export interface TranscriptionRequest {
  readonly audio: Uint8Array;
  /** A file name with the right extension ("voice.ogg"): servers pick the decoder by it. */
  readonly fileName: string;
  readonly mime: string;
  /** ISO-639-1 hint, "zh" by default: Whisper guesses worse without it on short clips. */
  readonly language?: string;
}

export interface Transcript {
  readonly text: string;
  /** Which model produced it, for the ticket's record. */
  readonly model: string;
}

/**
 * Speech to text. Fails (never throws) with a code the caller can act on: a voice note whose
 * transcription failed is still filed, and a person types what was said.
 */
export interface Transcriber {
  readonly name: string;
  /**
   * Failure codes: TRANSCRIBE.UNAVAILABLE (timed out, or the server or network failed after the
   * retries: worth trying again later), TRANSCRIBE.REJECTED (the server refused the audio with a
   * 4xx other than 429: the same file will not do better), TRANSCRIBE.EMPTY (no words: silence).
   */
  transcribe(request: TranscriptionRequest): Promise<Result<Transcript>>;
}
