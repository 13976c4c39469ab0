// The formats whose duration is plain arithmetic: WAV (data bytes over byte rate), and the two
// frame-counted WeChat formats, AMR and SILK (every frame is 20 ms).
import { ok, type Result } from "../shared/result";
import { byteAt, corrupt, fits, hasAscii, type ProbedDuration, u16le, u32le } from "./probe-bytes";

const FRAME_MS = 20;

/** RIFF/WAVE (or RF64): walk the chunks for "fmt " (byte rate) and "data" (size). */
export function probeWav(bytes: Uint8Array): Result<ProbedDuration> {
  let byteRate = 0;
  let dataSize = -1;
  let offset = 12;
  while (fits(bytes, offset, 8) && (byteRate === 0 || dataSize < 0)) {
    const size = u32le(bytes, offset + 4);
    const content = offset + 8;
    if (hasAscii(bytes, offset, "fmt ") && fits(bytes, content, 12)) byteRate = u32le(bytes, content + 8);
    if (hasAscii(bytes, offset, "data")) {
      // Streaming writers (and RF64) leave the size as 0xFFFFFFFF; a cut file has less than it says.
      const remaining = bytes.length - content;
      dataSize = size === 0xffff_ffff || size > remaining ? remaining : size;
      if (size === 0xffff_ffff) break; // nothing after it can be found
    }
    offset = content + size + (size % 2); // chunks are padded to an even length
  }
  if (byteRate === 0) return corrupt("wav", "no fmt chunk with a byte rate");
  if (dataSize <= 0) return corrupt("wav", "no audio data");
  return ok({ format: "wav", durationMs: (dataSize * 1000) / byteRate });
}

// Payload bytes by frame type (FT = header bits 6..3); 15 is "no data", the rest reserved.
const AMR_NB_SIZES = [12, 13, 15, 17, 19, 20, 26, 31, 5, 0, 0, 0, 0, 0, 0, 0];
const AMR_WB_SIZES = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, 0, 0, 0, 0, 0, 0];
export const AMR_NB_MAGIC = "#!AMR\n";
export const AMR_WB_MAGIC = "#!AMR-WB\n";

/** AMR storage format (RFC 4867 §5): a magic line, then frames of one header byte and a payload. */
export function probeAmr(bytes: Uint8Array): Result<ProbedDuration> {
  const wideband = hasAscii(bytes, 0, AMR_WB_MAGIC);
  const sizes = wideband ? AMR_WB_SIZES : AMR_NB_SIZES;
  let offset = wideband ? AMR_WB_MAGIC.length : AMR_NB_MAGIC.length;
  let frames = 0;
  while (offset < bytes.length) {
    const header = byteAt(bytes, offset);
    if (header & 0x83) break; // the padding bits must be 0: past here is not AMR
    const frameLength = 1 + (sizes[(header >> 3) & 0x0f] ?? 0);
    if (!fits(bytes, offset, frameLength)) break; // a cut-off last frame does not play
    frames++;
    offset += frameLength;
  }
  return frames > 0 ? ok({ format: "amr", durationMs: frames * FRAME_MS }) : corrupt("amr", "no AMR frames");
}

export const SILK_MAGIC = "#!SILK_V3";

/** Where the SILK magic starts: WeChat writes a 0x02 byte before it, other encoders do not. */
export function silkMagicOffset(bytes: Uint8Array): number {
  if (hasAscii(bytes, 0, SILK_MAGIC)) return 0;
  return byteAt(bytes, 0) === 0x02 && hasAscii(bytes, 1, SILK_MAGIC) ? 1 : -1;
}

/** SILK v3 (WeChat): frames of a 16-bit little-endian length and that many bytes, until 0xFFFF or the end. */
export function probeSilk(bytes: Uint8Array): Result<ProbedDuration> {
  let offset = silkMagicOffset(bytes) + SILK_MAGIC.length;
  let frames = 0;
  while (fits(bytes, offset, 2)) {
    const length = u16le(bytes, offset);
    if (length === 0xffff || !fits(bytes, offset + 2, length)) break;
    frames++;
    offset += 2 + length;
  }
  return frames > 0
    ? ok({ format: "silk", durationMs: frames * FRAME_MS })
    : corrupt("silk", "no SILK frames");
}
