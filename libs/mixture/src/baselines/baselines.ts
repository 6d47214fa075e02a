import { createRng } from '@smartmix/submodular';
import { type Allocation, allocateByWeights } from '../stage1/allocate.js';
import {
  AllocationError,
  checkCounts,
  type TaskCounts,
  TEMPLATE_TYPES,
  type TemplateCounts,
  taskSize,
} from '../template-counts.js';

export type BaselineMixer = 'proportional' | 'temperature' | 'equal' | 'unimax' | 'random';

export interface BaselineParameters {
  /** proportional: per-task cap K on the size used as weight (Raffel et al. 2020, T5's examples-proportional). */
  cap?: number;
  /** temperature: p ∝ size^(1/T) (T5 / mT5 temperature sampling); default 2. */
  temperature?: number;
  /**
   * unimax: at most this many epochs of any task (Chung et al. 2023); default 1. Mixtures never repeat an instance,
   * so every budget is also capped at its task's size, and redistribution of what caps remove may pass maxEpochs·size
   * when maxEpochs < 1.
   */
  maxEpochs?: number;
  /** random: seed of the uniform draw. */
  seed?: number;
}

/**
 * Baselines choose among the M' largest tasks (ties by name) when M' is below the number of tasks: a
 * deterministic subset that a user can reproduce without any embeddings.
 */
export function largestTasks(tasks: readonly TaskCounts[], numTasks: number): TaskCounts[] {
  if (!Number.isSafeInteger(numTasks) || numTasks < 1 || numTasks > tasks.length) {
    throw new AllocationError(`number of tasks M' must be in [1, ${tasks.length}], got ${numTasks}`);
  }
  return [...tasks]
    .sort(
      (a, b) => taskSize(b.counts) - taskSize(a.counts) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, numTasks);
}

/** UniMax: uniform budget over tasks, smallest first, each capped at maxEpochs·size, leftovers to the rest. */
function unimaxWeights(sizes: number[], budget: number, maxEpochs: number): number[] {
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[a]! - sizes[b]! || a - b);
  const weights = new Array<number>(sizes.length).fill(0);
  let left = budget;
  order.forEach((task, position) => {
    const share = left / (order.length - position);
    weights[task] = Math.min(share, maxEpochs * sizes[task]!);
    left -= weights[task]!;
  });
  return weights;
}

/** Random: N' instances drawn uniformly without replacement from the chosen tasks; budgets are what was drawn. */
function randomAllocation(tasks: TaskCounts[], budget: number, seed: number): Allocation {
  const cells = tasks.flatMap((t) => TEMPLATE_TYPES.map((type) => t.counts[type]));
  const total = cells.reduce((a, b) => a + b, 0);
  if (budget > total)
    throw new AllocationError(`the selected tasks hold ${total} instances, fewer than the budget ${budget}`);
  // Sequential hypergeometric draw per (task, template type) cell: exact, and O(cells + budget) in time.
  const rng = createRng(seed);
  const drawn = cells.map(() => 0);
  let remainingPool = total;
  let remainingDraws = budget;
  cells.forEach((size, c) => {
    for (let i = 0; i < size && remainingDraws > 0; i++) {
      if (rng.nextInt(remainingPool) < remainingDraws) {
        drawn[c]!++;
        remainingDraws--;
      }
      remainingPool--;
    }
  });
  const budgets: Record<string, number> = {};
  const templateBudgets: Record<string, TemplateCounts> = {};
  tasks.forEach((t, i) => {
    const split = Object.fromEntries(
      TEMPLATE_TYPES.map((type, j) => [type, drawn[i * 4 + j]!]),
    ) as TemplateCounts;
    budgets[t.name] = taskSize(split);
    templateBudgets[t.name] = split;
  });
  return { budgets, templateBudgets, redistributed: 0 };
}

/** Per-task budgets of a baseline mixer, in the same shape as SMART's, so mixers differ by one flag. */
export function baselineAllocation(
  mixer: BaselineMixer,
  allTasks: readonly TaskCounts[],
  numTasks: number,
  budget: number,
  parameters: BaselineParameters = {},
): Allocation {
  checkCounts(allTasks);
  const tasks = largestTasks(allTasks, numTasks);
  const sizes = tasks.map((t) => taskSize(t.counts));
  if (mixer === 'random') return randomAllocation(tasks, budget, parameters.seed ?? 0);
  let weights: number[];
  if (mixer === 'proportional')
    weights = sizes.map((s) => Math.min(s, parameters.cap ?? Number.POSITIVE_INFINITY));
  else if (mixer === 'temperature') weights = sizes.map((s) => s ** (1 / (parameters.temperature ?? 2)));
  else if (mixer === 'equal') weights = sizes.map(() => 1);
  else weights = unimaxWeights(sizes, budget, parameters.maxEpochs ?? 1);
  const { budgets, templateBudgets, redistributed } = allocateByWeights(tasks, weights, budget);
  return { budgets, templateBudgets, redistributed };
}
