import { buildModel } from './graph.js';
import { type DeviceOptions, loadRuntime, openSession } from './session.js';

/**
 * MLAS (onnxruntime's CPU GEMM) takes other code paths for a single-row A (GEMV) and for a narrow B, and those
 * round differently. With at least MIN_ROWS_A rows in A and MIN_ROWS_B rows in B, every element is bit-identical to
 * the same element of the full product X·Xᵀ (which is exactly symmetric) whatever the block's shape or position —
 * the property that lets any split of the work into blocks, and so any number of workers, give the same kernel.
 * Smaller blocks are padded with zero rows. (Checked by libs/onnx/test/onnx.test.ts.)
 */
export const MIN_ROWS_A = 2;
export const MIN_ROWS_B = 256;

function padRows(values: Float32Array, rows: number, d: number, minRows: number): Float32Array {
  if (rows >= minRows) return values;
  const padded = new Float32Array(minRows * d);
  padded.set(values);
  return padded;
}

/** Computes dense dot-product blocks A·Bᵀ with onnxruntime's GEMM (MLAS on CPU, cuBLAS on CUDA). */
export interface SimilarityBlockRunner {
  readonly device: 'cpu' | 'cuda';
  /**
   * Rows of A (aRows×d) against rows of B (bRows×d); returns aRows×bRows float32, row-major. Inputs may be
   * subarray views. With `into` (aRows×bRows floats, e.g. a view into a larger matrix) the result is written
   * there directly, without an intermediate buffer, and `into` is returned.
   */
  run(
    a: Float32Array,
    aRows: number,
    b: Float32Array,
    bRows: number,
    d: number,
    into?: Float32Array,
  ): Promise<Float32Array>;
  release(): Promise<void>;
}

const DOT_BLOCK_MODEL = buildModel({
  name: 'smartmix_dot_block',
  inputs: [
    { name: 'a', elemType: 'FLOAT', shape: ['rows_a', 'dim'] },
    { name: 'b', elemType: 'FLOAT', shape: ['rows_b', 'dim'] },
  ],
  outputs: [{ name: 'dots', elemType: 'FLOAT', shape: ['rows_a', 'rows_b'] }],
  nodes: [{ op: 'Gemm', inputs: ['a', 'b'], outputs: ['dots'], attributes: { transB: 1 } }],
});

export async function createSimilarityBlockRunner(
  options: DeviceOptions = {},
): Promise<SimilarityBlockRunner> {
  const ort = await loadRuntime();
  const { session, device } = await openSession(DOT_BLOCK_MODEL, options);
  return {
    device,
    async run(a, aRows, b, bRows, d, into) {
      if (a.length !== aRows * d || b.length !== bRows * d || (into && into.length !== aRows * bRows)) {
        throw new RangeError(
          `similarity block: got ${a.length}/${b.length} values for ${aRows}×${d} and ${bRows}×${d}`,
        );
      }
      const rowsA = Math.max(aRows, MIN_ROWS_A);
      const rowsB = Math.max(bRows, MIN_ROWS_B);
      const feeds = {
        a: new ort.Tensor('float32', padRows(a, aRows, d, MIN_ROWS_A), [rowsA, d]),
        b: new ort.Tensor('float32', padRows(b, bRows, d, MIN_ROWS_B), [rowsB, d]),
      };
      const padded = rowsA !== aRows || rowsB !== bRows;
      if (into && !padded) {
        await session.run(feeds, { dots: new ort.Tensor('float32', into, [aRows, bRows]) });
        return into;
      }
      const dots = (await session.run(feeds)).dots!.data as Float32Array;
      if (!padded) return dots;
      const result = into ?? new Float32Array(aRows * bRows);
      for (let i = 0; i < aRows; i++) result.set(dots.subarray(i * rowsB, i * rowsB + bRows), i * bRows);
      return result;
    },
    release: () => session.release(),
  };
}
