import { SelectionInputError } from './errors.js';
import { createSetFunction, DEFAULT_LAMBDA } from './functions/by-name.js';
import type { KernelMode, KernelPlacement } from './kernels/index.js';
import { maximize } from './optimizers/maximize.js';
import {
  embeddingScorer,
  inProcessScorer,
  nearestNeighborScorer,
  type Scorer,
  type ScorerKernel,
} from './scorer.js';
import type { FullKernel, FunctionName, MaximizeOptions, OptimizerName, Selection } from './types.js';

export interface SelectionRequest {
  /** n×d embeddings, row-major. */
  embeddings: { rows: number; cols: number; data: Float32Array };
  /** A precomputed n×n similarity matrix to use as is; otherwise one is built with `kernelMode`. */
  kernel?: { rows: number; cols: number; data: Float32Array };
  /** A dense kernel's flavour, or 'sparse': the sijs kernel's `numNeighbors` nearest neighbours per row (fl only). */
  kernelMode?: SelectionKernelMode;
  /** Neighbours kept per row in sparse mode (1 … n; n gives the dense result). */
  numNeighbors?: number;
  function: FunctionName;
  lambda?: number;
  budget: number;
  optimizer: OptimizerName;
  seed?: number;
  epsilon?: number;
  stopIfZeroGain?: boolean;
  stopIfNegativeGain?: boolean;
  /** Where the kernel's GEMM runs (default: CPU in this process). */
  placement?: KernelPlacement;
  /**
   * Largest n×n float32 kernel to materialise (bytes, default 4 GiB). Above it, facility location and graph cut run
   * blockwise (no kernel held, bit-identical results, slower); log-determinant is refused.
   */
  maxKernelBytes?: number;
  /** Progress: called after each greedy step. */
  onStep?: MaximizeOptions['onStep'];
}

export type SelectionKernelMode = KernelMode | 'sparse';

export interface SelectionResult {
  order: number[];
  gains: number[];
  value: number;
  n: number;
  budget: number;
  function: FunctionName;
  lambda: number | null;
  kernel: ScorerKernel;
  kernelMode: SelectionKernelMode | null;
  numNeighbors: number | null;
  optimizer: OptimizerName;
  seed: number | null;
  epsilon: number | null;
  evaluations: number;
  seconds: { kernel: number; greedy: number; evaluate: number };
}

function isBitwiseSymmetric(n: number, data: Float32Array): boolean {
  for (let r = 0; r < n; r++) {
    for (let c = r + 1; c < n; c++) if (data[r * n + c] !== data[c * n + r]) return false;
  }
  return true;
}

function validate(request: SelectionRequest): number {
  const n = request.embeddings.rows;
  if (request.kernel) {
    const { rows, cols } = request.kernel;
    if (rows !== cols) throw new SelectionInputError(`kernel is not square (${rows}×${cols})`);
    if (rows !== n)
      throw new SelectionInputError(`kernel is ${rows}×${cols} but the embeddings have ${n} rows`);
    if (request.kernelMode)
      throw new SelectionInputError('a given kernel is used as is: drop the kernel mode');
  }
  validateSparse(request, n);
  if (!Number.isInteger(request.budget) || request.budget < 1 || request.budget >= n) {
    throw new SelectionInputError(
      `budget must be an integer in [1, ${n - 1}] for ${n} elements, got ${request.budget}`,
    );
  }
  if (request.lambda !== undefined && DEFAULT_LAMBDA[request.function] === null) {
    throw new SelectionInputError(`lambda does not apply to ${request.function}`);
  }
  const stochastic = request.optimizer === 'stochastic' || request.optimizer === 'lazier';
  if (!stochastic && (request.seed !== undefined || request.epsilon !== undefined)) {
    throw new SelectionInputError(`seed and epsilon apply only to the stochastic and lazier optimizers`);
  }
  return n;
}

/** Sparse mode is facility location over kNN lists built from the embeddings (submodlib's sparse mode). */
function validateSparse(request: SelectionRequest, n: number): void {
  const k = request.numNeighbors;
  if (request.kernelMode !== 'sparse') {
    if (k !== undefined)
      throw new SelectionInputError('the number of neighbours applies only to the sparse kernel mode');
    return;
  }
  if (request.function !== 'fl')
    throw new SelectionInputError(`the sparse kernel mode applies only to fl, not ${request.function}`);
  if (k === undefined) throw new SelectionInputError('the sparse kernel mode needs a number of neighbours');
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new SelectionInputError(
      `the number of neighbours must be an integer in [1, ${n}] for ${n} elements, got ${k}`,
    );
}

async function openScorer(request: SelectionRequest, n: number, lambda: number | null): Promise<Scorer> {
  if (request.kernelMode === 'sparse') {
    const { data, cols } = request.embeddings;
    return nearestNeighborScorer(data, n, cols, request.numNeighbors!, request.placement);
  }
  if (!request.kernel) {
    const { data, cols } = request.embeddings;
    return embeddingScorer(data, n, cols, request.function, lambda, {
      mode: request.kernelMode as KernelMode | undefined,
      placement: request.placement,
      maxKernelBytes: request.maxKernelBytes,
    });
  }
  const kernel: FullKernel = {
    layout: 'full',
    n,
    data: request.kernel.data,
    symmetric: isBitwiseSymmetric(n, request.kernel.data),
  };
  return inProcessScorer(createSetFunction(request.function, kernel, lambda), 'given');
}

const seconds = (start: number) => (performance.now() - start) / 1000;

/** Builds (or takes) the kernel, runs the greedy optimizer and evaluates the chosen set. */
export async function runSelection(request: SelectionRequest): Promise<SelectionResult> {
  const n = validate(request);
  const lambda = request.lambda ?? DEFAULT_LAMBDA[request.function];
  const kernelStart = performance.now();
  const scorer = await openScorer(request, n, lambda);
  const kernelSeconds = seconds(kernelStart);
  const greedyStart = performance.now();
  const stochastic = request.optimizer === 'stochastic' || request.optimizer === 'lazier';
  const options: MaximizeOptions = {
    optimizer: request.optimizer,
    budget: request.budget,
    seed: stochastic ? (request.seed ?? 0) : undefined,
    epsilon: stochastic ? (request.epsilon ?? 0.01) : undefined,
    stopIfZeroGain: request.stopIfZeroGain,
    stopIfNegativeGain: request.stopIfNegativeGain,
    lazyBatchSize: scorer.lazyBatchSize,
    onStep: request.onStep,
  };
  let selection: Selection;
  let value: number;
  let greedySeconds: number;
  let evaluateStart: number;
  try {
    selection = await maximize(scorer.oracle, options);
    greedySeconds = seconds(greedyStart);
    evaluateStart = performance.now();
    // Before release: a sharded scorer's value comes from the shards' state.
    value = await scorer.evaluate(selection.order);
  } finally {
    await scorer.release();
  }
  return {
    order: selection.order,
    gains: selection.gains,
    value,
    n,
    budget: request.budget,
    function: request.function,
    lambda,
    kernel: scorer.kernel,
    kernelMode: request.kernel ? null : (request.kernelMode ?? 'sijs'),
    numNeighbors: request.numNeighbors ?? null,
    optimizer: request.optimizer,
    seed: stochastic ? (request.seed ?? 0) : null,
    epsilon: stochastic ? (request.epsilon ?? 0.01) : null,
    evaluations: selection.evaluations,
    seconds: { kernel: kernelSeconds, greedy: greedySeconds, evaluate: seconds(evaluateStart) },
  };
}
