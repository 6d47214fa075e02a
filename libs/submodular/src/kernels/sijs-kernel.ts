import { createSimilarityBlockRunner, type DeviceOptions } from '@smartmix/onnx';
import type { DenseKernel } from '../types.js';
import { normalizeRows } from './normalize.js';

/** Rows per GEMM band: each band's product is written straight into its rows of the kernel. */
const BAND_ROWS = 256;

/**
 * The raw cosine kernel (scikit-learn `cosine_similarity` flavour: normalise in float32, one float32 product),
 * computed with onnxruntime's GEMM band by band directly into the n×n matrix, so nothing but the kernel itself
 * grows with n². Its last bits differ from any particular BLAS, as scikit-learn's own do between machines.
 *
 * On CPU every element equals the corresponding element of the full product, which MLAS computes exactly
 * symmetric (libs/onnx's block-shape test), so the kernel is marked symmetric and columns are read as rows. Other
 * providers make no such promise, so their kernels are marked non-symmetric and read by column.
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
    for (let start = 0; start < n; start += BAND_ROWS) {
      const rows = Math.min(BAND_ROWS, n - start);
      const band = data.subarray(start * n, (start + rows) * n);
      await runner.run(normalized.subarray(start * d, (start + rows) * d), rows, normalized, n, d, band);
    }
  } finally {
    await runner.release();
  }
  return { n, data, symmetric: runner.device === 'cpu' };
}
