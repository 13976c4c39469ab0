/// <reference types="vite/client" />
// Real voice notes made once by fixtures/voice/make-fixtures.sh (ffmpeg + espeak-ng), checked
// against what ffprobe said; formats ffmpeg cannot write (SILK, AMR here) are built byte by byte.
// Fixtures load as base64 through Vite's `?inline` import: core may not import node:fs, tests included.
import { describe, expect, it } from "vitest";
import ffprobeDurations from "../../fixtures/voice/durations.json";
import { type AudioFormat, probeAudio } from "./audio-probe";

const inlined = import.meta.glob<string>("../../fixtures/voice/*.{ogg,webm,m4a,mp3,wav,png}", {
  query: "?inline",
  import: "default",
  eager: true,
});

function fixture(name: string): Uint8Array {
  const dataUrl = inlined[`../../fixtures/voice/${name}`];
  if (dataUrl === undefined) throw new Error(`no fixture ${name}`);
  const binary = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

const bytes = (...parts: (readonly number[] | string | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : [...part])),
  );
const filled = (count: number, value: number): number[] => new Array<number>(count).fill(value);
const repeat = <T>(count: number, item: T): T[] => Array.from({ length: count }, () => item);
const u16le = (n: number) => [n & 0xff, n >> 8];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

function durationOf(audio: Uint8Array): number {
  const probed = probeAudio(audio);
  if (!probed.ok) throw new Error(`expected audio, got ${probed.code} ${JSON.stringify(probed.detail)}`);
  return probed.value.durationMs;
}

describe("probeAudio on real voice notes", () => {
  const cases: [file: keyof typeof ffprobeDurations, format: AudioFormat, mime: string, extension: string][] =
    [
      ["light-broken.ogg", "ogg-opus", "audio/ogg", "ogg"],
      ["drain-blocked.ogg", "ogg-opus", "audio/ogg", "ogg"],
      ["rubbish.ogg", "ogg-opus", "audio/ogg", "ogg"],
      ["light-broken-vorbis.ogg", "ogg-vorbis", "audio/ogg", "ogg"],
      ["light-broken.webm", "webm", "audio/webm", "webm"],
      ["light-broken-live.webm", "webm", "audio/webm", "webm"],
      ["light-broken.m4a", "m4a", "audio/mp4", "m4a"],
      ["light-broken-fragmented.m4a", "m4a", "audio/mp4", "m4a"],
      ["light-broken.mp3", "mp3", "audio/mpeg", "mp3"],
      ["light-broken.wav", "wav", "audio/wav", "wav"],
    ];

  it.each(cases)("reads %s as %s, within 60 ms of ffprobe", (file, format, mime, extension) => {
    const probed = probeAudio(fixture(file));
    expect(probed).toEqual({ ok: true, value: { format, mime, extension, durationMs: expect.any(Number) } });
    const durationMs = probed.ok ? probed.value.durationMs : 0;
    expect(Number.isInteger(durationMs)).toBe(true);
    expect(Math.abs(durationMs - ffprobeDurations[file])).toBeLessThanOrEqual(60);
  });

  it("has an ffprobe duration for every real fixture, and a case for each", () => {
    expect(Object.keys(ffprobeDurations).sort()).toEqual(cases.map(([file]) => file).sort());
  });

  it("reads a MediaRecorder-like WebM whose Info has no Duration from its blocks", () => {
    const live = fixture("light-broken-live.webm");
    // The second Info ID is the element itself (the first is in the SeekHead); its size fits one byte.
    const infoIds = [...live.keys()].filter((i) =>
      [0x15, 0x49, 0xa9, 0x66].every((b, k) => live[i + k] === b),
    );
    const info = infoIds[1] ?? -1;
    expect((live[info + 4] ?? 0) & 0x80).toBe(0x80); // a one-byte size
    const infoBody = live.subarray(info + 5, info + 5 + ((live[info + 4] ?? 0) & 0x7f));
    expect(infoBody.length).toBeGreaterThan(0);
    expect([...infoBody.keys()].some((i) => infoBody[i] === 0x44 && infoBody[i + 1] === 0x89)).toBe(false);
    expect(Math.abs(durationOf(live) - durationOf(fixture("light-broken.webm")))).toBeLessThanOrEqual(60);
  });
});

describe("probeAudio refuses what is not audio", () => {
  it("says EMPTY for no bytes", () => {
    expect(probeAudio(new Uint8Array())).toEqual({ ok: false, code: "VOICE.EMPTY" });
  });

  it("says NOT_AUDIO for a PNG, a PDF, text and a lone MP3-like sync word", () => {
    const png = fixture("not-audio.png");
    expect(png.subarray(1, 4)).toEqual(bytes("PNG"));
    for (const notAudio of [
      png,
      bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"),
      new TextEncoder().encode("楼道里的灯坏了三天了，没人来修"),
      bytes([0xff, 0xfb, 0x90, 0x00], filled(417, 0x55)),
      bytes("Ogg"),
    ]) {
      expect(probeAudio(notAudio)).toMatchObject({ ok: false, code: "VOICE.NOT_AUDIO" });
    }
  });

  it("says NOT_AUDIO for an HEIC photo (an MP4 box file with an image brand)", () => {
    expect(probeAudio(bytes([0, 0, 0, 24], "ftypheic", [0, 0, 0, 0], "mif1heic"))).toMatchObject({
      code: "VOICE.NOT_AUDIO",
    });
  });
});

describe("probeAudio on broken files", () => {
  const ogg = fixture("light-broken.ogg");

  it("reads an OGG cut in half up to its last complete page", () => {
    const half = durationOf(ogg.subarray(0, ogg.length >> 1));
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(durationOf(ogg));
  });

  it("says CORRUPT for an OGG of 30 bytes, and for headers followed by garbage", () => {
    expect(probeAudio(ogg.subarray(0, 30))).toMatchObject({ ok: false, code: "VOICE.CORRUPT" });
    expect(probeAudio(fixture("corrupt.ogg"))).toMatchObject({
      ok: false,
      code: "VOICE.CORRUPT",
      detail: { format: "ogg-opus" },
    });
  });

  it("reads a WAV whose data size is unknown (0xFFFFFFFF) or larger than the file from the bytes there", () => {
    const wav = fixture("light-broken.wav");
    const data =
      [...wav.keys()].find((i) => wav[i] === 0x64 && wav[i + 1] === 0x61 && wav[i + 2] === 0x74) ?? -1;
    const streamed = wav.slice();
    streamed.set([0xff, 0xff, 0xff, 0xff], data + 4);
    expect(durationOf(streamed)).toBe(durationOf(wav));
    expect(durationOf(wav.subarray(0, data + 8 + 8000))).toBe(500); // 8 kHz × 16 bit: 16,000 bytes a second
  });

  it("says CORRUPT for a WAV without a fmt chunk, an MP4 without moov, an MP3 tag without frames", () => {
    for (const broken of [
      bytes("RIFF", [4, 0, 0, 0], "WAVEdata", [4, 0, 0, 0], [1, 2, 3, 4]),
      bytes([0, 0, 0, 16], "ftypM4A ", [0, 0, 0, 0]),
      bytes("ID3", [4, 0, 0, 0, 0, 0, 0], filled(64, 0)),
    ]) {
      expect(probeAudio(broken)).toMatchObject({ ok: false, code: "VOICE.CORRUPT" });
    }
  });
});

describe("probeAudio on formats built byte by byte", () => {
  it("counts WeChat SILK frames (20 ms each), with or without the 0x02 byte and the terminator", () => {
    const frames = Array.from({ length: 40 }, (_, i) => [...u16le(10 + i), ...filled(10 + i, i)]).flat();
    expect(durationOf(bytes([0x02], "#!SILK_V3", frames, [0xff, 0xff]))).toBe(800);
    expect(durationOf(bytes("#!SILK_V3", frames))).toBe(800);
    expect(durationOf(bytes("#!SILK_V3", frames, u16le(50), [1, 2, 3]))).toBe(800); // cut-off last frame
    expect(probeAudio(bytes([0x02], "#!SILK_V3"))).toMatchObject({ code: "VOICE.CORRUPT" });
  });

  it("counts AMR-NB and AMR-WB frames (20 ms each)", () => {
    const nbFrame = [0x3c, ...filled(31, 0x11)]; // FT 7 (12.2 kb/s), quality bit set
    const wbFrame = [0x44, ...filled(60, 0x22)]; // FT 8 (23.85 kb/s)
    const noData = [0x7c]; // FT 15: a frame with no payload still lasts 20 ms
    const amrNb = bytes("#!AMR\n", ...repeat(50, nbFrame), noData);
    expect(probeAudio(amrNb)).toEqual({
      ok: true,
      value: { format: "amr", mime: "audio/amr", extension: "amr", durationMs: 1020 },
    });
    expect(durationOf(bytes("#!AMR-WB\n", ...repeat(25, wbFrame), wbFrame.slice(0, 9)))).toBe(500);
    expect(probeAudio(bytes("#!AMR\n"))).toMatchObject({ code: "VOICE.CORRUPT" });
  });

  it("walks MP3 frames without a Xing header, after an ID3v2 tag and its padding", () => {
    const mpeg1 = [0xff, 0xfb, 0x90, 0x00, ...filled(413, 0)]; // 128 kb/s, 44.1 kHz: 417 bytes
    const mpeg2 = [0xff, 0xf3, 0x48, 0xc0, ...filled(140, 0)]; // 32 kb/s, 16 kHz, mono: 144 bytes
    const tag = ["ID3", [3, 0, 0, 0, 0, 0, 20], filled(20 + 7, 0)] as const; // 7 bytes of padding
    expect(durationOf(bytes(...repeat(10, mpeg1)))).toBe(261); // 10 × 1152 / 44,100
    expect(durationOf(bytes(...tag, ...repeat(50, mpeg2), "TAG"))).toBe(1800); // 50 × 576 / 16,000
  });

  it("reads a version-1 mvhd (64-bit times)", () => {
    const mvhd = [1, 0, 0, 0, ...filled(16, 0), ...u32be(1000), 0, 0, 0, 0, ...u32be(2500)];
    const box = (type: string, payload: number[]) => [
      ...u32be(8 + payload.length),
      ...bytes(type),
      ...payload,
    ];
    expect(
      durationOf(bytes(box("ftyp", [...bytes("M4A "), 0, 0, 0, 0]), box("moov", box("mvhd", mvhd)))),
    ).toBe(2500);
  });

  describe("a WebM streamed like Chromium's MediaRecorder: unknown sizes, no Duration", () => {
    const size = (n: number) => (n < 0x7f ? [0x80 | n] : [0x40 | (n >> 8), n & 0xff]);
    const element = (id: number[], ...payload: number[][]) => [
      ...id,
      ...size(payload.flat().length),
      ...payload.flat(),
    ];
    const UNKNOWN = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    const opusFrame = filled(12, 0xfc);
    const simpleBlock = (relative: number) =>
      element([0xa3], [0x81, relative >> 8, relative & 0xff, 0x80], opusFrame);
    const cluster = (timecode: number, blocks: number[][]) => [
      ...[0x1f, 0x43, 0xb6, 0x75, ...UNKNOWN],
      ...element([0xe7], [timecode >> 8, timecode & 0xff]),
      ...blocks.flat(),
    ];
    const header = [
      ...element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], [...bytes("webm")])),
      ...[0x18, 0x53, 0x80, 0x67, ...UNKNOWN],
      ...element([0x15, 0x49, 0xa9, 0x66], element([0x2a, 0xd7, 0xb1], [0x0f, 0x42, 0x40])),
      ...element(
        [0x16, 0x54, 0xae, 0x6b],
        element([0xae], element([0xd7], [1]), element([0x86], [...bytes("A_OPUS")])),
      ),
    ];
    const every20ms = (count: number) => Array.from({ length: count }, (_, i) => simpleBlock(i * 20));

    it("ends at the last SimpleBlock plus one 20 ms frame", () => {
      expect(durationOf(bytes(header, cluster(0, every20ms(50)), cluster(1000, every20ms(25))))).toBe(1500);
    });

    it("uses a BlockGroup's BlockDuration when it has one", () => {
      const group = element([0xa0], element([0xa1], [0x81, 0, 100, 0], opusFrame), element([0x9b], [60]));
      expect(durationOf(bytes(header, cluster(0, every20ms(5)), cluster(2000, [group])))).toBe(2160);
    });

    it("says CORRUPT when no block survived", () => {
      expect(probeAudio(bytes(header))).toMatchObject({ ok: false, code: "VOICE.CORRUPT" });
    });
  });
});

describe("probeAudio never throws", () => {
  // A small seeded generator (mulberry32): the same "random" bytes on every run.
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
  }
  const next = random(20240607);
  const randomBytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(next() * 256));

  // Answers with a code, never an exception, and never through the parser's last-resort catch.
  function expectAnswer(audio: Uint8Array) {
    const probed = probeAudio(audio);
    if (probed.ok)
      expect(Number.isInteger(probed.value.durationMs) && probed.value.durationMs > 0).toBe(true);
    else expect(String(probed.detail?.reason ?? "")).not.toMatch(/^parser failed/);
  }

  const magics = [
    "OggS",
    "\x1a\x45\xdf\xa3",
    "RIFF\0\0\0\0WAVE",
    "\0\0\0\x18ftypM4A ",
    "#!AMR\n",
    "#!AMR-WB\n",
    "\x02#!SILK_V3",
    "ID3",
    "\xff\xfb\x90\x00",
  ];

  it("on random bytes, bare or behind each format's magic", () => {
    for (let i = 0; i < 300; i++) {
      const noise = randomBytes(Math.floor(next() * 600));
      expectAnswer(noise);
      for (const magic of magics) expectAnswer(bytes(magic, noise));
    }
  });

  it("on every fixture cut short, and with bytes flipped", () => {
    for (const name of Object.keys(inlined).map((path) => path.split("/").pop() ?? "")) {
      const whole = fixture(name);
      for (let length = 0; length < whole.length; length += length < 256 ? 1 : 97) {
        expectAnswer(whole.subarray(length >> 1, length)); // a window, so the byte offset is non-zero too
        expectAnswer(whole.subarray(0, length));
      }
      for (let i = 0; i < 40; i++) {
        const damaged = whole.slice();
        for (let k = 0; k < 8; k++) damaged[Math.floor(next() * damaged.length)] = Math.floor(next() * 256);
        expectAnswer(damaged);
      }
    }
  });
});
