import type { GainOracle } from '../types.js';
import { checkCandidates, checkCommit } from '../validate.js';
import { coverBlocksOnce, type FacilityLocationPart } from './facility-location-shard.js';

/**
 * Facility location as a gain oracle over shards that own contiguous ranges of summation blocks, held in this process
 * or by workers: the parts answer per-block partial sums and this adds them in block order, in float64 — the blocked
 * summation every facility-location gain uses — so the gains, and every greedy decision, are the same bits for one
 * shard or many.
 */
export class ShardedFacilityLocation implements GainOracle {
  private readonly selected: Uint8Array;
  private readonly parts: readonly FacilityLocationPart[];
  /**
   * Committed here but not yet sent to the parts: they travel with the next gains request (commitFirst), so a
   * greedy step costs one round trip to each worker instead of two. Anything that reads the memo sends them first.
   */
  private pending: number[] = [];

  constructor(
    readonly n: number,
    parts: readonly FacilityLocationPart[],
  ) {
    this.parts = coverBlocksOnce(n, parts, 'facility-location shards');
    this.selected = new Uint8Array(n);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    const commitFirst = this.takePending();
    const partials = await Promise.all(this.parts.map((part) => part.partialGains(candidates, commitFirst)));
    const out = new Float64Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      let total = 0;
      this.parts.forEach((part, s) => {
        const width = part.endBlock - part.firstBlock;
        const mine = partials[s]!;
        for (let b = c * width, end = b + width; b < end; b++) total += mine[b]!;
      });
      out[c] = total;
    }
    return out;
  }

  async commit(k: number): Promise<void> {
    checkCommit(k, this.n, this.selected);
    this.selected[k] = 1;
    this.pending.push(k);
  }

  private takePending(): Int32Array | undefined {
    if (this.pending.length === 0) return undefined;
    const elements = Int32Array.from(this.pending);
    this.pending = [];
    return elements;
  }

  /** f(selection): the memo's partial sums added in block order, as facility location's evaluate computes it. */
  async value(): Promise<number> {
    const commit = this.takePending();
    if (commit) await Promise.all(this.parts.map((part) => part.commit(commit)));
    const parts = await Promise.all(this.parts.map((part) => part.valueParts()));
    let total = 0;
    for (const mine of parts) for (const sum of mine) total += sum;
    return total;
  }

  async release(): Promise<void> {
    await Promise.all(this.parts.map((part) => part.release()));
  }
}
