import { AllocationError, type TaskCounts, type TemplateCounts, taskSize } from '../template-counts.js';
import { capAndRedistribute } from './cap.js';
import { splitByFloorAndRemainder } from './split.js';
import { taylorSoftmax } from './taylor-softmax.js';
import { splitTemplateTypes } from './template-split.js';

/** Per-task budgets of a mixture; records keep the selection's order (greedy order for SMART). */
export interface Allocation {
  budgets: Record<string, number>;
  templateBudgets: Record<string, TemplateCounts>;
  redistributed: number;
}

export interface SmartAllocation extends Allocation {
  probabilities: Record<string, number>;
  initialSplit: Record<string, number>;
  cappedBudgets: Record<string, number>;
}

const record = <T>(names: readonly string[], values: readonly T[]): Record<string, T> =>
  Object.fromEntries(names.map((name, i) => [name, values[i]!]));

/** Splits N' over tasks by weight (floor + remainder), caps at task sizes and redistributes, splits by template type. */
export function allocateByWeights(tasks: readonly TaskCounts[], weights: readonly number[], budget: number) {
  if (!Number.isSafeInteger(budget) || budget < 1)
    throw new AllocationError(`budget must be a positive integer, got ${budget}`);
  const names = tasks.map((t) => t.name);
  const initialSplit = splitByFloorAndRemainder(budget, weights);
  const { capped, budgets, redistributed } = capAndRedistribute(
    initialSplit,
    tasks.map((t) => taskSize(t.counts)),
  );
  return {
    initialSplit: record(names, initialSplit),
    cappedBudgets: record(names, capped),
    budgets: record(names, budgets),
    templateBudgets: record(
      names,
      budgets.map((b, i) => splitTemplateTypes(b, tasks[i]!.counts)),
    ),
    redistributed,
  };
}

/** SMART's stage-1 budgets from the greedy selection (tasks in greedy order, with their greedy gains). */
export function allocateBudgets(
  selected: readonly TaskCounts[],
  gains: readonly number[],
  budget: number,
): SmartAllocation {
  const probabilities = taylorSoftmax(gains);
  return {
    probabilities: record(
      selected.map((t) => t.name),
      probabilities,
    ),
    ...allocateByWeights(selected, probabilities, budget),
  };
}
