import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ShortMemory } from "./short-memory";

describe("ShortMemory", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-12-07T08:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  function counter(values: (string | null)[]) {
    let reads = 0;
    return {
      read: async () => values[reads++] ?? null,
      reads: () => reads,
    };
  }

  it("keeps a value for its time and reads again after it", async () => {
    const memory = new ShortMemory<string>(2_000);
    const source = counter(["first", "second"]);
    expect(await memory.get("p-1", source.read)).toBe("first");
    vi.advanceTimersByTime(1_999);
    expect(await memory.get("p-1", source.read)).toBe("first");
    expect(source.reads()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await memory.get("p-1", source.read)).toBe("second");
    expect(source.reads()).toBe(2);
  });

  it("keeps nothing with no time, no misses, and nothing forgotten", async () => {
    const none = new ShortMemory<string>(0);
    const a = counter(["a", "b"]);
    await none.get("k", a.read);
    expect(await none.get("k", a.read)).toBe("b");

    const memory = new ShortMemory<string>(2_000);
    const missThenHit = counter([null, "found"]);
    expect(await memory.get("k", missThenHit.read)).toBeNull();
    expect(await memory.get("k", missThenHit.read)).toBe("found");

    const changed = counter(["old", "new"]);
    await memory.get("other", changed.read);
    memory.forget("other");
    expect(await memory.get("other", changed.read)).toBe("new");
  });

  it("starts over rather than growing past its size", async () => {
    const memory = new ShortMemory<number>(60_000, 2);
    let reads = 0;
    const read = async () => ++reads;
    await memory.get("a", read);
    await memory.get("b", read);
    await memory.get("c", read); // full: cleared, then c kept
    expect(await memory.get("c", read)).toBe(3);
    expect(await memory.get("a", read)).toBe(4);
  });
});
