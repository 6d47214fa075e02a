import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  blockCount,
  cosineKernel,
  createRng,
  FacilityLocationShard,
  facilityLocation,
  maximize,
  normalizeRows,
  planShards,
  ShardedFacilityLocation,
  SUMMATION_BLOCK_ROWS,
} from '@smartmix/submodular';

/** Facility location over `shards` in-process shards of the blocks (no kernel held). */
async function sharded(x: Float32Array, n: number, d: number, shards = 1, openBudgetBytes?: number) {
  const rows = normalizeRows(x, n, d);
  const parts = await Promise.all(
    planShards(n, shards).map((blocks) =>
      FacilityLocationShard.create(rows, n, d, blocks, { openBudgetBytes }),
    ),
  );
  return new ShardedFacilityLocation(n, parts);
}

function clustered(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const centres = Float32Array.from({ length: 8 * d }, () => rng.nextFloat() - 0.5);
  return Float32Array.from(
    { length: n * d },
    (_, i) => centres[(Math.floor(i / d) % 8) * d + (i % d)]! + 0.2 * (rng.nextFloat() - 0.5),
  );
}

describe('blockwise facility location (no n×n kernel)', () => {
  it('gives the same order and bit-identical gains as facility location over the materialised kernel', async () => {
    const n = 700;
    const d = 48;
    const x = clustered(n, d, 5);
    const dense = await maximize(facilityLocation(await cosineKernel(x, n, d, 'sijs')).oracle(), {
      optimizer: 'lazy',
      budget: 60,
    });
    const oracle = await sharded(x, n, d);
    const blockwise = await maximize(oracle, { optimizer: 'lazy', budget: 60, lazyBatchSize: 8 });
    await oracle.release();
    assert.deepEqual(blockwise.order, dense.order);
    assert.deepEqual(blockwise.gains, dense.gains);
  });

  it('spans several summation blocks and still matches the dense oracle', async () => {
    const n = SUMMATION_BLOCK_ROWS + 300;
    const d = 16;
    const x = clustered(n, d, 9);
    const candidates = Int32Array.from([0, 17, n - 1, 8191, 8192, 4000]);
    const denseOracle = facilityLocation(await cosineKernel(x, n, d, 'sijs')).oracle();
    const oracle = await sharded(x, n, d);
    for (const k of [3, 8400, 512]) {
      assert.deepEqual(await oracle.gains(candidates), await denseOracle.gains(candidates));
      await oracle.commit(k);
      await denseOracle.commit(k);
    }
    await oracle.release();
  });

  it('gives the same bits with 1, 2 or 3 shards, with and without kept open rows', async () => {
    const n = 2 * SUMMATION_BLOCK_ROWS + 500;
    const d = 8;
    const x = clustered(n, d, 11);
    assert.equal(blockCount(n), 3);
    const rng = createRng(4);
    const candidates = Int32Array.from({ length: 2000 }, () => Math.floor(rng.nextFloat() * n));
    const runs = [];
    for (const [shards, budget] of [
      [1, undefined],
      [2, undefined],
      [3, 0],
    ] as const) {
      const oracle = await sharded(x, n, d, shards, budget);
      // Greedy over a fixed candidate sample, every gain recorded: the second and later rounds read kept rows.
      const trace: number[][] = [];
      const taken = new Set<number>();
      for (let round = 0; round < 5; round++) {
        const gains = await oracle.gains(candidates);
        trace.push([...gains]);
        let best = -1;
        gains.forEach((g, c) => {
          if (!taken.has(candidates[c]!) && (best < 0 || g > gains[best]!)) best = c;
        });
        taken.add(candidates[best]!);
        await oracle.commit(candidates[best]!);
      }
      runs.push({ trace, value: await oracle.value() });
      await oracle.release();
    }
    assert.deepEqual(runs[1], runs[0]);
    assert.deepEqual(runs[2], runs[0]);
    assert.ok(runs[0]!.value > 0);
  });

  it('commits carried by the next gains request, or sent before a value, act as separate commits do', async () => {
    const n = SUMMATION_BLOCK_ROWS + 300;
    const d = 8;
    const rows = normalizeRows(clustered(n, d, 5), n, d);
    const candidates = Int32Array.from([0, 1, 4000, 8191, 8192, n - 1]);
    const blocks = { firstBlock: 0, endBlock: blockCount(n) };
    const separate = await FacilityLocationShard.create(rows, n, d, blocks);
    const carried = await FacilityLocationShard.create(rows, n, d, blocks);
    await separate.partialGains(candidates); // both shards keep open rows the same way
    await carried.partialGains(candidates);
    await separate.commit(Int32Array.of(4000, 12));
    const expected = await separate.partialGains(candidates);
    assert.deepEqual(await carried.partialGains(candidates, Int32Array.of(4000, 12)), expected);
    // A retried request commits its elements again: nothing changes.
    assert.deepEqual(await carried.partialGains(candidates, Int32Array.of(4000, 12)), expected);
    assert.deepEqual(await carried.valueParts(), await separate.valueParts());
    await separate.release();
    await carried.release();

    const oracle = await sharded(clustered(n, d, 5), n, d, 2);
    await oracle.commit(4000);
    const dense = facilityLocation(await cosineKernel(clustered(n, d, 5), n, d, 'sijs'));
    assert.equal(await oracle.value(), dense.evaluate([4000]));
    await oracle.release();
  });

  it('refuses shards that do not cover the blocks exactly once', async () => {
    const n = SUMMATION_BLOCK_ROWS + 10;
    const rows = normalizeRows(clustered(n, 4, 1), n, 4);
    const first = await FacilityLocationShard.create(rows, n, 4, { firstBlock: 0, endBlock: 1 });
    assert.throws(() => new ShardedFacilityLocation(n, [first]), /cover 1 of 2 blocks/);
    assert.throws(() => new ShardedFacilityLocation(n, [first, first]), /cover block 1 exactly once/);
    await assert.rejects(
      FacilityLocationShard.create(rows, n, 4, { firstBlock: 1, endBlock: 3 }),
      /not a range of the 2 blocks/,
    );
    await first.release();
  });
});
