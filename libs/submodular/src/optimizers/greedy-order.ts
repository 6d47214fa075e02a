import type { GainOracle, MaximizeOptions, Selection } from '../types.js';
import { maximize } from './maximize.js';

/**
 * Lazy-greedy order of `size` elements, where size may be n itself. Greedy budgets stay below n (as in submodlib),
 * so a complete order runs to n−1 and the one element left is appended with its own marginal gain: every prefix
 * is then the greedy selection of that size.
 */
export async function greedyOrder(
  oracle: GainOracle,
  size: number,
  options: Pick<MaximizeOptions, 'lazyBatchSize' | 'onStep'> = {},
): Promise<Selection> {
  const { n } = oracle;
  if (!Number.isInteger(size) || size < 1 || size > n)
    throw new RangeError(`order size must be in [1, ${n}], got ${size}`);
  const selection =
    n > 1
      ? await maximize(oracle, { ...options, optimizer: 'lazy', budget: Math.min(size, n - 1) })
      : { order: [], gains: [], evaluations: 0 };
  if (selection.order.length < size) {
    const chosen = new Uint8Array(n);
    for (const k of selection.order) chosen[k] = 1;
    const last = chosen.indexOf(0);
    selection.gains.push((await oracle.gains(Int32Array.of(last)))[0]!);
    selection.order.push(last);
    selection.evaluations++;
    options.onStep?.(selection.order.length, last, selection.gains.at(-1)!, selection.evaluations);
  }
  return selection;
}
