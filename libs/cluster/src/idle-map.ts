/**
 * A map whose entries expire after `ttlMs` without use. A worker keeps matrices and shards for its coordinators; a
 * coordinator that dies without closing them (SIGKILL, a lost node) would otherwise leave them in the worker's memory
 * for good. Every get() counts as use. Expired entries are handed to `onExpire` (to release native resources).
 */
export class IdleMap<V> {
  private readonly entries = new Map<string, { value: V; usedAt: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    private readonly onExpire: (key: string, value: V) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => this.sweep(), Math.max(1000, Math.min(60_000, ttlMs / 4)));
    this.timer.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  set(key: string, value: V): void {
    this.entries.set(key, { value, usedAt: this.now() });
  }

  /** The value, marking it used now. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry) entry.usedAt = this.now();
    return entry?.value;
  }

  delete(key: string): V | undefined {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry?.value;
  }

  /** Drops the entry unused for longest (handed to `onExpire`), to make room under a bound on the entries. */
  dropLeastRecentlyUsed(): void {
    let oldest: [string, { value: V; usedAt: number }] | undefined;
    for (const entry of this.entries) if (!oldest || entry[1].usedAt < oldest[1].usedAt) oldest = entry;
    if (!oldest) return;
    this.entries.delete(oldest[0]);
    this.onExpire(oldest[0], oldest[1].value);
  }

  /** Drops every entry unused for longer than the TTL (called by the timer; public for tests). */
  sweep(): void {
    const cutOff = this.now() - this.ttlMs;
    for (const [key, entry] of this.entries) {
      if (entry.usedAt < cutOff) {
        this.entries.delete(key);
        this.onExpire(key, entry.value);
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
