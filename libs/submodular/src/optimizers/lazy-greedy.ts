import type { GainOracle, MaximizeOptions, Selection } from '../types.js';
import { GainHeap } from './gain-heap.js';
import { shouldStop } from './stop-rule.js';

/**
 * Fresh gains against the current selection, valid until the next commit: lets one oracle request serve several
 * pops of the same step without changing any decision.
 */
class FreshGains {
  private readonly gains: Float64Array;
  private readonly epochOf: Int32Array;
  private epoch = 1;

  constructor(n: number) {
    this.gains = new Float64Array(n);
    this.epochOf = new Int32Array(n);
  }

  get(k: number): number | undefined {
    return this.epochOf[k] === this.epoch ? this.gains[k] : undefined;
  }

  set(k: number, gain: number): void {
    this.gains[k] = gain;
    this.epochOf[k] = this.epoch;
  }

  invalidate(): void {
    this.epoch++;
  }
}

/**
 * submodlib's LazyGreedy: a max-heap of (stale gain, element), filled with every singleton gain. Each step pops the
 * top, recomputes its gain against the current selection, and takes it if that gain is ≥ the stale gain now on top
 * (or nothing is left); otherwise pushes it back with the fresh gain and pops again. With non-submodular functions
 * (graph cut over negative similarities) stale gains are not upper bounds, and this still reproduces the reference.
 */
export async function lazyGreedy(oracle: GainOracle, options: MaximizeOptions): Promise<Selection> {
  const { n } = oracle;
  const batchSize = Math.max(1, Math.floor(options.lazyBatchSize ?? 1));
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = n - 1 - i;
  const singletons = await oracle.gains(all);
  let evaluations = n;
  const heap = new GainHeap(n);
  for (let i = 0; i < n; i++) heap.push(singletons[i]!, all[i]!);

  const fresh = new FreshGains(n);
  const order: number[] = [];
  const gains: number[] = [];
  const request = new Int32Array(batchSize);
  while (order.length < options.budget && heap.size > 0) {
    const k = heap.topElement();
    heap.pop();
    let gain = fresh.get(k);
    if (gain === undefined) {
      request[0] = k;
      let count = 1;
      for (let i = 0; i < heap.size && count < batchSize; i++) {
        const e = heap.elementAt(i);
        if (fresh.get(e) === undefined) request[count++] = e;
      }
      const batch = await oracle.gains(request.subarray(0, count));
      evaluations += count;
      for (let c = 0; c < count; c++) fresh.set(request[c]!, batch[c]!);
      gain = batch[0]!;
    }
    if (heap.size === 0 || gain >= heap.topGain()) {
      if (shouldStop(gain, options)) break;
      await oracle.commit(k);
      fresh.invalidate();
      order.push(k);
      gains.push(gain);
      options.onStep?.(order.length, k, gain);
    } else {
      heap.push(gain, k);
    }
  }
  return { order, gains, evaluations };
}
