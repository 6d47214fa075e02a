import { createSimilarityBlockRunner, type DeviceOptions } from '@smartmix/onnx';
import type { DenseKernel } from '../types.js';
import { normalizeRows } from './normalize.js';

/** Rows per GEMM band: each band's product is written straight into its rows of the matrix. */
const BAND_ROWS = 256;

/** Computes the n×n dot-product matrix of n rows of width d (row-major), wherever that runs. */
export type DotProductMatrix = (rows: Float32Array, n: number, d: number) => Promise<Float32Array>;

/** The dot-product matrix on onnxruntime in this process, band by band directly into the result. */
export function inProcessDotProducts(device: DeviceOptions = {}): DotProductMatrix {
  return async (rows, n, d) => {
    const runner = await createSimilarityBlockRunner(device);
    const data = new Float32Array(n * n);
    try {
      for (let start = 0; start < n; start += BAND_ROWS) {
        const count = Math.min(BAND_ROWS, n - start);
        const band = data.subarray(start * n, (start + count) * n);
        await runner.run(rows.subarray(start * d, (start + count) * d), count, rows, n, d, band);
      }
    } finally {
      await runner.release();
    }
    return data;
  };
}

/**
 * The raw cosine kernel (scikit-learn `cosine_similarity` flavour: normalise in float32, one float32 product). Its
 * last bits differ from any particular BLAS, as scikit-learn's own do between machines.
 *
 * Every element equals the corresponding element of onnxruntime's full CPU product, which is exactly symmetric
 * (libs/onnx's block-shape test), whether it was computed here or by workers; so the kernel is marked symmetric and
 * columns are read as rows. (A CUDA provider makes no such promise: see `symmetric`.)
 */
export async function sijsKernel(
  x: Float32Array,
  n: number,
  d: number,
  products: DotProductMatrix,
  symmetric = true,
): Promise<DenseKernel> {
  return { n, data: await products(normalizeRows(x, n, d), n, d), symmetric };
}
