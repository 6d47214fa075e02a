import { createRng } from '../rng.js';
import type { GainOracle, MaximizeOptions, Selection } from '../types.js';
import { Remaining, sampleSize } from './sampling.js';
import { shouldStop } from './stop-rule.js';

/**
 * Lazier-than-lazy greedy: stochastic greedy's sample, searched lazily. Every element keeps its last computed gain
 * as a (stale) bound, all singletons first. Within a step's sample, elements are visited by bound (then larger
 * element first) and evaluated fresh until the best fresh gain found is ≥ the next bound; the best fresh gain
 * wins (ties → larger element). For submodular functions this takes the same element as stochastic greedy with
 * the same sample, with fewer evaluations.
 */
export async function lazierGreedy(oracle: GainOracle, options: MaximizeOptions): Promise<Selection> {
  const { n } = oracle;
  const rng = createRng(options.seed ?? 0);
  const epsilon = options.epsilon ?? 0.01;
  const all = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
  const initial = await oracle.gains(all);
  const bound = new Float64Array(n);
  for (let i = 0; i < n; i++) bound[all[i]!] = initial[i]!;
  let evaluations = n;
  const remaining = new Remaining(n);
  const order: number[] = [];
  const gains: number[] = [];
  const one = new Int32Array(1);
  while (order.length < options.budget && remaining.size > 0) {
    const sample = Array.from(remaining.sample(sampleSize(n, options.budget, epsilon, remaining.size), rng));
    sample.sort((a, b) => bound[b]! - bound[a]! || b - a);
    let best = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (const element of sample) {
      if (best >= 0 && bestGain >= bound[element]!) break;
      one[0] = element;
      const gain = (await oracle.gains(one))[0]!;
      evaluations++;
      bound[element] = gain;
      if (gain > bestGain || (gain === bestGain && element > best)) {
        best = element;
        bestGain = gain;
      }
    }
    if (shouldStop(bestGain, options)) break;
    await oracle.commit(best);
    remaining.remove(best);
    order.push(best);
    gains.push(bestGain);
    options.onStep?.(order.length, best, bestGain);
  }
  return { order, gains, evaluations };
}
