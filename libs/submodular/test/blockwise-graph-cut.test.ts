import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createRng,
  embeddingScorer,
  FacilityLocationShard,
  type KernelPlacement,
  maximize,
  planShards,
  SUMMATION_BLOCK_ROWS,
} from '@smartmix/submodular';

function clustered(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const centres = Float32Array.from({ length: 6 * d }, () => rng.nextFloat() - 0.5);
  return Float32Array.from(
    { length: n * d },
    (_, i) => centres[(Math.floor(i / d) % 6) * d + (i % d)]! + 0.3 * (rng.nextFloat() - 0.5),
  );
}

/** In-process shards of the summation blocks, as workers would hold them. */
const inShards = (shards: number): KernelPlacement => ({
  products: () => {
    throw new Error('a blockwise scorer never asks for a dense kernel');
  },
  facilityLocationParts: (rows, n, d) =>
    Promise.all(planShards(n, shards).map((blocks) => FacilityLocationShard.create(rows, n, d, blocks))),
  topKParts: () => {
    throw new Error('graph cut never asks for kNN lists');
  },
});

/** Lazy greedy over the dense graph cut and over the blockwise one (1 byte of kernel allowed: none is built). */
async function denseAndBlockwise(
  x: Float32Array,
  n: number,
  d: number,
  budget: number,
  placement?: KernelPlacement,
) {
  const run = async (maxKernelBytes: number | undefined, where?: KernelPlacement) => {
    const scorer = await embeddingScorer(x, n, d, 'gc', 0.4, { maxKernelBytes, placement: where });
    try {
      const selection = await maximize(scorer.oracle, {
        optimizer: 'lazy',
        budget,
        lazyBatchSize: scorer.lazyBatchSize,
      });
      return { ...selection, kernel: scorer.kernel, value: await scorer.evaluate(selection.order) };
    } finally {
      await scorer.release();
    }
  };
  return { dense: await run(undefined), blockwise: await run(1, placement) };
}

describe('blockwise graph cut (no n×n kernel)', () => {
  it('gives the dense order, gains and value bit for bit over a long selection', async () => {
    // Budget above one GEMM chunk of the selection, so S[k] is brought up to date across chunks.
    const n = 2600;
    const d = 24;
    const { dense, blockwise } = await denseAndBlockwise(clustered(n, d, 3), n, d, 2300);
    assert.deepEqual([dense.kernel, blockwise.kernel], ['sijs', 'sijs-blockwise']);
    assert.deepEqual(blockwise.order, dense.order);
    assert.deepEqual(blockwise.gains, dense.gains);
    assert.equal(blockwise.value, dense.value);
  });

  it('spans several summation blocks, with its column totals from 1, 2 or 3 shards, and matches bit for bit', async () => {
    const n = SUMMATION_BLOCK_ROWS + 700;
    const d = 12;
    const x = clustered(n, d, 8);
    const reference = await denseAndBlockwise(x, n, d, 40);
    assert.deepEqual(reference.blockwise.order, reference.dense.order);
    assert.deepEqual(reference.blockwise.gains, reference.dense.gains);
    assert.equal(reference.blockwise.value, reference.dense.value);
    for (const shards of [2, 3]) {
      const { blockwise } = await denseAndBlockwise(x, n, d, 40, inShards(shards));
      assert.deepEqual(blockwise.order, reference.dense.order, `${shards} shards`);
      assert.deepEqual(blockwise.gains, reference.dense.gains, `${shards} shards`);
      assert.equal(blockwise.value, reference.dense.value, `${shards} shards`);
    }
  });

  it('refuses log-determinant above the kernel limit, naming the way out', async () => {
    await assert.rejects(
      embeddingScorer(clustered(300, 4, 1), 300, 4, 'logdet', 1, { maxKernelBytes: 1 }),
      /above the 0 MiB limit; raise the limit, or use facility location or graph cut/,
    );
  });
});
