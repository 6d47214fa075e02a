import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSimilarityBlockRunner } from '@smartmix/onnx';
import {
  cosineKernel,
  createRng,
  type DenseKernel,
  facilityLocation,
  InProcessTopKPart,
  maximize,
  mergeTopK,
  type NearestNeighborKernel,
  nearestNeighborKernel,
  normalizeRows,
  planShards,
  runSelection,
  SUMMATION_BLOCK_ROWS,
  sparseFacilityLocation,
  type TopKLists,
  TopKSelector,
} from '@smartmix/submodular';
import { fixtureEmbeddings, haveFixtures } from './fixtures.js';
import { clusteredPoints } from './helpers.js';

/** Every query's pairs sorted by value descending, then index ascending, cut to k: the rule, spelled out. */
function bruteTopK(rows: Float32Array[], k: number): TopKLists {
  const width = Math.min(k, rows[0]!.length);
  const indices = new Int32Array(rows.length * width);
  const values = new Float32Array(rows.length * width);
  rows.forEach((row, q) => {
    const order = Array.from(row.keys()).sort((a, b) => row[b]! - row[a]! || a - b);
    order.slice(0, width).forEach((j, t) => {
      indices[q * width + t] = j;
      values[q * width + t] = row[j]!;
    });
  });
  return { count: rows.length, width, indices, values };
}

const sameLists = (a: TopKLists, b: TopKLists) => {
  assert.equal(a.width, b.width);
  assert.deepEqual(Array.from(a.indices), Array.from(b.indices));
  assert.deepEqual(Array.from(a.values), Array.from(b.values));
};

/** Rows of few distinct values, so ties are everywhere. */
function tiedRows(count: number, length: number, seed: number): Float32Array[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length }, () => Math.floor(rng.nextFloat() * 5) / 4),
  );
}

describe('top-k selection and merge', () => {
  it('keeps the k largest, ties to the smaller index, best first, whatever the offering order', () => {
    const rows = tiedRows(6, 90, 1);
    for (const k of [1, 7, 90]) {
      const selector = new TopKSelector(rows.length, k);
      rows.forEach((row, q) => {
        // Offered in three pieces, last piece first (as blocks are visited: block 0 holds the last rows).
        for (const [start, end] of [
          [60, 90],
          [0, 25],
          [25, 60],
        ] as const)
          selector.offer(q, row.subarray(start, end), start);
      });
      sameLists(selector.finish(), bruteTopK(rows, k));
    }
  });

  it('merges parts of any split into the top k of the whole', () => {
    const rows = tiedRows(5, 70, 2);
    const k = 12;
    for (const cuts of [[35], [10, 11, 50], [69]]) {
      const bounds = [0, ...cuts, 70];
      const parts = bounds.slice(1).map((end, p) => {
        const start = bounds[p]!;
        const selector = new TopKSelector(rows.length, Math.min(k, end - start));
        rows.forEach((row, q) => selector.offer(q, row.subarray(start, end), start));
        return selector.finish();
      });
      sameLists(mergeTopK(parts.reverse(), k), bruteTopK(rows, k));
    }
  });

  it('refuses a selection that was offered fewer elements than its width', () => {
    const selector = new TopKSelector(1, 3);
    selector.offer(0, Float32Array.of(1, 2), 0);
    assert.throws(() => selector.finish(), /offered 2 elements, fewer than 3/);
  });
});

/** The kNN kernel of x from `shards` in-process top-k parts. */
async function knn(
  x: Float32Array,
  n: number,
  d: number,
  k: number,
  shards = 1,
): Promise<NearestNeighborKernel> {
  const rows = normalizeRows(x, n, d);
  const parts = await Promise.all(
    planShards(n, shards).map((blocks) => InProcessTopKPart.create(rows, n, d, blocks)),
  );
  try {
    return await nearestNeighborKernel(n, k, parts);
  } finally {
    await Promise.all(parts.map((part) => part.release()));
  }
}

describe('kNN kernel', () => {
  it('holds each row’s top k of the full GEMM row, bit for bit, and the same lists for any number of shards', async () => {
    const n = SUMMATION_BLOCK_ROWS + 700;
    const d = 8;
    // Few distinct rows: many exactly equal similarities, so the tie rule decides.
    const x = clusteredPoints(n, d, 40, 3).map((v) => Math.round(v * 4) / 4);
    const k = 6;
    const one = await knn(x, n, d, k);
    const two = await knn(x, n, d, k, 2);
    assert.deepEqual(two.neighbors, one.neighbors);
    assert.deepEqual(two.similarities, one.similarities);
    // Rows of the kernel from one GEMM of the queries against all n rows: the canonical values (libs/onnx).
    const queries = [0, 1, 8191, n - 1];
    const rows = normalizeRows(x, n, d);
    const runner = await createSimilarityBlockRunner();
    const a = new Float32Array(queries.length * d);
    queries.forEach((q, c) => a.set(rows.subarray(q * d, (q + 1) * d), c * d));
    const full = await runner.run(a, queries.length, rows, n, d);
    await runner.release();
    const expected = bruteTopK(
      queries.map((_, c) => full.subarray(c * n, (c + 1) * n)),
      k,
    );
    queries.forEach((q, c) => {
      assert.deepEqual(
        one.neighbors.subarray(q * k, (q + 1) * k),
        expected.indices.subarray(c * k, (c + 1) * k),
      );
      assert.deepEqual(
        one.similarities.subarray(q * k, (q + 1) * k),
        expected.values.subarray(c * k, (c + 1) * k),
      );
    });
    assert.ok(one.neighbors.subarray(0, k).includes(0), 'a row is among its own neighbours');
  });

  it('refuses k outside [1, n]', async () => {
    await assert.rejects(knn(new Float32Array(20), 10, 2, 11), /k must be an integer in \[1, 10\], got 11/);
    await assert.rejects(knn(new Float32Array(20), 10, 2, 0), /got 0/);
  });
});

/** K̃ as a dense (asymmetric) matrix: row i holds its neighbours' similarities, zeros elsewhere. */
function densified(kernel: NearestNeighborKernel): DenseKernel {
  const { n, k } = kernel;
  const data = new Float32Array(n * n);
  for (let t = 0; t < n * k; t++)
    data[Math.floor(t / k) * n + kernel.neighbors[t]!] = kernel.similarities[t]!;
  return { layout: 'full', n, data, symmetric: false };
}

describe('sparse facility location', () => {
  it('is facility location over the kNN kernel with zeros off the lists: same order, gains and value', async () => {
    const n = 400;
    const d = 12;
    const x = clusteredPoints(n, d, 6, 7);
    for (const k of [1, 10, 60]) {
      const kernel = await knn(x, n, d, k);
      for (const optimizer of ['naive', 'lazy'] as const) {
        const sparse = sparseFacilityLocation(kernel);
        const dense = facilityLocation(densified(kernel));
        const a = await maximize(sparse.oracle(), { optimizer, budget: 80 });
        const b = await maximize(dense.oracle(), { optimizer, budget: 80 });
        assert.deepEqual(a.order, b.order, `k = ${k}, ${optimizer}`);
        assert.deepEqual(a.gains, b.gains, `k = ${k}, ${optimizer}`);
        assert.equal(sparse.evaluate(a.order), dense.evaluate(b.order));
      }
    }
  });

  it('spans summation blocks like the dense gains (blocked sums, bit for bit)', async () => {
    const n = SUMMATION_BLOCK_ROWS + 300;
    const d = 6;
    const x = clusteredPoints(n, d, 12, 2);
    const kernel = await knn(x, n, d, 40);
    const sparse = sparseFacilityLocation(kernel).oracle();
    const dense = facilityLocation(densified(kernel)).oracle();
    const candidates = Int32Array.from([0, 17, n - 1, 8191, 8192, 4000, 299, 300]);
    for (const k of [5, 8400, 310]) {
      assert.deepEqual(await sparse.gains(candidates), await dense.gains(candidates));
      await Promise.all([sparse.commit(k), dense.commit(k)]);
    }
  });

  it('adds per-block sums in block order, where a single running sum would round differently', async () => {
    // Row n−1 (block 0) and rows 1 and 0 (block 1) keep element 0: 1, then 2⁻⁵³ twice. The blocked sum is
    // 1 + (2⁻⁵³ + 2⁻⁵³) = 1 + 2⁻⁵²; a running sum would round 1 + 2⁻⁵³ back to 1, twice.
    const n = SUMMATION_BLOCK_ROWS + 2;
    const neighbors = Int32Array.from({ length: n }, (_, i) => (i === n - 1 || i < 2 ? 0 : i));
    const similarities = Float32Array.from({ length: n }, (_, i) =>
      i === n - 1 ? 1 : i < 2 ? 2 ** -53 : 0.5,
    );
    const oracle = sparseFacilityLocation({ n, k: 1, neighbors, similarities }).oracle();
    assert.deepEqual(await oracle.gains(Int32Array.of(0)), Float64Array.of(1 + 2 ** -52));
  });

  it('with k = n gives the dense facility location’s order, gains and value on the fixtures', {
    skip: !haveFixtures && 'no ../shared',
  }, async () => {
    for (const name of ['c500_d32', 'dup300_d16']) {
      const embeddings = await fixtureEmbeddings(name);
      const n = embeddings.rows;
      for (const optimizer of ['naive', 'lazy'] as const) {
        const common = { embeddings, function: 'fl' as const, budget: n - 1, optimizer };
        const dense = await runSelection(common);
        const sparse = await runSelection({ ...common, kernelMode: 'sparse', numNeighbors: n });
        assert.equal(dense.kernel, 'sijs');
        assert.equal(sparse.kernel, 'sijs-knn');
        assert.deepEqual(sparse.order, dense.order, `${name} ${optimizer}`);
        assert.deepEqual(sparse.gains, dense.gains, `${name} ${optimizer}`);
        assert.equal(sparse.value, dense.value, `${name} ${optimizer}`);
      }
    }
  });

  it('with k ≪ n approximates: a different, still good selection', {
    skip: !haveFixtures && 'no ../shared',
  }, async () => {
    const embeddings = await fixtureEmbeddings('c500_d32');
    const common = { embeddings, function: 'fl' as const, budget: 50, optimizer: 'lazy' as const };
    const dense = await runSelection(common);
    const sparse = await runSelection({ ...common, kernelMode: 'sparse', numNeighbors: 10 });
    assert.notDeepEqual(sparse.order, dense.order);
    assert.equal(sparse.numNeighbors, 10);
    assert.equal(sparse.kernelMode, 'sparse');
    // Its value under the exact function is close to the exact greedy's (greedy is not optimal: it may even be above).
    const exact = facilityLocation(await cosineKernel(embeddings.data, 500, embeddings.cols, 'sijs'));
    const ratio = exact.evaluate(sparse.order) / dense.value;
    assert.ok(Math.abs(ratio - 1) < 0.05, `ratio ${ratio}`);
  });
});
