import type { GainOracle, MaximizeOptions, Selection } from '../types.js';
import { FreshGains } from './fresh-gains.js';
import { GainHeap } from './gain-heap.js';
import { shouldStop } from './stop-rule.js';

/**
 * submodlib's LazyGreedy: a max-heap of (stale gain, element), filled with every singleton gain. Each step pops the
 * top, recomputes its gain against the current selection, and takes it if that gain is ≥ the stale gain now on top
 * (or nothing is left); otherwise pushes it back with the fresh gain and pops again. With non-submodular functions
 * (graph cut over negative similarities) stale gains are not upper bounds, and this still reproduces the reference.
 */
export async function lazyGreedy(oracle: GainOracle, options: MaximizeOptions): Promise<Selection> {
  const { n } = oracle;
  const batchSize = options.lazyBatchSize ?? 1;
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = n - 1 - i;
  const singletons = await oracle.gains(all);
  let evaluations = n;
  const heap = new GainHeap(n);
  const fresh = new FreshGains(n);
  for (let i = 0; i < n; i++) {
    heap.push(singletons[i]!, all[i]!);
    fresh.set(all[i]!, singletons[i]!); // valid until the first commit: the first pop needs no new request
  }

  const order: number[] = [];
  const gains: number[] = [];
  const request = new Int32Array(Math.min(batchSize, n));
  while (order.length < options.budget && heap.size > 0) {
    const k = heap.topElement();
    heap.pop();
    if (!fresh.has(k)) {
      // Ask for k and, up to the batch size, the entries nearest the top (heap storage order) not yet fresh.
      request[0] = k;
      let count = 1;
      for (let i = 0; i < heap.size && count < batchSize; i++) {
        const e = heap.elementAt(i);
        if (!fresh.has(e)) request[count++] = e;
      }
      const batch = await oracle.gains(request.subarray(0, count));
      evaluations += count;
      for (let c = 0; c < count; c++) fresh.set(request[c]!, batch[c]!);
    }
    const gain = fresh.get(k);
    if (heap.size === 0 || gain >= heap.topGain()) {
      if (shouldStop(gain, options)) break;
      await oracle.commit(k);
      fresh.invalidate();
      order.push(k);
      gains.push(gain);
      options.onStep?.(order.length, k, gain, evaluations);
    } else {
      heap.push(gain, k);
    }
  }
  return { order, gains, evaluations };
}
