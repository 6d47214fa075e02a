import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asymmetric,
  blockRange,
  createRng,
  type DenseKernel,
  facilityLocation,
  graphCut,
  maximize,
  SUMMATION_BLOCK_ROWS,
} from './helpers.js';
import { handBlocks } from './reference-oracle.js';

/**
 * n = 9000: block 0 is rows 8999 … 808, block 1 rows 807 … 0. Rows of block 1 have similarities around 2^-30, far
 * below the last place of block 0's sum, so adding them one by one to that sum (a plain sequential sum) loses them,
 * while summing them apart first (the blocked sum) keeps them: the two disagree, and the test can tell which one
 * the library computes. K[i,j] = float32(s_i·s_j·c), c = 1 within one of 20 clusters, 1/4 across; exactly symmetric.
 */
function blockedKernel(n: number): DenseKernel {
  const rng = createRng(11);
  const scale = Float64Array.from(
    { length: n },
    (_, i) => (0.5 + rng.nextFloat() / 2) * (i < 808 ? 2 ** -30 : 1),
  );
  const data = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) data[i * n + j] = scale[i]! * scale[j]! * (i % 20 === j % 20 ? 1 : 0.25);
  }
  return { layout: 'full', n, data, symmetric: true };
}

/** Σ over rows end−1 … start of f(i) in float64, for each hand-written block, then the block sums in order. */
function handBlockedSum(n: number, term: (i: number) => number): number {
  let total = 0;
  for (const [start, end] of handBlocks(n)) {
    let sum = 0;
    for (let i = end - 1; i >= start; i--) sum += term(i);
    total += sum;
  }
  return total;
}

function sequentialSum(n: number, term: (i: number) => number): number {
  let sum = 0;
  for (let i = n - 1; i >= 0; i--) sum += term(i);
  return sum;
}

describe('blocked summation (n = 9000 > SUMMATION_BLOCK_ROWS)', () => {
  const n = 9000;
  const kernel = blockedKernel(n);
  const K = (i: number, j: number) => kernel.data[i * n + j]!;

  it('splits the ground set into 8192-row blocks in ground-set order', () => {
    assert.equal(SUMMATION_BLOCK_ROWS, 8192);
    assert.deepEqual(blockRange(n, 0), [808, n]);
    assert.deepEqual(blockRange(n, 1), [0, 808]);
  });

  it('facility-location gains and value are the hand-computed blocked sums, bit for bit', async () => {
    const fn = facilityLocation(kernel);
    const { order, gains } = await maximize(fn.oracle(), { optimizer: 'lazy', budget: 25 });
    const memo = new Float32Array(n);
    let discriminating = 0;
    order.forEach((k, t) => {
      const term = (i: number) => (K(i, k) > memo[i]! ? Math.fround(K(i, k) - memo[i]!) : 0);
      assert.equal(gains[t], handBlockedSum(n, term), `step ${t}`);
      if (gains[t] !== sequentialSum(n, term)) discriminating++;
      for (let i = 0; i < n; i++) memo[i] = Math.max(memo[i]!, K(i, k));
    });
    assert.ok(discriminating > 10, `only ${discriminating} steps tell blocked from sequential sums`);
    const value = handBlockedSum(n, (i) => memo[i]!);
    assert.notEqual(
      value,
      sequentialSum(n, (i) => memo[i]!),
    );
    assert.equal(fn.evaluate(order), value);
  });

  it('graph cut column totals T are hand-computed blocked sums', async () => {
    const lambda = Math.fround(0.4);
    const oracle = graphCut(kernel, 0.4).oracle();
    const candidates = Int32Array.of(0, 807, 808, 4000, 8999);
    const gains = await oracle.gains(candidates);
    candidates.forEach((k, c) => {
      const expected = handBlockedSum(n, (j) => K(j, k)) - Math.fround(lambda * K(k, k));
      assert.equal(gains[c], expected, `element ${k}`);
    });
  });

  it('gathered columns (no symmetry promise) give the same facility-location run', async () => {
    const dense = await maximize(facilityLocation(kernel).oracle(), { optimizer: 'lazy', budget: 4 });
    const gathered = await maximize(facilityLocation(asymmetric(kernel)).oracle(), {
      optimizer: 'lazy',
      budget: 4,
    });
    assert.deepEqual(gathered.order, dense.order);
    assert.deepEqual(gathered.gains, dense.gains);
  });
});
