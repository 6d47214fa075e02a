import { createRng } from '../rng.js';
import type { GainOracle, MaximizeOptions, Selection } from '../types.js';
import { bestOf, Remaining, sampleSize } from './sampling.js';
import { shouldStop } from './stop-rule.js';

/**
 * Stochastic greedy (Mirzasoleiman et al., "Lazier than lazy greedy", 2015): each step draws a uniform sample of
 * ⌊(n/budget)·ln(1/ε)⌋ unchosen elements with the seeded generator and takes the best of them.
 */
export async function stochasticGreedy(oracle: GainOracle, options: MaximizeOptions): Promise<Selection> {
  const { n } = oracle;
  const rng = createRng(options.seed ?? 0);
  const epsilon = options.epsilon ?? 0.01;
  const remaining = new Remaining(n);
  const order: number[] = [];
  const gains: number[] = [];
  let evaluations = 0;
  while (order.length < options.budget && remaining.size > 0) {
    const sample = remaining.sample(sampleSize(n, options.budget, epsilon, remaining.size), rng);
    const sampleGains = await oracle.gains(sample);
    evaluations += sample.length;
    const best = bestOf(sample, sampleGains);
    const element = sample[best]!;
    const gain = sampleGains[best]!;
    if (shouldStop(gain, options)) break;
    await oracle.commit(element);
    remaining.remove(element);
    order.push(element);
    gains.push(gain);
    options.onStep?.(order.length, element, gain, evaluations);
  }
  return { order, gains, evaluations };
}
