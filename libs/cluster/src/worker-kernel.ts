import type { WorkerConnection } from './worker-client.js';

/**
 * The n×n dot-product matrix of `rows` (already normalised), computed by workers: each gets the matrix and a
 * contiguous, balanced range of rows, and streams its rows back straight into place. Every element comes from the
 * same canonical GEMM blocks as in process (libs/onnx), so the result does not depend on the number of workers.
 */
export async function similarityMatrixFromWorkers(
  workers: readonly WorkerConnection[],
  rows: Float32Array,
  n: number,
  d: number,
): Promise<Float32Array> {
  if (workers.length === 0) throw new Error('no workers to compute the similarity matrix');
  const out = new Float32Array(n * n);
  const handles = await Promise.all(workers.map((w) => w.putRows(rows, n, d)));
  try {
    await Promise.all(
      workers.map((worker, w) => {
        const start = Math.floor((n * w) / workers.length);
        const end = Math.floor((n * (w + 1)) / workers.length);
        if (start === end) return Promise.resolve();
        return worker.similarityRows(handles[w]!, start, end, (rowStart, count, cols, values) => {
          if (cols !== n)
            throw new Error(`worker ${worker.address} returned rows of ${cols} columns, expected ${n}`);
          out.set(values.subarray(0, count * n), rowStart * n);
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w, i) => w.dropRows(handles[i]!).catch(() => {})));
  }
  return out;
}
