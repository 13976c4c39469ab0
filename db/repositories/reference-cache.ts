/**
 * Reference data read on every message — places, categories, group chat bindings, routing rules,
 * SLA policies — kept in this process for a short time. Each read costs a database round trip
 * (about half a millisecond through Prisma on SQLite, more on PostgreSQL) and a filed report made
 * some fifteen of them. These tables change rarely and only by admins: a change is seen by every
 * instance within `ttlMs` (REFERENCE_CACHE_SECONDS), and at once by the instance that made it
 * when it goes through `forget`. Only what exists is kept: a missing row is asked for again.
 */
export class ReferenceCache {
  private readonly entries = new Map<string, { value: unknown; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 50_000,
  ) {}

  /** `load` on a miss or once the entry is older than the TTL; null and undefined are not kept. */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && hit.until > now) return hit.value as T;
    const value = await load();
    if (value !== null && value !== undefined) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.delete(key);
      this.entries.set(key, { value, until: now + this.ttlMs });
    }
    return value;
  }

  /** Drop every entry whose key starts with `prefix` (all of them without one). */
  forget(prefix = ""): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

/** No caching: every read goes to the database (tests that edit reference rows in place). */
export const NO_REFERENCE_CACHE = new ReferenceCache(0);
