import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BlockwiseFacilityLocation,
  cosineKernel,
  createRng,
  facilityLocation,
  maximize,
  SUMMATION_BLOCK_ROWS,
} from '@smartmix/submodular';

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
    const oracle = await BlockwiseFacilityLocation.create(x, n, d);
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
    const oracle = await BlockwiseFacilityLocation.create(x, n, d);
    for (const k of [3, 8400, 512]) {
      assert.deepEqual(await oracle.gains(candidates), await denseOracle.gains(candidates));
      await oracle.commit(k);
      await denseOracle.commit(k);
    }
    await oracle.release();
  });
});
