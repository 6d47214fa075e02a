import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderGroup } from '@smartmix/mixture';
import { createRng } from '@smartmix/submodular';

describe('stage-2 group orders', () => {
  const n = 300;
  const d = 16;
  const rng = createRng(4);
  const x = Float32Array.from({ length: n * d }, () => rng.nextFloat() - 0.4);

  it('are full permutations whose gains decrease for facility location', async () => {
    const { order, gains } = await orderGroup(x, n, d, { name: 'fl', lambda: null });
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      Array.from({ length: n }, (_, i) => i),
    );
    assert.equal(gains.length, n);
    for (let i = 1; i < n; i++) assert.ok(gains[i]! <= gains[i - 1]! + 1e-12, `gain ${i} rises`);
  });

  it('are the same when the group is too large for a dense kernel and ordered blockwise', async () => {
    for (const fn of [
      { name: 'fl', lambda: null },
      { name: 'gc', lambda: 0.4 },
    ] as const) {
      const dense = await orderGroup(x, n, d, fn);
      const blockwise = await orderGroup(x, n, d, fn, { maxKernelBytes: 1024 });
      assert.deepEqual(blockwise, dense, fn.name);
    }
    await assert.rejects(
      orderGroup(x, n, d, { name: 'logdet', lambda: 1 }, { maxKernelBytes: 1024 }),
      /above the 0 MiB limit/,
    );
  });

  it('handle one-element groups', async () => {
    const one = await orderGroup(x.subarray(0, d), 1, d, { name: 'logdet', lambda: 1 });
    assert.deepEqual(one.order, [0]);
    assert.ok(Math.abs(one.gains[0]! - Math.log(2)) < 1e-6);
  });
});
