// What a voice note is and how long it lasts, read from its bytes alone (no ffmpeg at run time):
// Telegram sends Ogg/Opus, Slack m4a (sometimes mp3, webm, ogg, wav), WeChat SILK or AMR, and a
// browser's MediaRecorder WebM/Opus without a duration in its header. The caller needs the
// format for the transcription server's file name and the duration to enforce limits.
import { fail, ok, type Result } from "../shared/result";
import { hasAscii } from "./probe-bytes";
import { looksLikeMp3, probeMp3 } from "./probe-mp3";
import { probeMp4 } from "./probe-mp4";
import { probeOgg } from "./probe-ogg";
import { AMR_NB_MAGIC, AMR_WB_MAGIC, probeAmr, probeSilk, probeWav, silkMagicOffset } from "./probe-simple";
import { probeWebm } from "./probe-webm";

export type AudioFormat = "ogg-opus" | "ogg-vorbis" | "webm" | "wav" | "mp3" | "m4a" | "amr" | "silk";

export interface AudioInfo {
  readonly format: AudioFormat;
  readonly mime: string;
  /** The file-name extension a transcription server picks its decoder by. */
  readonly extension: string;
  readonly durationMs: number;
}

const NAMES: Record<AudioFormat, { readonly mime: string; readonly extension: string }> = {
  "ogg-opus": { mime: "audio/ogg", extension: "ogg" },
  "ogg-vorbis": { mime: "audio/ogg", extension: "ogg" },
  webm: { mime: "audio/webm", extension: "webm" },
  wav: { mime: "audio/wav", extension: "wav" },
  mp3: { mime: "audio/mpeg", extension: "mp3" },
  m4a: { mime: "audio/mp4", extension: "m4a" },
  amr: { mime: "audio/amr", extension: "amr" },
  silk: { mime: "audio/silk", extension: "silk" },
};

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

/** The parser for the container the magic bytes name; null for no audio format we know. */
function parserFor(bytes: Uint8Array) {
  if (hasAscii(bytes, 0, "OggS")) return probeOgg;
  if (EBML_MAGIC.every((byte, i) => bytes[i] === byte)) return probeWebm;
  if ((hasAscii(bytes, 0, "RIFF") || hasAscii(bytes, 0, "RF64")) && hasAscii(bytes, 8, "WAVE"))
    return probeWav;
  if (hasAscii(bytes, 4, "ftyp")) return probeMp4;
  if (hasAscii(bytes, 0, AMR_NB_MAGIC) || hasAscii(bytes, 0, AMR_WB_MAGIC)) return probeAmr;
  if (silkMagicOffset(bytes) >= 0) return probeSilk;
  if (looksLikeMp3(bytes)) return probeMp3;
  return null;
}

/**
 * Identifies a voice note's format and reads its duration. Never throws. Failure codes:
 * VOICE.EMPTY (no bytes), VOICE.NOT_AUDIO (no known audio format's magic bytes),
 * VOICE.CORRUPT (a known format whose structure is too broken or short to give a duration > 0).
 */
export function probeAudio(bytes: Uint8Array): Result<AudioInfo> {
  if (bytes.length === 0) return fail("VOICE.EMPTY");
  const parse = parserFor(bytes);
  if (parse === null) return fail("VOICE.NOT_AUDIO");
  let probed: ReturnType<typeof parse>;
  try {
    probed = parse(bytes);
  } catch (error) {
    // The parsers check their bounds; this is the last guard, so a bug costs one voice note, not the bot.
    return fail("VOICE.CORRUPT", { reason: `parser failed: ${String(error)}` });
  }
  if (!probed.ok) return probed;
  const { format, durationMs } = probed.value;
  const rounded = Math.round(durationMs);
  if (!Number.isFinite(rounded) || rounded <= 0)
    return fail("VOICE.CORRUPT", { format, reason: "duration is 0" });
  return ok({ format, ...NAMES[format], durationMs: rounded });
}
