import type { SimilarityBlockRunner } from '@smartmix/onnx';
import { blockRange } from './blocked-sum.js';
import type { ShardBlocks } from './functions/facility-location-shard.js';

/**
 * The similarities of a batch of elements with the rows of each summation block of `blocks`, one canonical block at a
 * time (blocked-sum.ts), so every value has the bits of the full kernel's element whatever the batch or the split
 * (libs/onnx's block-shape property): `visit(products, b, start, end)` gets the b-th block of `blocks`, rows [start,
 * end), as batch.length × (end − start) similarities, row-major: batch[c]'s with the block's rows at
 * [c·(end − start), (c + 1)·(end − start)). The GEMM writes into `out` (≥ batch.length × one block), which the caller
 * reuses from call to call; the view is valid only during its visit.
 */
export async function forEachBlockProduct(
  runner: SimilarityBlockRunner,
  rows: Float32Array,
  n: number,
  d: number,
  blocks: ShardBlocks,
  batch: Int32Array,
  out: Float32Array,
  visit: (products: Float32Array, b: number, start: number, end: number) => void,
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
    visit(values, b, start, end);
  }
}

/** batch[c]'s similarities with the rows [start, end) of a block that forEachBlockProduct visits. */
export function productColumn(products: Float32Array, c: number, start: number, end: number): Float32Array {
  const width = end - start;
  return products.subarray(c * width, (c + 1) * width);
}
