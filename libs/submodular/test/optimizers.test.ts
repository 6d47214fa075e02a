import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clusteredKernel,
  createRng,
  facilityLocation,
  type GainOracle,
  graphCut,
  logDeterminant,
  maximize,
  type OptimizerName,
} from './helpers.js';

const kernel = clusteredKernel(300, 8, 10, 1);
const functions = () => [facilityLocation(kernel), graphCut(kernel, 0.4), logDeterminant(kernel, 1)];

describe('deterministic optimizers', () => {
  it('lazy greedy equals naive greedy for facility location when no gains tie', async () => {
    const fn = facilityLocation(kernel);
    const singletons = await fn.oracle().gains(Int32Array.from({ length: 300 }, (_, i) => i));
    assert.equal(new Set(singletons).size, 300, 'premise: distinct singleton gains');
    const lazy = await maximize(fn.oracle(), { optimizer: 'lazy', budget: 120 });
    const naive = await maximize(fn.oracle(), { optimizer: 'naive', budget: 120 });
    assert.deepEqual(lazy.order, naive.order);
    assert.deepEqual(lazy.gains, naive.gains);
    assert.equal(naive.evaluations, (300 + 181) * 60); // Σ over steps of the unchosen elements
    assert.ok(lazy.evaluations < naive.evaluations / 10, `lazy ${lazy.evaluations}`);
  });

  it('break exact ties towards the largest index, lazy greedy among the gains it holds (as submodlib)', async () => {
    // Five identical points: every singleton gain is 5, and 0 once one is taken.
    const tied = facilityLocation({
      layout: 'full',
      n: 5,
      data: new Float32Array(25).fill(1),
      symmetric: true,
    });
    const naive = await maximize(tied.oracle(), { optimizer: 'naive', budget: 3 });
    assert.deepEqual(naive.order, [4, 3, 2]);
    // Lazy takes 4, then re-evaluates 3, 2, 1 to 0 (each below a stale 5 still on the heap) and pushes them back;
    // 0's fresh 0 then ties the top (0, 3) and is taken; then 3 ties (0, 2) and is taken.
    const lazy = await maximize(tied.oracle(), { optimizer: 'lazy', budget: 3 });
    assert.deepEqual(lazy.order, [4, 0, 3]);
    assert.deepEqual(lazy.gains, naive.gains);
  });

  it('lazy greedy makes the same decisions with lazyBatchSize 16 as one at a time, in fewer requests', async () => {
    for (const fn of functions()) {
      let requests = 0;
      const counted = (): GainOracle => {
        const oracle = fn.oracle();
        return {
          n: oracle.n,
          gains: (candidates) => {
            requests++;
            return oracle.gains(candidates);
          },
          commit: (k) => oracle.commit(k),
        };
      };
      const one = await maximize(counted(), { optimizer: 'lazy', budget: 150 });
      const oneRequests = requests;
      requests = 0;
      const batched = await maximize(counted(), { optimizer: 'lazy', budget: 150, lazyBatchSize: 16 });
      assert.deepEqual(batched.order, one.order, fn.name);
      assert.deepEqual(batched.gains, one.gains, fn.name);
      assert.ok(requests < oneRequests, `${fn.name}: ${requests} requests vs ${oneRequests}`);
    }
  });

  it('report each step through onStep', async () => {
    const steps: [number, number, number][] = [];
    const result = await maximize(facilityLocation(kernel).oracle(), {
      optimizer: 'lazy',
      budget: 7,
      onStep: (step, element, gain) => steps.push([step, element, gain]),
    });
    assert.deepEqual(
      steps,
      result.order.map((e, i) => [i + 1, e, result.gains[i]]),
    );
  });
});

describe('stochastic optimizers', () => {
  const run = (optimizer: OptimizerName, seed: number, budget = 30, lazyBatchSize?: number) =>
    maximize(facilityLocation(kernel).oracle(), { optimizer, budget, seed, epsilon: 0.3, lazyBatchSize });

  it('are reproducible by seed and differ across seeds', async () => {
    for (const optimizer of ['stochastic', 'lazier'] as const) {
      const a = await run(optimizer, 5);
      assert.deepEqual(await run(optimizer, 5), a);
      assert.notDeepEqual((await run(optimizer, 6)).order, a.order);
      assert.equal(new Set(a.order).size, 30);
    }
  });

  it('stochastic greedy evaluates ⌊(n/budget)·ln(1/ε)⌋ sampled elements per step', async () => {
    const { evaluations } = await run('stochastic', 3);
    assert.equal(evaluations, 30 * Math.floor((300 / 30) * Math.log(1 / 0.3)));
    // A sample never exceeds what is left: with budget n−1 the last steps evaluate every remaining element.
    const full = await maximize(facilityLocation(kernel).oracle(), { optimizer: 'stochastic', budget: 299 });
    const size = Math.max(1, Math.floor((300 / 299) * Math.log(100)));
    let expected = 0;
    for (let step = 0; step < 299; step++) expected += Math.min(size, 300 - step);
    assert.equal(full.evaluations, expected);
  });

  it('lazier greedy takes what stochastic greedy takes from the same samples, with fewer evaluations', async () => {
    for (const seed of [1, 2, 3]) {
      const stochastic = await run('stochastic', seed, 60);
      const lazier = await run('lazier', seed, 60);
      assert.deepEqual(lazier.order, stochastic.order);
      assert.deepEqual(lazier.gains, stochastic.gains);
      assert.ok(
        lazier.evaluations < stochastic.evaluations,
        `${lazier.evaluations} vs ${stochastic.evaluations}`,
      );
      assert.deepEqual((await run('lazier', seed, 60, 8)).order, lazier.order, 'lazyBatchSize 8');
    }
  });
});

describe('stop options', () => {
  it('stopIfZeroGain stops before a zero gain, stopIfNegativeGain does not', async () => {
    // Two groups of identical points: after one pick from each group every gain is exactly 0.
    const n = 6;
    const data = new Float32Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = i % 2 === j % 2 ? 1 : 0;
    const fn = facilityLocation({ layout: 'full', n, data, symmetric: true });
    const plain = await maximize(fn.oracle(), { optimizer: 'lazy', budget: 5 });
    assert.deepEqual(plain.gains, [3, 3, 0, 0, 0]);
    for (const optimizer of ['naive', 'lazy', 'stochastic', 'lazier'] as const) {
      const zero = await maximize(fn.oracle(), { optimizer, budget: 5, stopIfZeroGain: true });
      assert.deepEqual(zero.gains, [3, 3], optimizer);
      const negative = await maximize(fn.oracle(), { optimizer, budget: 5, stopIfNegativeGain: true });
      assert.equal(negative.order.length, 5, optimizer);
    }
  });

  it('stopIfNegativeGain ends the run where the unstopped run takes its first negative gain', async () => {
    const fn = graphCut(kernel, 5); // a large λ drives gains negative
    const plain = await maximize(fn.oracle(), { optimizer: 'naive', budget: 100 });
    const firstNegative = plain.gains.findIndex((g) => g < 0);
    assert.ok(firstNegative > 0, 'premise: some gains are negative');
    const stopped = await maximize(fn.oracle(), {
      optimizer: 'naive',
      budget: 100,
      stopIfNegativeGain: true,
    });
    assert.deepEqual(stopped.order, plain.order.slice(0, firstNegative));
  });
});

describe('maximize argument checks', () => {
  const oracle = () => facilityLocation(kernel).oracle();
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ optimizer: 'lazy', budget: 0 }, /budget must be an integer in \[1, 299\], got 0/],
    [{ optimizer: 'lazy', budget: 300 }, /budget must be an integer in \[1, 299\], got 300/],
    [{ optimizer: 'lazy', budget: 2.5 }, /budget must be an integer/],
    [{ optimizer: 'bogus', budget: 3 }, /unknown optimizer 'bogus' \(naive, lazy, stochastic, lazier\)/],
    [{ optimizer: 'stochastic', budget: 3, epsilon: 1 }, /epsilon must be in \(0, 1\), got 1/],
    [{ optimizer: 'stochastic', budget: 3, seed: 0.5 }, /seed must be an integer, got 0.5/],
    [{ optimizer: 'lazy', budget: 3, lazyBatchSize: 0 }, /lazyBatchSize must be an integer ≥ 1, got 0/],
  ];
  for (const [options, message] of cases) {
    it(`rejects ${JSON.stringify(options)}`, () => {
      assert.throws(
        () => maximize(oracle(), options as never),
        (e: Error) => {
          assert.ok(e instanceof RangeError || e instanceof TypeError);
          assert.match(e.message, message);
          assert.ok(!e.message.includes('\n'), 'one line');
          return true;
        },
      );
    });
  }
});

describe('createRng (xoshiro128** seeded by splitmix32)', () => {
  it('pins the stream of a seed, so stochastic runs and shuffles reproduce across versions', () => {
    const rng = createRng(42);
    const first = [rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
    assert.deepEqual(first, PINNED_SEED_42);
    const again = createRng(42);
    assert.deepEqual([again.nextUint32(), again.nextUint32(), again.nextUint32()], first);
    assert.notDeepEqual([createRng(43).nextUint32()], [first[0]]);
  });

  it('draws floats in [0, 1) and ints in [0, max)', () => {
    const rng = createRng(7);
    const counts = new Int32Array(10);
    for (let i = 0; i < 20000; i++) {
      const f = rng.nextFloat();
      assert.ok(f >= 0 && f < 1);
      counts[rng.nextInt(10)]!++;
    }
    for (const c of counts) assert.ok(c > 1700 && c < 2300, `bucket count ${c}`);
  });
});

const PINNED_SEED_42 = [2837322924, 544945897, 479756282];
