/**
 * A dense n×n similarity matrix, in one of two layouts:
 * - 'full': row-major, K[r,c] = data[r·n + c]. `symmetric` promises K[r,c] === K[c,r] bitwise, which lets a column
 *   be read as a contiguous row. Kernels given by the user come this way.
 * - 'upper': an exactly symmetric kernel stored as its upper triangle, row after row (row r holds K[r,r … n−1]):
 *   n(n+1)/2 values, half the memory. Kernels built from embeddings come this way (see kernel-columns.ts).
 */
export type DenseKernel = FullKernel | UpperKernel;

export interface FullKernel {
  readonly layout: 'full';
  readonly n: number;
  readonly data: Float32Array;
  readonly symmetric: boolean;
}

export interface UpperKernel {
  readonly layout: 'upper';
  readonly n: number;
  readonly data: Float32Array;
}

/**
 * What a greedy optimizer talks to. The in-process oracles below and the sharded gRPC oracle implement it; the
 * optimizers never know which one they hold.
 */
export interface GainOracle {
  readonly n: number;
  /** Exact marginal gains (float64) of the candidates against the current selection, in candidate order. */
  gains(candidates: Int32Array): Promise<Float64Array>;
  /** Adds element k to the selection. */
  commit(k: number): Promise<void>;
}

export type FunctionName = 'fl' | 'gc' | 'logdet';

export interface SetFunction {
  readonly name: FunctionName;
  readonly n: number;
  /** A fresh oracle with an empty selection. */
  oracle(): GainOracle;
  /** f(set), computed from scratch. */
  evaluate(set: ArrayLike<number>): number;
}

export type OptimizerName = 'naive' | 'lazy' | 'stochastic' | 'lazier';

export type StepCallback = (step: number, element: number, gain: number, evaluations: number) => void;

export interface MaximizeOptions {
  optimizer: OptimizerName;
  budget: number;
  /** Seed of the stochastic optimizers (default 0; an integer, used modulo 2³²). */
  seed?: number;
  /** ε of the stochastic optimizers: each step samples ⌊(n/budget)·ln(1/ε)⌋ elements (default 0.01). */
  epsilon?: number;
  /** Stop before taking an element whose fresh gain is ≤ 0. */
  stopIfZeroGain?: boolean;
  /** Stop before taking an element whose fresh gain is < 0. */
  stopIfNegativeGain?: boolean;
  /**
   * Lazy and lazier greedy: how many candidates to have evaluated per oracle request — the one needed now plus the
   * next not-yet-fresh ones it would visit (lazy: heap entries nearest the top, in heap storage order; lazier: the
   * next ones of the sample's visiting order). Gains against one selection stay valid until the next commit, so
   * this only batches requests for a remote oracle; the decisions and reported gains are those of the one-at-a-time
   * algorithm, only `evaluations` grows. Default 1, right for in-process oracles.
   */
  lazyBatchSize?: number;
  /**
   * Called after each step (1-based) with the element taken, its gain and the candidate gains asked of the oracle
   * so far (progress and metrics hooks; the optimizers know nothing of either).
   */
  onStep?: StepCallback;
}

export interface Selection {
  /** Chosen elements, in the order chosen. */
  order: number[];
  /** Fresh marginal gain of each chosen element when it was chosen. */
  gains: number[];
  /** Candidate gains asked of the oracle. */
  evaluations: number;
}
