import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  blockRange,
  createRng,
  type DenseKernel,
  exactDataKernelForTests,
  facilityLocation,
  graphCut,
  logDeterminant,
  maximize,
  SUMMATION_BLOCK_ROWS,
} from './helpers.js';

function randomPoints(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * d }, () => rng.nextFloat() - 0.3);
}

const kernel60 = exactDataKernelForTests(randomPoints(60, 8, 1), 60, 8);

describe('optimizers', () => {
  it('lazy greedy equals naive greedy for facility location without ties', async () => {
    const fn = facilityLocation(kernel60);
    const lazy = await maximize(fn.oracle(), { optimizer: 'lazy', budget: 59 });
    const naive = await maximize(fn.oracle(), { optimizer: 'naive', budget: 59 });
    assert.deepEqual(lazy.order, naive.order);
    assert.deepEqual(lazy.gains, naive.gains);
    assert.ok(lazy.evaluations < naive.evaluations, `lazy ${lazy.evaluations} vs naive ${naive.evaluations}`);
  });

  it('batched lazy evaluation (lazyBatchSize 16) makes the same decisions as one at a time', async () => {
    for (const fn of [facilityLocation(kernel60), graphCut(kernel60, 0.4), logDeterminant(kernel60, 1)]) {
      const one = await maximize(fn.oracle(), { optimizer: 'lazy', budget: 40 });
      const batched = await maximize(fn.oracle(), { optimizer: 'lazy', budget: 40, lazyBatchSize: 16 });
      assert.deepEqual(batched.order, one.order, fn.name);
      assert.deepEqual(batched.gains, one.gains, fn.name);
    }
  });

  it('stochastic and lazier greedy are reproducible by seed and differ across seeds', async () => {
    const fn = facilityLocation(kernel60);
    for (const optimizer of ['stochastic', 'lazier'] as const) {
      const a = await maximize(fn.oracle(), { optimizer, budget: 20, seed: 5, epsilon: 0.5 });
      const b = await maximize(fn.oracle(), { optimizer, budget: 20, seed: 5, epsilon: 0.5 });
      const c = await maximize(fn.oracle(), { optimizer, budget: 20, seed: 6, epsilon: 0.5 });
      assert.deepEqual(a, b);
      assert.notDeepEqual(a.order, c.order);
      assert.equal(new Set(a.order).size, 20);
    }
  });

  it('lazier greedy picks what stochastic greedy picks from the same samples (submodular function)', async () => {
    const fn = facilityLocation(kernel60);
    const stochastic = await maximize(fn.oracle(), {
      optimizer: 'stochastic',
      budget: 30,
      seed: 9,
      epsilon: 0.2,
    });
    const lazier = await maximize(fn.oracle(), { optimizer: 'lazier', budget: 30, seed: 9, epsilon: 0.2 });
    assert.deepEqual(lazier.order, stochastic.order);
    assert.ok(lazier.evaluations < stochastic.evaluations + 60);
  });

  it('evaluate(prefix) equals the running sum of the gains for fl, gc and logdet', async () => {
    // Graph cut's value rounds every λ·K[i,j] to float32 while its gains use float64 products (both as the
    // reference does), so the two agree to float32 precision only.
    const tolerance = { fl: 1e-9, gc: 1e-6, logdet: 1e-9 };
    for (const fn of [facilityLocation(kernel60), graphCut(kernel60, 0.4), logDeterminant(kernel60, 1)]) {
      const { order, gains } = await maximize(fn.oracle(), { optimizer: 'lazy', budget: 30 });
      let sum = 0;
      gains.forEach((g, i) => {
        sum += g;
        const value = fn.evaluate(order.slice(0, i + 1));
        assert.ok(
          Math.abs(value - sum) <= tolerance[fn.name] * Math.max(1, Math.abs(sum)),
          `${fn.name} step ${i}: ${value} vs ${sum}`,
        );
      });
    }
  });

  it('stops before a zero or negative gain when asked', async () => {
    // Four identical points and one opposite: after one pick, facility location gains are all zero.
    const data = Float32Array.from([
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ]);
    const flat: DenseKernel = { n: 5, data, symmetric: true };
    const fn = facilityLocation(flat);
    assert.equal((await maximize(fn.oracle(), { optimizer: 'lazy', budget: 4 })).order.length, 4);
    assert.equal(
      (await maximize(fn.oracle(), { optimizer: 'lazy', budget: 4, stopIfZeroGain: true })).order.length,
      1,
    );
    assert.equal(
      (await maximize(fn.oracle(), { optimizer: 'naive', budget: 4, stopIfNegativeGain: true })).order.length,
      4,
    );
    const gc = graphCut(kernel60, 5); // a large λ drives gains negative
    const stopped = await maximize(gc.oracle(), { optimizer: 'naive', budget: 59, stopIfNegativeGain: true });
    assert.ok(stopped.order.length < 59 && stopped.gains.every((g) => g >= 0));
  });

  it('rejects bad arguments with one-line errors', () => {
    const fn = facilityLocation(kernel60);
    assert.throws(
      () => maximize(fn.oracle(), { optimizer: 'lazy', budget: 0 }),
      /budget must be an integer in \[1, 59\], got 0/,
    );
    assert.throws(() => maximize(fn.oracle(), { optimizer: 'lazy', budget: 60 }), /budget must be/);
    assert.throws(() => maximize(fn.oracle(), { optimizer: 'lazy', budget: 2.5 }), /budget must be/);
    assert.throws(
      () => maximize(fn.oracle(), { optimizer: 'bogus' as 'lazy', budget: 3 }),
      /unknown optimizer 'bogus'/,
    );
    assert.throws(
      () => maximize(fn.oracle(), { optimizer: 'stochastic', budget: 3, epsilon: 1 }),
      /epsilon must be in \(0, 1\)/,
    );
    assert.throws(
      () => facilityLocation({ n: 3, data: new Float32Array(8), symmetric: true }),
      /do not form an n×n matrix/,
    );
    assert.throws(() => graphCut(kernel60, Number.NaN), /λ must be finite/);
  });
});

describe('blocked summation', () => {
  it('sums facility-location gains per 8192-row block in ground-set order, then block by block', async () => {
    const n = SUMMATION_BLOCK_ROWS + 808;
    // A rank-one kernel K[i,j] = a_i·a_j keeps the n×n matrix cheap to fill and exactly symmetric.
    const rng = createRng(3);
    const a = Float32Array.from({ length: n }, () => rng.nextFloat());
    const data = new Float32Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = a[i]! * a[j]!;
    const fn = facilityLocation({ n, data, symmetric: true });
    const [gain] = await fn.oracle().gains(Int32Array.of(17));
    const blockSums = [0, 1].map((b) => {
      const [start, end] = blockRange(n, b);
      let s = 0;
      for (let i = end - 1; i >= start; i--) if (data[i * n + 17]! > 0) s += data[i * n + 17]!;
      return s;
    });
    assert.deepEqual(blockRange(n, 0), [808, n]);
    assert.deepEqual(blockRange(n, 1), [0, 808]);
    assert.equal(gain, blockSums[0]! + blockSums[1]!);
    let sequential = 0;
    for (let i = n - 1; i >= 0; i--) sequential += data[i * n + 17]!;
    assert.ok(Math.abs(gain! - sequential) < 1e-9 * sequential);
  });
});
