/**
 * Every sum over the ground set is taken per block of this many rows, in ground-set order (n−1 down to 0), and the
 * block sums are added in block order. For n ≤ SUMMATION_BLOCK_ROWS this is exactly the reference's sequential
 * sum; for larger n it lets workers that own whole blocks return partial sums that combine into bit-identical
 * results whatever the number of workers.
 */
export const SUMMATION_BLOCK_ROWS = 8192;

/** Row range [start, end) of ground-set block b: block 0 holds rows n−1 … n−BLOCK. */
export function blockRange(n: number, b: number): [start: number, end: number] {
  const end = n - b * SUMMATION_BLOCK_ROWS;
  return [Math.max(0, end - SUMMATION_BLOCK_ROWS), end];
}

export function blockCount(n: number): number {
  return Math.ceil(n / SUMMATION_BLOCK_ROWS);
}

/** Adds per-block partial sums in block order (the combining half of the blocked summation). */
export function combineBlockSums(partials: ArrayLike<number>): number {
  let total = 0;
  for (let b = 0; b < partials.length; b++) total += partials[b]!;
  return total;
}
