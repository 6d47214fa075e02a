import { createSimilarityBlockRunner, type DeviceOptions } from '@smartmix/onnx';
import type { DenseKernel } from '../types.js';
import { upperTriangleBands } from './cosine-blocks.js';
import { normalizeRows } from './normalize.js';

/** Rows per GEMM band: small enough that a band (rows × n floats) stays a few MB next to the n×n kernel. */
const BAND_ROWS = 128;
/** Columns per transposition tile, sized so a tile of a band stays in L1 while it is mirrored. */
const MIRROR_TILE = 64;

/**
 * The raw cosine kernel (scikit-learn `cosine_similarity` flavour: normalise in float32, one float32 product),
 * computed with onnxruntime's GEMM over the upper triangle and mirrored, so it is exactly symmetric.
 * Its last bits differ from any particular BLAS, as scikit-learn's own do between machines.
 */
export async function sijsKernel(
  x: Float32Array,
  n: number,
  d: number,
  device: DeviceOptions = {},
): Promise<DenseKernel> {
  const normalized = normalizeRows(x, n, d);
  const runner = await createSimilarityBlockRunner(device);
  const data = new Float32Array(n * n);
  try {
    for await (const band of upperTriangleBands(runner, normalized, n, d, BAND_ROWS)) {
      const width = n - band.rowStart;
      for (let i = 0; i < band.rows; i++) {
        const r = band.rowStart + i;
        data.set(band.values.subarray(i * width + i, (i + 1) * width), r * n + r);
      }
      // Mirror below the diagonal tile by tile: contiguous writes along each target row, reads that stay in cache.
      for (let tile = band.rowStart; tile < n; tile += MIRROR_TILE) {
        const tileEnd = Math.min(tile + MIRROR_TILE, n);
        for (let c = tile; c < tileEnd; c++) {
          const upto = Math.min(band.rows, c - band.rowStart);
          const target = c * n + band.rowStart;
          const column = c - band.rowStart;
          for (let i = 0; i < upto; i++) data[target + i] = band.values[i * width + column];
        }
      }
    }
  } finally {
    await runner.release();
  }
  return { n, data, symmetric: true };
}
