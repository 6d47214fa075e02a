import { kernelValueCount } from './kernel-columns.js';
import type { DenseKernel } from './types.js';

/** Argument checks shared by the set functions and their oracles: one-line messages, thrown before any work. */

export function checkKernel(kernel: DenseKernel): void {
  const { n, layout } = kernel;
  if (!Number.isInteger(n) || n < 1 || kernel.data.length !== kernelValueCount(layout, n)) {
    const shape = layout === 'full' ? 'an n×n matrix' : "an n×n matrix's upper triangle";
    throw new RangeError(`kernel: ${kernel.data.length} values do not form ${shape} with n = ${n}`);
  }
}

export function checkLambda(what: string, lambda: number): void {
  if (typeof lambda !== 'number' || !Number.isFinite(lambda))
    throw new RangeError(`${what}: λ must be a finite number, got ${lambda}`);
}

/** k must be an element of the ground set {0 … n−1}. */
export function checkElement(k: number, n: number): void {
  if (!Number.isInteger(k) || k < 0 || k >= n)
    throw new RangeError(`element ${k} is not in the ground set [0, ${n - 1}]`);
}

/** A commit's element: in the ground set and not selected yet (`selected` flags the selection so far). */
export function checkCommit(k: number, n: number, selected: Uint8Array): void {
  checkElement(k, n);
  if (selected[k]) throw new RangeError(`element ${k} is already selected`);
}

/** Every candidate of a gains request must be in the ground set (Int32Array already rules out non-integers). */
export function checkCandidates(candidates: Int32Array, n: number): void {
  for (let c = 0; c < candidates.length; c++) {
    const k = candidates[c]!;
    if (k < 0 || k >= n) checkElement(k, n);
  }
}

/** A set to evaluate: distinct elements of the ground set. */
export function checkSet(set: ArrayLike<number>, n: number): void {
  const seen = new Uint8Array(n);
  for (let s = 0; s < set.length; s++) {
    const k = set[s]!;
    checkElement(k, n);
    if (seen[k]) throw new RangeError(`element ${k} appears twice in the set`);
    seen[k] = 1;
  }
}
