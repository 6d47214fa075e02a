import * as ort from 'onnxruntime-node';
import { buildModel } from './graph.js';
import { type DeviceOptions, openSession } from './session.js';

/** Computes dense dot-product blocks A·Bᵀ with onnxruntime's GEMM (MLAS on CPU, cuBLAS on CUDA). */
export interface SimilarityBlockRunner {
  readonly device: 'cpu' | 'cuda';
  /**
   * Rows of A (aRows×d) against rows of B (bRows×d); returns aRows×bRows float32, row-major. Inputs may be
   * subarray views.
   */
  run(a: Float32Array, aRows: number, b: Float32Array, bRows: number, d: number): Promise<Float32Array>;
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

export async function createSimilarityBlockRunner(options: DeviceOptions = {}): Promise<SimilarityBlockRunner> {
  const { session, device } = await openSession(DOT_BLOCK_MODEL, options);
  return {
    device,
    async run(a, aRows, b, bRows, d) {
      if (a.length !== aRows * d || b.length !== bRows * d) {
        throw new RangeError(`similarity block: got ${a.length}/${b.length} values for ${aRows}×${d} and ${bRows}×${d}`);
      }
      const out = await session.run({
        a: new ort.Tensor('float32', a, [aRows, d]),
        b: new ort.Tensor('float32', b, [bRows, d]),
      });
      return out.dots!.data as Float32Array;
    },
    release: () => session.release(),
  };
}
