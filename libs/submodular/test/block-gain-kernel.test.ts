import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createRng, SUMMATION_BLOCK_ROWS } from '@smartmix/submodular';
import { assembleBlockGains, generatedModule } from '../generate.mjs';
import { BlockGainKernel } from '../src/block-gain-kernel.js';
import { facilityLocationBlockGain, openOffsets } from '../src/functions/facility-location.js';

/**
 * Similarities and a memo that exercise every branch of the term: positive, negative and zero differences, equal
 * values, −0 against +0, and differences too small to survive float32 rounding.
 */
function awkwardValues(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const pool = [0, -0, 1, -1, 0.5, 1e-8, -1e-8, 0.1, 0.1 + 2 ** -26];
  return Float32Array.from({ length }, () =>
    rng.nextFloat() < 0.3 ? pool[Math.floor(rng.nextFloat() * pool.length)]! : rng.nextFloat() * 2 - 1,
  );
}

describe('BlockGainKernel (WebAssembly SIMD block gains)', () => {
  it('gives facilityLocationBlockGain’s bits, open-row counts and open rows for every batch size and block width', () => {
    const kernel = new BlockGainKernel(9);
    for (const width of [1, 3, 4, 5, 777, SUMMATION_BLOCK_ROWS]) {
      const memo = awkwardValues(width, width);
      for (let count = 1; count <= 9; count++) {
        const products = awkwardValues(count * width, 1000 * width + count);
        kernel.products.set(products);
        kernel.memo.set(memo);
        kernel.compute(width, count);
        for (let c = 0; c < count; c++) {
          const column = products.subarray(c * width, (c + 1) * width);
          const open = new Int32Array(1);
          const expected = facilityLocationBlockGain(column, memo, 0, width, open);
          assert.ok(
            Object.is(kernel.sums[c], expected),
            `width ${width}, ${count} candidates, candidate ${c}: ${kernel.sums[c]} ≠ ${expected}`,
          );
          assert.equal(kernel.opens[c], open[0], `width ${width}, candidate ${c}: open rows`);
          const expectedRows = new Int32Array(width);
          const expectedCount = openOffsets(column, memo, expectedRows);
          const found = kernel.openRowsOf(c, width);
          assert.deepEqual(
            [...kernel.openAt.subarray(0, found)],
            [...expectedRows.subarray(0, expectedCount)],
            `width ${width}, candidate ${c}`,
          );
        }
      }
    }
  });

  it('refuses a batch or a block larger than its memory', () => {
    const kernel = new BlockGainKernel(4);
    assert.throws(() => kernel.compute(SUMMATION_BLOCK_ROWS + 1, 1), /do not fit/);
    assert.throws(() => kernel.compute(8, 5), /do not fit/);
    assert.throws(() => kernel.compute(8, 0), /do not fit/);
    assert.throws(() => kernel.openRowsOf(4, 8), /do not fit/);
  });

  it('runs the module assembled from wasm/block-gains.wat as it is now (the generated file is not stale)', async () => {
    const committed = readFileSync(new URL('../src/generated/block-gains-wasm.ts', import.meta.url), 'utf8');
    assert.equal(committed, generatedModule(await assembleBlockGains()));
  });
});
