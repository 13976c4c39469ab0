/**
 * Values read moments ago, kept for `forMs` of wall time (0: nothing is kept). For reads one
 * message repeats (its sender, the worker a case goes to); `forget` after a change made here, and
 * another instance's changes show once the time is up. Misses (null) are not kept.
 */
export class ShortMemory<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    readonly forMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: string, read: () => Promise<V | null>): Promise<V | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await read();
    if (value !== null && this.forMs > 0) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, until: now + this.forMs });
    }
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
