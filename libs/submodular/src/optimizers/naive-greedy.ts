import type { GainOracle, MaximizeOptions, Selection } from '../types.js';
import { shouldStop } from './stop-rule.js';

/**
 * Every step evaluates all unchosen elements (one oracle request, in ground-set order n−1 … 0) and keeps the first
 * strictly larger gain, so exact ties go to the largest index — submodlib's NaiveGreedy.
 */
export async function naiveGreedy(oracle: GainOracle, options: MaximizeOptions): Promise<Selection> {
  const { n } = oracle;
  const chosen = new Uint8Array(n);
  const order: number[] = [];
  const gains: number[] = [];
  let evaluations = 0;
  while (order.length < options.budget) {
    const candidates = new Int32Array(n - order.length);
    for (let i = n - 1, c = 0; i >= 0; i--) if (!chosen[i]) candidates[c++] = i;
    const candidateGains = await oracle.gains(candidates);
    evaluations += candidates.length;
    let best = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < candidates.length; c++) {
      if (candidateGains[c]! > bestGain) {
        bestGain = candidateGains[c]!;
        best = candidates[c]!;
      }
    }
    if (best < 0 || shouldStop(bestGain, options)) break;
    await oracle.commit(best);
    chosen[best] = 1;
    order.push(best);
    gains.push(bestGain);
    options.onStep?.(order.length, best, bestGain, evaluations);
  }
  return { order, gains, evaluations };
}
