import type { SimilarityBlockRunner } from '@smartmix/onnx';

/** One horizontal band of the upper triangle of X·Xᵀ: rows [rowStart, rowStart+rows) × columns [rowStart, n). */
export interface UpperBand {
  rowStart: number;
  rows: number;
  /** rows × (n − rowStart) float32, row-major. */
  values: Float32Array;
}

/**
 * Streams the upper triangle of the dot-product matrix of (already normalised) rows in bands of `bandRows`,
 * so a consumer can reduce or store it without the whole n×n matrix ever existing at once.
 * Only the upper triangle is multiplied: half the FLOPs, and mirroring it gives an exactly symmetric kernel.
 */
export async function* upperTriangleBands(
  runner: SimilarityBlockRunner,
  rows: Float32Array,
  n: number,
  d: number,
  bandRows: number,
): AsyncGenerator<UpperBand> {
  for (let rowStart = 0; rowStart < n; rowStart += bandRows) {
    const count = Math.min(bandRows, n - rowStart);
    const values = await runner.run(
      rows.subarray(rowStart * d, (rowStart + count) * d),
      count,
      rows.subarray(rowStart * d),
      n - rowStart,
      d,
    );
    yield { rowStart, rows: count, values };
  }
}
