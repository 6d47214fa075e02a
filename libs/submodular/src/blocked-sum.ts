/**
 * Every sum over the ground set (facility-location gains and values, graph cut's column totals) is taken per block
 * of this many rows in ground-set order (n−1 down to 0), each block summed sequentially in float64 from 0, and the
 * block sums added in block order. For n ≤ SUMMATION_BLOCK_ROWS this is exactly the reference's sequential sum; for
 * larger n it lets workers that own whole blocks return partial sums that combine into bit-identical results
 * whatever the number of workers.
 */
export const SUMMATION_BLOCK_ROWS = 8192;

export function blockCount(n: number): number {
  return Math.ceil(n / SUMMATION_BLOCK_ROWS);
}

/** Row range [start, end) of ground-set block b: block 0 holds rows n−1 … n−SUMMATION_BLOCK_ROWS. */
export function blockRange(n: number, b: number): [start: number, end: number] {
  const end = n - b * SUMMATION_BLOCK_ROWS;
  return [Math.max(0, end - SUMMATION_BLOCK_ROWS), end];
}

/** The block holding row r (0 ≤ r < n). */
export function blockOf(n: number, r: number): number {
  return Math.floor((n - 1 - r) / SUMMATION_BLOCK_ROWS);
}

/** Adds per-block partial sums in block order: the combining half of the blocked summation. */
export function combineBlockSums(partials: ArrayLike<number>): number {
  let total = 0;
  for (let b = 0; b < partials.length; b++) total += partials[b]!;
  return total;
}

/**
 * The blocked sum over n rows. `sumBlock(start, end)` returns the sequential float64 sum of one block's terms,
 * rows end−1 down to start; blocks are visited (and their sums added) in block order, as combineBlockSums does.
 */
export function blockedSum(n: number, sumBlock: (start: number, end: number) => number): number {
  let total = 0;
  for (let end = n; end > 0; end -= SUMMATION_BLOCK_ROWS) {
    total += sumBlock(Math.max(0, end - SUMMATION_BLOCK_ROWS), end);
  }
  return total;
}
