import type { DenseKernel } from './types.js';

/** Columns gathered per pass over the rows of an asymmetric kernel (the gather buffer is this many columns). */
const GATHER_COLUMNS = 32;

/**
 * Calls `visit(c, column)` with column candidates[c] of the kernel (K[·,k], length n) for every c in order.
 * An exactly symmetric kernel hands out row k as a zero-copy view. Otherwise columns are gathered into `scratch`
 * (length ≥ min(candidates, GATHER_COLUMNS)·n, see gatherScratch) GATHER_COLUMNS at a time, walking the rows once
 * per group rather than once per column; a view is valid only during its visit.
 */
export function forEachColumn(
  kernel: DenseKernel,
  candidates: Int32Array,
  scratch: Float32Array,
  visit: (c: number, column: Float32Array) => void,
): void {
  const { n, data } = kernel;
  if (kernel.symmetric) {
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      visit(c, data.subarray(k * n, (k + 1) * n));
    }
    return;
  }
  for (let first = 0; first < candidates.length; first += GATHER_COLUMNS) {
    const count = Math.min(GATHER_COLUMNS, candidates.length - first);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let g = 0; g < count; g++) scratch[g * n + i] = data[row + candidates[first + g]!]!;
    }
    for (let g = 0; g < count; g++) visit(first + g, scratch.subarray(g * n, (g + 1) * n));
  }
}

/** A gather buffer for forEachColumn over this kernel (empty for a symmetric kernel, which needs none). */
export function gatherScratch(kernel: DenseKernel): Float32Array {
  return new Float32Array(kernel.symmetric ? 0 : Math.min(GATHER_COLUMNS, kernel.n) * kernel.n);
}
