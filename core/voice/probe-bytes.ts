// Bounds-safe reads for the audio parsers. Voice notes arrive from strangers' phones: a parser
// must answer for any bytes at all, so nothing here throws and a byte past the end reads as 0.
// Callers check `fits` wherever a short read would give a wrong answer instead of an obvious one.
import { type Failure, fail } from "../shared/result";
import type { AudioFormat } from "./audio-probe";

/** What a format parser found: the format (the parser may refine it) and an unrounded duration. */
export interface ProbedDuration {
  readonly format: AudioFormat;
  readonly durationMs: number;
}

export function fits(bytes: Uint8Array, offset: number, length: number): boolean {
  return offset >= 0 && length >= 0 && offset + length <= bytes.length;
}

export function byteAt(bytes: Uint8Array, offset: number): number {
  return bytes[offset] ?? 0;
}

export function u16le(bytes: Uint8Array, offset: number): number {
  return byteAt(bytes, offset) | (byteAt(bytes, offset + 1) << 8);
}

export function u16be(bytes: Uint8Array, offset: number): number {
  return (byteAt(bytes, offset) << 8) | byteAt(bytes, offset + 1);
}

export function u32le(bytes: Uint8Array, offset: number): number {
  return (u16le(bytes, offset) + u16le(bytes, offset + 2) * 0x10000) >>> 0;
}

export function u32be(bytes: Uint8Array, offset: number): number {
  return (u16be(bytes, offset) * 0x10000 + u16be(bytes, offset + 2)) >>> 0;
}

/** 64-bit values as numbers: exact up to 2^53, far beyond any voice note's sample count. */
export function u64le(bytes: Uint8Array, offset: number): number {
  return u32le(bytes, offset + 4) * 0x1_0000_0000 + u32le(bytes, offset);
}

export function u64be(bytes: Uint8Array, offset: number): number {
  return u32be(bytes, offset) * 0x1_0000_0000 + u32be(bytes, offset + 4);
}

/** True when `text` (ASCII) is at `offset`; false when it is not, or would run past the end. */
export function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (!fits(bytes, offset, text.length)) return false;
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

export function ascii(bytes: Uint8Array, offset: number, length: number): string {
  let text = "";
  for (let i = 0; i < length && offset + i < bytes.length; i++)
    text += String.fromCharCode(byteAt(bytes, offset + i));
  return text;
}

/** The failure for "this is format X, but its duration cannot be read". */
export function corrupt(format: AudioFormat | "ogg", reason: string): Failure {
  return fail("VOICE.CORRUPT", { format, reason });
}
