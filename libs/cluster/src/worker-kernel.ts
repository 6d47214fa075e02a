import { kernelValueCount, storeUpperRow } from '@smartmix/submodular';
import type { WorkerPool } from './worker-pool.js';
import { RowsOnWorkers } from './worker-pool.js';

/**
 * The dot-product matrix of `rows` (already normalised) in the upper kernel layout, computed by workers: each gets the
 * matrix and a contiguous range of rows, balanced by the area of the upper half they cover, and streams back those
 * rows from their diagonal tile on (half the GEMM work and bytes of whole rows); a lost worker's range is computed
 * again by a replacement. Every element comes from the same canonical GEMM blocks as in process (libs/onnx), so the
 * result does not depend on the number of workers, or on which of them finished it.
 */
/**
 * The first row r at which rows 0 … r−1 cover `share` of the upper half's n(n+1)/2 entries (row i covers n − i):
 * the root of r·n − r(r−1)/2 = share·n(n+1)/2, so that workers get equal GEMM work.
 */
export function upperAreaBoundary(n: number, share: number): number {
  if (share >= 1) return n;
  const b = 2 * n + 1;
  return Math.min(n, Math.max(0, Math.round((b - Math.sqrt(b * b - 4 * share * n * (n + 1))) / 2)));
}

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
        const start = upperAreaBoundary(n, w / workers.length);
        const end = upperAreaBoundary(n, (w + 1) / workers.length);
        if (start === end) return Promise.resolve();
        return pool.run(first, async (worker) =>
          worker.similarityRows(
            await uploads.on(worker),
            start,
            end,
            ({ rowStart, rows, cols, colStart, values }) => {
              // Each chunk starts at its first row's tile column: every row's stored part, the tile's left values.
              if (colStart > (rowStart & ~3) || colStart + cols !== n)
                throw new Error(
                  `worker ${worker.address} returned columns ${colStart}…${colStart + cols} of ${n}`,
                );
              for (let t = 0; t < rows; t++)
                storeUpperRow(out, n, rowStart + t, values.subarray(t * cols, (t + 1) * cols), colStart);
            },
            true,
          ),
        );
      }),
    );
  } finally {
    await uploads.release();
  }
  return out;
}
