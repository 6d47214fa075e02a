import type { GainOracle, MaximizeOptions, Selection } from '../types.js';
import { lazierGreedy } from './lazier-greedy.js';
import { lazyGreedy } from './lazy-greedy.js';
import { naiveGreedy } from './naive-greedy.js';
import { stochasticGreedy } from './stochastic-greedy.js';

const OPTIMIZERS = {
  naive: naiveGreedy,
  lazy: lazyGreedy,
  stochastic: stochasticGreedy,
  lazier: lazierGreedy,
};

/**
 * Greedily maximises the oracle's set function with the chosen optimizer: one element and one gain per step, no
 * early stop unless a stop option is set. Bad options throw (synchronously) before the oracle is asked anything.
 */
export function maximize(oracle: GainOracle, options: MaximizeOptions): Promise<Selection> {
  const run = OPTIMIZERS[options.optimizer];
  if (run === undefined)
    throw new TypeError(`unknown optimizer '${options.optimizer}' (naive, lazy, stochastic, lazier)`);
  if (!Number.isInteger(options.budget) || options.budget < 1 || options.budget >= oracle.n) {
    throw new RangeError(`budget must be an integer in [1, ${oracle.n - 1}], got ${options.budget}`);
  }
  const { epsilon, seed, lazyBatchSize } = options;
  if (epsilon !== undefined && !(epsilon > 0 && epsilon < 1))
    throw new RangeError(`epsilon must be in (0, 1), got ${epsilon}`);
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new RangeError(`seed must be an integer, got ${seed}`);
  if (lazyBatchSize !== undefined && !(Number.isInteger(lazyBatchSize) && lazyBatchSize >= 1))
    throw new RangeError(`lazyBatchSize must be an integer ≥ 1, got ${lazyBatchSize}`);
  return run(oracle, options);
}
