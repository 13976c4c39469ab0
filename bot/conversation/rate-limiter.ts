/** A sliding one-minute window per key, in memory (per process: enough to stop a flood from one person). */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** True when the key may go on; records the hit. */
  allow(key: string, now: Date): boolean {
    const since = now.getTime() - 60_000;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > since);
    const allowed = recent.length < this.perMinute;
    if (allowed) recent.push(now.getTime());
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(since);
    return allowed;
  }

  /** How many times the key went over in this window (to warn once, not on every message). */
  private prune(since: number): void {
    for (const [key, times] of this.hits) if (times.every((at) => at <= since)) this.hits.delete(key);
  }
}
