import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asFull,
  asymmetric,
  clusteredKernel,
  type DenseKernel,
  entryReader,
  facilityLocation,
  graphCut,
  kernelValueCount,
  logDeterminant,
  maximize,
  storeUpperRow,
} from './helpers.js';
import { referenceFacilityLocation } from './reference-oracle.js';

const kernel = clusteredKernel(400, 8, 12, 7);

describe('facility location oracle', () => {
  it('matches the README formula bit for bit over a full lazy ordering (upper triangle, rows, gathered columns)', async () => {
    const expected = await maximize(referenceFacilityLocation(asFull(kernel, false)), {
      optimizer: 'lazy',
      budget: 399,
    });
    for (const k of [kernel, asFull(kernel, true), asymmetric(kernel)]) {
      const how = k.layout === 'upper' ? 'upper' : `full, symmetric: ${k.symmetric}`;
      const actual = await maximize(facilityLocation(k).oracle(), { optimizer: 'lazy', budget: 399 });
      assert.deepEqual(actual.order, expected.order, how);
      assert.deepEqual(actual.gains, expected.gains, how);
    }
    // Late gains come from open-row lists only: many steps must have been decided on tiny positive gains.
    assert.ok(expected.gains.filter((g) => g > 0 && g < 0.01).length > 50);
  });

  it('answers batched requests (naive greedy) exactly as the formula does', async () => {
    const expected = await maximize(referenceFacilityLocation(asFull(kernel, false)), {
      optimizer: 'naive',
      budget: 40,
    });
    const actual = await maximize(facilityLocation(asymmetric(kernel)).oracle(), {
      optimizer: 'naive',
      budget: 40,
    });
    assert.deepEqual(actual, expected);
  });

  it('gives a chosen element a zero gain and repeats answers until the next commit', async () => {
    const oracle = facilityLocation(kernel).oracle();
    await oracle.commit(5);
    const candidates = Int32Array.of(5, 17, 17, 300);
    const first = await oracle.gains(candidates);
    assert.equal(first[0], 0);
    assert.equal(first[1], first[2]);
    assert.deepEqual(await oracle.gains(candidates), first);
  });
});

describe('evaluate', () => {
  const prefixCheck = async (fn: ReturnType<typeof facilityLocation>, tolerance: number) => {
    const { order, gains } = await maximize(fn.oracle(), { optimizer: 'lazy', budget: 60 });
    let sum = 0;
    gains.forEach((g, i) => {
      sum += g;
      const value = fn.evaluate(order.slice(0, i + 1));
      assert.ok(
        Math.abs(value - sum) <= tolerance * Math.max(1, Math.abs(sum)),
        `${fn.name} prefix ${i + 1}: value ${value} vs Σ gains ${sum}`,
      );
    });
  };

  it('of every prefix equals the running sum of the gains (fl, logdet: 1e-9)', async () => {
    await prefixCheck(facilityLocation(kernel), 1e-9);
    await prefixCheck(logDeterminant(kernel, 1), 1e-9);
  });

  it('of graph cut equals the running sum of gains to 1e-9 when λ·K is exact in float32', async () => {
    // K = j/1024 and λ = 0.5: every float32 product λ·K[i,j] is exact, so only float64 reassociation remains.
    const n = 80;
    const data = new Float32Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++)
        data[i * n + j] = data[j * n + i] = (((i * 37 + j * 11) % 2048) - 900) / 1024;
    }
    await prefixCheck(graphCut({ layout: 'full', n, data, symmetric: true }, 0.5), 1e-9);
  });

  it('of graph cut agrees with its gains to float32 precision otherwise (value rounds λ·K to float32)', async () => {
    // As in the reference: gains multiply by 2λ in float64, the value subtracts float32(λ·K[i,j]) term by term.
    await prefixCheck(graphCut(kernel, 0.4), 1e-6);
  });

  it('of the empty set is 0', () => {
    for (const fn of [facilityLocation(kernel), graphCut(kernel, 0.4), logDeterminant(kernel, 1)]) {
      assert.equal(fn.evaluate([]), 0, fn.name);
    }
  });
});

describe('kernel layouts', () => {
  it('store the 4×4 tiles on and above the diagonal, column-major tiles, tile rows one after another', () => {
    // n = 6: tiles (0,0), (0,1), (1,1) of 16 values each; K[r,c] = 10r + c + 10c + r is symmetric.
    const n = 6;
    const value = (r: number, c: number) => 11 * (r + c) + (r === c ? 0.5 : 0);
    const upper: DenseKernel = { layout: 'upper', n, data: new Float32Array(kernelValueCount('upper', n)) };
    assert.equal(upper.data.length, 48);
    for (let r = 0; r < n; r++) {
      const row = Float32Array.from({ length: n }, (_, c) => value(r, c));
      storeUpperRow(upper.data, n, r, row, 0);
    }
    assert.equal(upper.data[16 + 1 * 4 + 0], value(0, 5), 'K[0,5]: tile (0,1), column 1, row 0');
    assert.equal(upper.data[32 + 0 * 4 + 1], value(5, 4), 'K[5,4]: diagonal tile (1,1) holds both triangles');
    const entry = entryReader(upper);
    const full = asFull(upper, true);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        assert.equal(entry(r, c), value(r, c), `${r},${c}`);
        assert.equal(full.data[r * n + c], value(r, c), `${r},${c}`);
      }
    }
    assert.throws(
      () => storeUpperRow(upper.data, n, 5, new Float32Array(1), 5),
      /row 5 must start at column 4/,
    );
  });

  it('give every function the same greedy run and values from the upper triangle as from the full matrix', async () => {
    const functions = [
      facilityLocation,
      (k: DenseKernel) => graphCut(k, 0.4),
      (k: DenseKernel) => logDeterminant(k, 1),
    ];
    for (const make of functions) {
      const [upper, rows, gathered] = [kernel, asFull(kernel, true), asymmetric(kernel)].map(make);
      const expected = await maximize(upper!.oracle(), { optimizer: 'naive', budget: 60 });
      for (const fn of [rows!, gathered!]) {
        assert.deepEqual(await maximize(fn.oracle(), { optimizer: 'naive', budget: 60 }), expected, fn.name);
        assert.equal(fn.evaluate(expected.order), upper!.evaluate(expected.order), fn.name);
      }
    }
  });
});

describe('argument checks', () => {
  const tiny: DenseKernel = { layout: 'full', n: 3, data: new Float32Array(9), symmetric: true };

  it('reject malformed kernels and λ', () => {
    const bad: DenseKernel = { layout: 'full', n: 3, data: new Float32Array(8), symmetric: true };
    for (const make of [
      () => facilityLocation(bad),
      () => graphCut(bad, 0.4),
      () => logDeterminant(bad, 1),
    ]) {
      assert.throws(make, /kernel: 8 values do not form an n×n matrix with n = 3/);
    }
    const shortUpper: DenseKernel = { layout: 'upper', n: 3, data: new Float32Array(5) };
    assert.throws(
      () => facilityLocation(shortUpper),
      /kernel: 5 values do not form an n×n matrix's upper triangle with n = 3/,
    );
    assert.throws(() => graphCut(tiny, Number.NaN), /graph cut: λ must be a finite number, got NaN/);
    assert.throws(() => logDeterminant(tiny, Number.POSITIVE_INFINITY), /log-determinant: λ must be/);
  });

  it('reject sets outside the ground set or with repeats', () => {
    for (const fn of [facilityLocation(tiny), graphCut(tiny, 0.4), logDeterminant(tiny, 1)]) {
      assert.throws(() => fn.evaluate([0, 3]), /element 3 is not in the ground set \[0, 2\]/, fn.name);
      assert.throws(() => fn.evaluate([1.5]), /element 1.5 is not in the ground set/, fn.name);
      assert.throws(() => fn.evaluate([2, 0, 2]), /element 2 appears twice in the set/, fn.name);
    }
  });

  it('reject out-of-range candidates and repeated or out-of-range commits', async () => {
    for (const fn of [facilityLocation(tiny), graphCut(tiny, 0.4), logDeterminant(tiny, 1)]) {
      const oracle = fn.oracle();
      await assert.rejects(oracle.gains(Int32Array.of(0, -1)), /element -1 is not in the ground set/);
      await assert.rejects(oracle.commit(7), /element 7 is not in the ground set/);
      await oracle.commit(1);
      await assert.rejects(oracle.commit(1), /element 1 is already selected/, fn.name);
    }
  });
});
