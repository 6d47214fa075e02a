import type { SimilarityBlockRunner } from '@smartmix/onnx';
import { blockRange } from './blocked-sum.js';
import type { ShardBlocks } from './functions/facility-location-shard.js';

/**
 * The similarities of a batch of elements with the rows of each summation block of `blocks`, one canonical block at a
 * time (blocked-sum.ts), so every value has the bits of the full kernel's element whatever the batch or the split
 * (libs/onnx's block-shape property): `visit(c, values, b, start, end)` gets batch[c]'s similarities with rows
 * [start, end) of the b-th block of `blocks`. The GEMM writes into `out` (≥ batch.length × one block), which the caller
 * reuses from call to call; a view is valid only during its visit.
 */
export async function forEachBlockProduct(
  runner: SimilarityBlockRunner,
  rows: Float32Array,
  n: number,
  d: number,
  blocks: ShardBlocks,
  batch: Int32Array,
  out: Float32Array,
  visit: (c: number, values: Float32Array, b: number, start: number, end: number) => void,
): Promise<void> {
  const vectors = new Float32Array(batch.length * d);
  batch.forEach((k, c) => vectors.set(rows.subarray(k * d, (k + 1) * d), c * d));
  for (let b = 0; b < blocks.endBlock - blocks.firstBlock; b++) {
    const [start, end] = blockRange(n, blocks.firstBlock + b);
    const width = end - start;
    const values = await runner.run(
      vectors,
      batch.length,
      rows.subarray(start * d, end * d),
      width,
      d,
      out.subarray(0, batch.length * width),
    );
    for (let c = 0; c < batch.length; c++)
      visit(c, values.subarray(c * width, (c + 1) * width), b, start, end);
  }
}
