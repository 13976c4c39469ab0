// WebM / Matroska (EBML). A seekable muxer writes Segment/Info/Duration; Chromium's
// MediaRecorder streams instead: Segment and Clusters of unknown size and no Duration at all.
// Then the duration is the latest block's timestamp plus one frame. Every Matroska ID we care
// about is unique across levels, so one flat walk that steps INTO the masters we need (and over
// everything else) reads both layouts, unknown sizes included.
import { ok, type Result } from "../shared/result";
import { byteAt, corrupt, fits, type ProbedDuration } from "./probe-bytes";

const ID = {
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  defaultDuration: 0x23e383,
  codecDelay: 0x56aa,
  cluster: 0x1f43b675,
  clusterTimecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  blockDuration: 0x9b,
} as const;

/** Masters we step into rather than over: their children are read by the same loop. */
const ENTERED = new Set<number>([ID.segment, ID.info, ID.tracks, ID.trackEntry, ID.cluster]);
const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;
const FALLBACK_FRAME_NS = 20_000_000; // an Opus frame as MediaRecorder writes it

interface VarInt {
  readonly value: number;
  readonly length: number;
  readonly unknown: boolean; // all value bits set: "size unknown", used by live muxers
}

/** An EBML variable-length integer; `keepMarker` for element IDs, which include the length marker. */
function readVarInt(bytes: Uint8Array, offset: number, keepMarker: boolean): VarInt | null {
  const first = byteAt(bytes, offset);
  if (first === 0 || !fits(bytes, offset, 1)) return null;
  const length = Math.clz32(first) - 23; // leading zeros within the byte, plus one
  if (!fits(bytes, offset, length)) return null;
  const firstValueBits = keepMarker ? first : first & (0xff >> length);
  let value = firstValueBits;
  let allOnes = firstValueBits === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const next = byteAt(bytes, offset + i);
    value = value * 256 + next;
    allOnes &&= next === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readUint(bytes: Uint8Array, offset: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size && i < 8; i++) value = value * 256 + byteAt(bytes, offset + i);
  return value;
}

function readFloat(bytes: Uint8Array, offset: number, size: number): number {
  if ((size !== 4 && size !== 8) || !fits(bytes, offset, size)) return Number.NaN;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, size);
  return size === 4 ? view.getFloat32(0) : view.getFloat64(0);
}

interface Timeline {
  timecodeScaleNs: number;
  declaredDuration: number; // in timecode-scale units; NaN when absent
  defaultFrameNs: number; // 0 when no track says
  codecDelayNs: number; // Opus pre-skip: block times count it, the listener does not hear it
  clusterTimecode: number;
  lastBlockEnd: number; // in timecode-scale units (block time + frames × frame length), -1 before any
}

/** A SimpleBlock or Block: track number, signed 16-bit time relative to the cluster, flags, lacing. */
function readBlock(
  bytes: Uint8Array,
  offset: number,
  size: number,
  timeline: Timeline,
  durationTicks: number,
) {
  const track = readVarInt(bytes, offset, false);
  if (track === null || size < track.length + 3 || !fits(bytes, offset, track.length + 3)) return;
  const at = offset + track.length;
  const relative = ((byteAt(bytes, at) << 24) | (byteAt(bytes, at + 1) << 16)) >> 16;
  const laced = (byteAt(bytes, at + 2) & 0x06) !== 0;
  const frames = laced && size > track.length + 3 ? byteAt(bytes, at + 3) + 1 : 1;
  const frameNs = timeline.defaultFrameNs > 0 ? timeline.defaultFrameNs : FALLBACK_FRAME_NS;
  const length = durationTicks > 0 ? durationTicks : (frames * frameNs) / timeline.timecodeScaleNs;
  timeline.lastBlockEnd = Math.max(timeline.lastBlockEnd, timeline.clusterTimecode + relative + length);
}

/** A BlockGroup: its Block, timed by its own BlockDuration when it has one (in either order). */
function readBlockGroup(bytes: Uint8Array, offset: number, end: number, timeline: Timeline) {
  let block: { offset: number; size: number } | null = null;
  let durationTicks = 0;
  while (offset < end) {
    const id = readVarInt(bytes, offset, true);
    const size = id && readVarInt(bytes, offset + id.length, false);
    if (!id || !size || size.unknown) break;
    const content = offset + id.length + size.length;
    if (id.value === ID.block) block = { offset: content, size: size.value };
    if (id.value === ID.blockDuration) durationTicks = readUint(bytes, content, size.value);
    offset = content + size.value;
  }
  if (block) readBlock(bytes, block.offset, block.size, timeline, durationTicks);
}

export function probeWebm(bytes: Uint8Array): Result<ProbedDuration> {
  const timeline: Timeline = {
    timecodeScaleNs: DEFAULT_TIMECODE_SCALE_NS,
    declaredDuration: Number.NaN,
    defaultFrameNs: 0,
    codecDelayNs: 0,
    clusterTimecode: 0,
    lastBlockEnd: -1,
  };
  // The EBML header first: step over it whole.
  const headerId = readVarInt(bytes, 0, true);
  const headerSize = headerId && readVarInt(bytes, headerId.length, false);
  if (!headerId || !headerSize || headerSize.unknown) return corrupt("webm", "unreadable EBML header");
  let offset = headerId.length + headerSize.length + headerSize.value;
  while (offset < bytes.length) {
    const id = readVarInt(bytes, offset, true);
    const size = id && readVarInt(bytes, offset + id.length, false);
    if (!id || !size) break;
    const content = offset + id.length + size.length;
    if (ENTERED.has(id.value)) {
      offset = content;
      continue;
    }
    if (size.unknown) break; // an unknown-size element we cannot step over
    const end = content + size.value;
    switch (id.value) {
      case ID.timecodeScale:
        timeline.timecodeScaleNs = readUint(bytes, content, size.value) || DEFAULT_TIMECODE_SCALE_NS;
        break;
      case ID.duration:
        timeline.declaredDuration = readFloat(bytes, content, size.value);
        break;
      case ID.defaultDuration:
        if (timeline.defaultFrameNs === 0) timeline.defaultFrameNs = readUint(bytes, content, size.value);
        break;
      case ID.codecDelay:
        if (timeline.codecDelayNs === 0) timeline.codecDelayNs = readUint(bytes, content, size.value);
        break;
      case ID.clusterTimecode:
        timeline.clusterTimecode = readUint(bytes, content, size.value);
        break;
      case ID.simpleBlock:
        readBlock(bytes, content, size.value, timeline, 0);
        break;
      case ID.blockGroup:
        readBlockGroup(bytes, content, Math.min(end, bytes.length), timeline);
        break;
    }
    if (end > bytes.length) break; // the file was cut inside this element
    offset = end;
  }

  const scaleMs = timeline.timecodeScaleNs / 1_000_000;
  const declared = timeline.declaredDuration * scaleMs;
  if (Number.isFinite(declared) && declared > 0) return ok({ format: "webm", durationMs: declared });
  const fromBlocks = timeline.lastBlockEnd * scaleMs - timeline.codecDelayNs / 1_000_000;
  if (timeline.lastBlockEnd > 0 && fromBlocks > 0) return ok({ format: "webm", durationMs: fromBlocks });
  return corrupt("webm", "no Duration and no blocks");
}
