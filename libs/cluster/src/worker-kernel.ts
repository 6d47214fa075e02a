import { kernelValueCount, storeUpperRow } from '@smartmix/submodular';
import type { WorkerPool } from './worker-pool.js';
import { RowsOnWorkers } from './worker-pool.js';

/**
 * The dot-product matrix of `rows` (already normalised) in the upper-triangle kernel layout, computed by workers: each
 * gets the matrix and a contiguous, balanced range of rows, and streams its rows back into place; a lost worker's range is
 * computed again by a replacement. Every element comes from the same canonical GEMM blocks as in process
 * (libs/onnx), so the result does not depend on the number of workers, or on which of them finished it.
 */
export async function similarityMatrixFromWorkers(
  pool: WorkerPool,
  rows: Float32Array,
  n: number,
  d: number,
): Promise<Float32Array> {
  const out = new Float32Array(kernelValueCount('upper', n));
  const workers = pool.alive();
  const uploads = new RowsOnWorkers(rows, n, d);
  try {
    await Promise.all(
      workers.map((first, w) => {
        const start = Math.floor((n * w) / workers.length);
        const end = Math.floor((n * (w + 1)) / workers.length);
        if (start === end) return Promise.resolve();
        return pool.run(first, async (worker) =>
          worker.similarityRows(await uploads.on(worker), start, end, (rowStart, count, cols, values) => {
            if (cols !== n)
              throw new Error(`worker ${worker.address} returned rows of ${cols} columns, expected ${n}`);
            // Workers send whole rows; the kernel keeps the part of each on and above the diagonal tiles.
            for (let t = 0; t < count; t++)
              storeUpperRow(out, n, rowStart + t, values.subarray(t * n, (t + 1) * n), 0);
          }),
        );
      }),
    );
  } finally {
    await uploads.release();
  }
  return out;
}
