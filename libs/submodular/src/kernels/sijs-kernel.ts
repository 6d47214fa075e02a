import { createSimilarityBlockRunner, type DeviceOptions } from '@smartmix/onnx';
import { kernelValueCount } from '../kernel-columns.js';
import type { UpperKernel } from '../types.js';
import { storeUpperRow } from '../upper-tiles.js';
import { normalizeRows } from './normalize.js';

/** Rows per GEMM band. */
const BAND_ROWS = 256;

/**
 * Computes the dot products of n rows of width d (row-major) with each other, wherever that runs, as the
 * 'upper' kernel layout of the n×n product (upper-tiles.ts).
 */
export type DotProductMatrix = (rows: Float32Array, n: number, d: number) => Promise<Float32Array>;

/**
 * The upper layout of the dot-product matrix on onnxruntime in this process. Each band of rows (a multiple of the
 * tile size) is multiplied only with the rows from its first row on — about half the GEMM work of the full product —
 * into a scratch band, whose rows are then stored.
 */
export function inProcessDotProducts(device: DeviceOptions = {}): DotProductMatrix {
  return async (rows, n, d) => {
    const runner = await createSimilarityBlockRunner(device);
    const data = new Float32Array(kernelValueCount('upper', n));
    const band = new Float32Array(Math.min(BAND_ROWS, n) * n);
    try {
      for (let start = 0; start < n; start += BAND_ROWS) {
        const count = Math.min(BAND_ROWS, n - start);
        const width = n - start;
        const products = band.subarray(0, count * width);
        await runner.run(
          rows.subarray(start * d, (start + count) * d),
          count,
          rows.subarray(start * d),
          width,
          d,
          products,
        );
        for (let t = 0; t < count; t++) {
          storeUpperRow(data, n, start + t, products.subarray(t * width, (t + 1) * width), start);
        }
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
 * Only the upper triangle is computed and stored: the kernel is symmetric by construction. On the CPU this loses
 * nothing — every element equals the corresponding element of onnxruntime's full product, which is exactly symmetric
 * (libs/onnx's block-shape test), whether computed here or by workers; a CUDA product, which makes no such
 * promise, is thereby made symmetric, as a cosine kernel should be.
 */
export async function sijsKernel(
  x: Float32Array,
  n: number,
  d: number,
  products: DotProductMatrix,
): Promise<UpperKernel> {
  return { layout: 'upper', n, data: await products(normalizeRows(x, n, d), n, d) };
}
