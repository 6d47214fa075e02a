import {
  cosineKernel,
  createSetFunction,
  DEFAULT_LAMBDA,
  type FunctionName,
  greedyOrder,
  type KernelPlacement,
  type StepCallback,
} from '@smartmix/submodular';
import { AllocationError, checkCounts, type TaskCounts } from '../template-counts.js';
import { allocateBudgets, type SmartAllocation } from './allocate.js';

export interface TaskSelectionRequest {
  /** T×d task embeddings (row t = tasks[t]). */
  taskEmbeddings: Float32Array;
  d: number;
  tasks: readonly TaskCounts[];
  function: FunctionName;
  lambda?: number;
  numTasks: number;
  budget: number;
  /** Where the task kernel's GEMM runs (default: CPU in this process). */
  placement?: KernelPlacement;
  /** Told of every greedy step (progress, metrics). */
  onStep?: StepCallback;
}

export interface TaskSelection extends SmartAllocation {
  selected: string[];
  gains: number[];
  function: FunctionName;
  lambda: number | null;
  /** f(selected) on the task kernel. */
  objective: number;
}

/**
 * SMART stage 1: lazy greedy with budget M' over the float32 cosine kernel of the task embeddings, then Taylor-
 * softmax budgets. M' = T (every task) is allowed (see greedyOrder).
 */
export async function selectTasks(request: TaskSelectionRequest): Promise<TaskSelection> {
  const { tasks, numTasks, d } = request;
  checkCounts(tasks);
  const count = tasks.length;
  if (!Number.isSafeInteger(numTasks) || numTasks < 1 || numTasks > count) {
    throw new AllocationError(`number of tasks M' must be in [1, ${count}], got ${numTasks}`);
  }
  if (request.taskEmbeddings.length !== count * d) {
    throw new AllocationError(
      `task embeddings hold ${request.taskEmbeddings.length / d} rows for ${count} tasks`,
    );
  }
  const lambda = request.lambda ?? DEFAULT_LAMBDA[request.function];
  if (request.function === 'fl' && request.lambda !== undefined)
    throw new AllocationError('λ does not apply to fl');
  const kernel = await cosineKernel(request.taskEmbeddings, count, d, 'sijs', request.placement);
  const fn = createSetFunction(request.function, kernel, lambda);
  const { order, gains } = await greedyOrder(fn.oracle(), numTasks, { onStep: request.onStep });
  const selected = order.map((t) => tasks[t]!);
  return {
    selected: selected.map((t) => t.name),
    gains,
    function: request.function,
    lambda,
    objective: fn.evaluate(order),
    ...allocateBudgets(selected, gains, request.budget),
  };
}
