import { AllocationError } from '../template-counts.js';

export interface CappedBudgets {
  /** min(part, size), before redistribution. */
  capped: number[];
  /** Final budgets. */
  budgets: number[];
  /** R: the excess removed by capping and handed out again. */
  redistributed: number;
}

/**
 * Caps each part at its task's size and hands the excess R back out: sweeps in greedy order give +1 to every task
 * still below its size, stopping the moment R reaches 0 (mid-sweep), until R = 0.
 */
export function capAndRedistribute(parts: readonly number[], sizes: readonly number[]): CappedBudgets {
  const total = parts.reduce((a, b) => a + b, 0);
  const capacity = sizes.reduce((a, b) => a + b, 0);
  if (capacity < total) {
    throw new AllocationError(
      `the selected tasks hold ${capacity} instances, fewer than the budget ${total} (select more tasks or lower the budget)`,
    );
  }
  const capped = parts.map((p, i) => Math.min(p, sizes[i]!));
  let excess = parts.reduce((sum, p, i) => sum + (p - capped[i]!), 0);
  const redistributed = excess;
  const budgets = [...capped];
  while (excess > 0) {
    for (let i = 0; i < budgets.length && excess > 0; i++) {
      if (budgets[i]! < sizes[i]!) {
        budgets[i]!++;
        excess--;
      }
    }
  }
  return { capped, budgets, redistributed };
}
