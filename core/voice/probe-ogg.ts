// Ogg (Telegram voice notes are Ogg/Opus). The duration is the granule position of the last
// page of the audio stream, minus Opus's pre-skip, over the sample rate. We walk page headers
// (27 bytes + segment table + body) instead of searching for "OggS", so a payload that happens
// to contain those bytes cannot fool us, and a truncated tail simply ends the walk.
import { fail, ok, type Result } from "../shared/result";
import { byteAt, corrupt, fits, hasAscii, type ProbedDuration, u16le, u32le, u64le } from "./probe-bytes";

const PAGE_HEADER = 27;
const BEGINNING_OF_STREAM = 0x02;
const OPUS_GRANULE_RATE = 48_000; // Opus granules count 48 kHz samples whatever the input rate

interface AudioStream {
  readonly serial: number;
  readonly format: "ogg-opus" | "ogg-vorbis";
  readonly sampleRate: number;
  readonly preSkip: number;
}

/** The codec of a stream, from the first packet on its beginning-of-stream page. */
function identifyStream(bytes: Uint8Array, body: number, bodyLength: number, serial: number) {
  if (hasAscii(bytes, body, "OpusHead") && bodyLength >= 19) {
    const preSkip = u16le(bytes, body + 10);
    return { serial, format: "ogg-opus", sampleRate: OPUS_GRANULE_RATE, preSkip } satisfies AudioStream;
  }
  if (byteAt(bytes, body) === 0x01 && hasAscii(bytes, body + 1, "vorbis") && bodyLength >= 16) {
    const sampleRate = u32le(bytes, body + 12);
    return { serial, format: "ogg-vorbis", sampleRate, preSkip: 0 } satisfies AudioStream;
  }
  return null;
}

export function probeOgg(bytes: Uint8Array): Result<ProbedDuration> {
  let stream: AudioStream | null = null;
  let lastGranule = -1;
  let completePages = 0;
  let offset = 0;
  while (
    fits(bytes, offset, PAGE_HEADER) &&
    hasAscii(bytes, offset, "OggS") &&
    byteAt(bytes, offset + 4) === 0
  ) {
    const segments = byteAt(bytes, offset + 26);
    if (!fits(bytes, offset + PAGE_HEADER, segments)) break;
    let bodyLength = 0;
    for (let i = 0; i < segments; i++) bodyLength += byteAt(bytes, offset + PAGE_HEADER + i);
    const body = offset + PAGE_HEADER + segments;
    if (!fits(bytes, body, bodyLength)) break; // a truncated last page: keep what the complete ones said
    completePages++;

    const serial = u32le(bytes, offset + 14);
    if (stream === null && (byteAt(bytes, offset + 5) & BEGINNING_OF_STREAM) !== 0) {
      stream = identifyStream(bytes, body, bodyLength, serial);
    }
    // A granule of -1 means no packet ends on this page; the top bit set is never a real position.
    const granuleHigh = u32le(bytes, offset + 10);
    if (stream !== null && serial === stream.serial && granuleHigh < 0x8000_0000) {
      lastGranule = u64le(bytes, offset + 6);
    }
    offset = body + bodyLength;
  }

  if (completePages === 0) return corrupt("ogg", "no complete Ogg page");
  if (stream === null)
    return fail("VOICE.NOT_AUDIO", { container: "ogg", reason: "no Opus or Vorbis stream" });
  if (stream.sampleRate === 0) return corrupt(stream.format, "sample rate is 0");
  const samples = lastGranule - stream.preSkip;
  if (samples <= 0) return corrupt(stream.format, "no granule position past the headers");
  return ok({ format: stream.format, durationMs: (samples * 1000) / stream.sampleRate });
}
