// MP3 (MPEG-1/2/2.5 audio; layers I and II read the same way). After an optional ID3v2 tag come
// frames with 4-byte headers. A Xing/Info or VBRI header in the first frame counts the frames;
// without one we walk the frames and add up their samples. A random file starts with 0xFFE
// often enough that we call it MP3 only when two valid frames follow each other.
import { ok, type Result } from "../shared/result";
import { byteAt, corrupt, fits, hasAscii, type ProbedDuration, u32be } from "./probe-bytes";

interface FrameHeader {
  readonly length: number; // bytes, header included
  readonly samples: number; // per channel
  readonly sampleRate: number;
  readonly mpeg1: boolean;
  readonly mono: boolean;
}

const SAMPLE_RATES = [44_100, 48_000, 32_000];
// kb/s by [MPEG-1 ? 0 : 1][layer 1..3][index]; index 0 (free format) and 15 are not accepted.
const BITRATES: readonly (readonly (readonly number[])[])[] = [
  [
    [],
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  [
    [],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
];

export function readFrameHeader(bytes: Uint8Array, offset: number): FrameHeader | null {
  if (!fits(bytes, offset, 4)) return null;
  const [b0, b1, b2, b3] = [0, 1, 2, 3].map((i) => byteAt(bytes, offset + i)) as [
    number,
    number,
    number,
    number,
  ];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
  const layer = 4 - ((b1 >> 1) & 3); // bits 3, 2, 1 mean layers I, II, III; 0 is reserved (and AAC's ADTS)
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  const mpeg1 = version === 3;
  const bitrate = (BITRATES[mpeg1 ? 0 : 1]?.[layer]?.[bitrateIndex] ?? 0) * 1000;
  const sampleRate = (SAMPLE_RATES[rateIndex] ?? 0) / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const padding = (b2 >> 1) & 1;
  const samples = layer === 1 ? 384 : layer === 3 && !mpeg1 ? 576 : 1152;
  const length =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  if (bitrate === 0 || sampleRate === 0 || length < 4) return null;
  return { length, samples, sampleRate, mpeg1, mono: b3 >> 6 === 3 };
}

/** Where the audio starts: after an ID3v2 tag (10 bytes + syncsafe size + optional footer), else 0. */
function audioStart(bytes: Uint8Array): number {
  if (!hasAscii(bytes, 0, "ID3") || !fits(bytes, 0, 10)) return 0;
  let size = 0;
  for (let i = 6; i < 10; i++) size = size * 128 + (byteAt(bytes, i) & 0x7f);
  const footer = byteAt(bytes, 5) & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/** The first frame at or after `start` (taggers often pad after the tag) that another valid frame follows. */
function firstFrame(bytes: Uint8Array, start: number, searchLimit: number): number {
  for (let offset = start; offset <= start + searchLimit && offset < bytes.length; offset++) {
    const frame = readFrameHeader(bytes, offset);
    if (frame && readFrameHeader(bytes, offset + frame.length)) return offset;
  }
  return -1;
}

export function looksLikeMp3(bytes: Uint8Array): boolean {
  return hasAscii(bytes, 0, "ID3") || firstFrame(bytes, 0, 0) === 0;
}

/** Frames counted by a Xing/Info (LAME) or VBRI (Fraunhofer) header in the first frame, if any. */
function declaredFrameCount(bytes: Uint8Array, offset: number, frame: FrameHeader): number | null {
  const sideInfo = frame.mpeg1 ? (frame.mono ? 17 : 32) : frame.mono ? 9 : 17;
  const xing = offset + 4 + sideInfo;
  if (hasAscii(bytes, xing, "Xing") || hasAscii(bytes, xing, "Info")) {
    const hasFrameCount = (byteAt(bytes, xing + 7) & 0x01) !== 0;
    return hasFrameCount && fits(bytes, xing + 8, 4) ? u32be(bytes, xing + 8) : null;
  }
  const vbri = offset + 4 + 32;
  if (hasAscii(bytes, vbri, "VBRI") && fits(bytes, vbri + 14, 4)) return u32be(bytes, vbri + 14);
  return null;
}

export function probeMp3(bytes: Uint8Array): Result<ProbedDuration> {
  const tagged = hasAscii(bytes, 0, "ID3");
  const start = firstFrame(bytes, audioStart(bytes), tagged ? 64 * 1024 : 0);
  const first = readFrameHeader(bytes, start);
  if (start < 0 || first === null) return corrupt("mp3", "no two consecutive MPEG audio frames");
  const declared = declaredFrameCount(bytes, start, first);
  if (declared !== null && declared > 0) {
    return ok({ format: "mp3", durationMs: (declared * first.samples * 1000) / first.sampleRate });
  }
  // No count: walk the frames until one does not parse (the end, an ID3v1 "TAG", or damage).
  let durationMs = 0;
  let offset = start;
  for (let frame = readFrameHeader(bytes, offset); frame; frame = readFrameHeader(bytes, offset)) {
    if (!fits(bytes, offset, frame.length)) break; // a cut-off last frame does not play
    durationMs += (frame.samples * 1000) / frame.sampleRate;
    offset += frame.length;
  }
  return durationMs > 0 ? ok({ format: "mp3", durationMs }) : corrupt("mp3", "no complete MPEG audio frame");
}
