/**
 * Gains computed against the current selection, valid until the next commit. Lets one oracle request serve several
 * lookups of the same step (lazyBatchSize > 1) without changing any decision: a cached gain is the value a fresh
 * request would return. Invalidation is O(1) (an epoch counter), so nothing is cleared per step.
 */
export class FreshGains {
  private readonly gains: Float64Array;
  private readonly epochOf: Int32Array;
  private epoch = 1;

  constructor(n: number) {
    this.gains = new Float64Array(n);
    this.epochOf = new Int32Array(n);
  }

  has(k: number): boolean {
    return this.epochOf[k] === this.epoch;
  }

  /** k's gain against the current selection; only after has(k). */
  get(k: number): number {
    return this.gains[k]!;
  }

  set(k: number, gain: number): void {
    this.gains[k] = gain;
    this.epochOf[k] = this.epoch;
  }

  /** The selection changed: every cached gain is stale. */
  invalidate(): void {
    this.epoch++;
  }
}
