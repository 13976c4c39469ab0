// MP4 / M4A (Slack voice clips, iOS recordings). The movie header (moov/mvhd) holds duration
// over timescale. Fragmented files (Safari's MediaRecorder, anything written through a pipe)
// leave that 0: then mvex/mehd, the audio track's mdhd, or else the fragments themselves
// (moof/traf: tfdt start + trun sample durations) give the length.
import { fail, ok, type Result } from "../shared/result";
import { ascii, byteAt, corrupt, fits, hasAscii, type ProbedDuration, u32be, u64be } from "./probe-bytes";

interface Box {
  readonly type: string;
  readonly content: number; // where the payload starts
  readonly end: number; // where the box ends, clamped to the bytes we have
}

/** The boxes between `start` and `end`; stops at the first header that cannot be right. */
function* boxes(bytes: Uint8Array, start: number, end: number): Generator<Box> {
  let offset = start;
  while (offset + 8 <= end && fits(bytes, offset, 8)) {
    let size = u32be(bytes, offset);
    let header = 8;
    if (size === 1) {
      if (!fits(bytes, offset, 16)) return;
      size = u64be(bytes, offset + 8);
      header = 16;
    } else if (size === 0) {
      size = end - offset; // "to the end of the file"
    }
    if (size < header) return;
    const boxEnd = Math.min(offset + size, end, bytes.length);
    yield { type: ascii(bytes, offset + 4, 4), content: offset + header, end: boxEnd };
    offset += size;
  }
}

function child(bytes: Uint8Array, parent: Box, type: string): Box | undefined {
  for (const box of boxes(bytes, parent.content, parent.end)) if (box.type === type) return box;
  return undefined;
}

/** A "full box" field: version 1 stores times in 64 bits, version 0 in 32. */
function timeWidth(bytes: Uint8Array, box: Box): 4 | 8 {
  return byteAt(bytes, box.content) === 1 ? 8 : 4;
}

function readTime(bytes: Uint8Array, at: number, width: 4 | 8): number {
  return width === 8 ? u64be(bytes, at) : u32be(bytes, at);
}

/** The first field of tfdt and mehd: one time, right after version and flags; null when cut off. */
function firstTime(bytes: Uint8Array, box: Box | undefined): number | null {
  if (!box) return null;
  const width = timeWidth(bytes, box);
  return box.content + 4 + width <= box.end ? readTime(bytes, box.content + 4, width) : null;
}

/** mvhd and mdhd share a layout: creation, modification (times), then timescale (u32), duration (time). */
function timescaleAndDuration(bytes: Uint8Array, box: Box): { timescale: number; duration: number } {
  const width = timeWidth(bytes, box);
  const at = box.content + 4 + 2 * width;
  if (at + 4 + width > box.end) return { timescale: 0, duration: 0 };
  const duration = readTime(bytes, at + 4, width);
  const unknown = duration === (width === 8 ? 2 ** 64 : 0xffff_ffff); // all ones; 2^64-1 rounds to 2^64
  return { timescale: u32be(bytes, at), duration: unknown ? 0 : duration };
}

interface Track {
  readonly id: number;
  readonly timescale: number;
  readonly duration: number;
  readonly isAudio: boolean;
}

function readTrack(bytes: Uint8Array, trak: Box): Track | null {
  const tkhd = child(bytes, trak, "tkhd");
  const mdia = child(bytes, trak, "mdia");
  const mdhd = mdia && child(bytes, mdia, "mdhd");
  if (!tkhd || !mdia || !mdhd) return null;
  const hdlr = child(bytes, mdia, "hdlr");
  return {
    id: u32be(bytes, tkhd.content + 4 + 2 * timeWidth(bytes, tkhd)), // after creation and modification
    ...timescaleAndDuration(bytes, mdhd),
    isAudio: hdlr !== undefined && hasAscii(bytes, hdlr.content + 8, "soun"),
  };
}

/** Where one track fragment ends on the track's timeline, in track timescale units. */
function fragmentEnd(
  bytes: Uint8Array,
  traf: Box,
  trackId: number,
  trexDuration: number,
  previousEnd: number,
) {
  const tfhd = child(bytes, traf, "tfhd");
  if (!tfhd || !fits(bytes, tfhd.content, 8) || u32be(bytes, tfhd.content + 4) !== trackId) return null;
  const tfhdFlags = u32be(bytes, tfhd.content) & 0xff_ffff;
  let at = tfhd.content + 8 + (tfhdFlags & 0x01 ? 8 : 0) + (tfhdFlags & 0x02 ? 4 : 0);
  const defaultDuration = tfhdFlags & 0x08 && at + 4 <= tfhd.end ? u32be(bytes, at) : trexDuration;
  let time = firstTime(bytes, child(bytes, traf, "tfdt")) ?? previousEnd;
  for (const trun of boxes(bytes, traf.content, traf.end)) {
    if (trun.type !== "trun" || !fits(bytes, trun.content, 8)) continue;
    const flags = u32be(bytes, trun.content) & 0xff_ffff;
    const samples = u32be(bytes, trun.content + 4);
    at = trun.content + 8 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0);
    if (!(flags & 0x100)) {
      time += samples * defaultDuration;
      continue;
    }
    const stride = 4 * [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length;
    for (let i = 0; i < samples && at + 4 <= trun.end; i++, at += stride) time += u32be(bytes, at);
  }
  return time;
}

const IMAGE_BRANDS = new Set(["heic", "heix", "heim", "heis", "mif1", "msf1", "avif", "avis"]);

export function probeMp4(bytes: Uint8Array): Result<ProbedDuration> {
  const brand = ascii(bytes, 8, 4);
  if (IMAGE_BRANDS.has(brand)) return fail("VOICE.NOT_AUDIO", { container: "mp4", brand });
  let movie = { timescale: 0, duration: 0 };
  let fragmentDuration = 0; // mvex/mehd, in movie timescale
  let audio: Track | null = null;
  const trexDurations = new Map<number, number>();
  let fragmentsEnd = 0; // in the audio track's timescale
  let sawMoov = false;

  for (const top of boxes(bytes, 0, bytes.length)) {
    if (top.type === "moov") {
      sawMoov = true;
      for (const box of boxes(bytes, top.content, top.end)) {
        if (box.type === "mvhd") movie = timescaleAndDuration(bytes, box);
        if (box.type === "trak") {
          const track = readTrack(bytes, box);
          if (track && (audio === null || (!audio.isAudio && track.isAudio))) audio = track;
        }
        if (box.type !== "mvex") continue;
        fragmentDuration = firstTime(bytes, child(bytes, box, "mehd")) ?? 0;
        for (const trex of boxes(bytes, box.content, box.end)) {
          if (trex.type === "trex" && fits(bytes, trex.content, 20)) {
            trexDurations.set(u32be(bytes, trex.content + 4), u32be(bytes, trex.content + 12));
          }
        }
      }
    }
    if (top.type === "moof" && audio !== null) {
      const trexDuration = trexDurations.get(audio.id) ?? 0;
      for (const traf of boxes(bytes, top.content, top.end)) {
        if (traf.type !== "traf") continue;
        const end = fragmentEnd(bytes, traf, audio.id, trexDuration, fragmentsEnd);
        if (end !== null) fragmentsEnd = Math.max(fragmentsEnd, end);
      }
    }
  }

  if (!sawMoov) return corrupt("m4a", "no moov box");
  const toMs = (units: number, timescale: number) => (timescale > 0 ? (units * 1000) / timescale : 0);
  const candidates = [
    toMs(movie.duration, movie.timescale),
    toMs(fragmentDuration, movie.timescale),
    audio ? toMs(audio.duration, audio.timescale) : 0,
    audio ? toMs(fragmentsEnd, audio.timescale) : 0,
  ];
  const durationMs = candidates.find((ms) => ms > 0);
  return durationMs === undefined
    ? corrupt("m4a", "no duration in moov or fragments")
    : ok({ format: "m4a", durationMs });
}
