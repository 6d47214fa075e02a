import { createRng } from '../rng.js';
import type { GainOracle, MaximizeOptions, Selection } from '../types.js';
import { FreshGains } from './fresh-gains.js';
import { Remaining, sampleSize } from './sampling.js';
import { shouldStop } from './stop-rule.js';

/**
 * Lazier-than-lazy greedy: stochastic greedy's samples (same generator calls, so the same samples while the same
 * elements are taken), searched lazily. Every element keeps as a bound the last gain computed for it
 * (+∞ until it is first evaluated). Within a step's sample, elements are visited by bound, larger first (ties:
 * larger element first), and evaluated fresh until no unvisited element can win: its bound is below the best fresh
 * gain, or equal to it with a smaller element. The best fresh gain wins, ties to the larger element.
 *
 * For a submodular function bounds never fall below fresh gains, so this takes exactly what stochastic greedy
 * takes from the same sample, with no more evaluations (each sampled element at most once per step). For graph cut
 * over negative similarities bounds can be exceeded and the choice may differ.
 *
 * lazyBatchSize b > 1 asks for the next b not-yet-fresh elements of the visiting order in one request; only the
 * visited ones update bounds, so the decisions are those of b = 1.
 */
export async function lazierGreedy(oracle: GainOracle, options: MaximizeOptions): Promise<Selection> {
  const { n } = oracle;
  const rng = createRng(options.seed ?? 0);
  const epsilon = options.epsilon ?? 0.01;
  const batchSize = options.lazyBatchSize ?? 1;
  const bound = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const byBound = (a: number, b: number) => (bound[a] === bound[b] ? b - a : bound[b]! > bound[a]! ? 1 : -1);
  const fresh = new FreshGains(n);
  const remaining = new Remaining(n);
  const request = new Int32Array(Math.min(batchSize, n));
  const order: number[] = [];
  const gains: number[] = [];
  let evaluations = 0;
  while (order.length < options.budget && remaining.size > 0) {
    const sample = remaining
      .sample(sampleSize(n, options.budget, epsilon, remaining.size), rng)
      .sort(byBound);
    let best = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < sample.length; s++) {
      const e = sample[s]!;
      if (best >= 0 && (bound[e]! < bestGain || (bound[e] === bestGain && e < best))) break;
      if (!fresh.has(e)) {
        let count = 0;
        for (let t = s; t < sample.length && count < batchSize; t++) {
          if (!fresh.has(sample[t]!)) request[count++] = sample[t]!;
        }
        const batch = await oracle.gains(request.subarray(0, count));
        evaluations += count;
        for (let c = 0; c < count; c++) fresh.set(request[c]!, batch[c]!);
      }
      const gain = fresh.get(e);
      bound[e] = gain;
      if (gain > bestGain || (gain === bestGain && e > best)) {
        best = e;
        bestGain = gain;
      }
    }
    if (shouldStop(bestGain, options)) break;
    await oracle.commit(best);
    fresh.invalidate();
    remaining.remove(best);
    order.push(best);
    gains.push(bestGain);
    options.onStep?.(order.length, best, bestGain, evaluations);
  }
  return { order, gains, evaluations };
}
