import type { DeviceOptions } from '@smartmix/onnx';
import type { DenseKernel } from '../types.js';
import { exactDataKernel } from './exact-data-kernel.js';
import { type DotProductMatrix, inProcessDotProducts, sijsKernel } from './sijs-kernel.js';

export type KernelMode = 'sijs' | 'data';

/** Where the GEMM of a 'sijs' kernel runs: on a device in this process, or anywhere a DotProductMatrix reaches. */
export type KernelPlacement = DeviceOptions | { products: DotProductMatrix };

/**
 * Builds the cosine similarity kernel of the rows of x (n×d, row-major) in one of submodlib's two flavours:
 * 'sijs' — raw cosine values as scikit-learn computes them (fast GEMM, diagonal ≈ 1);
 * 'data' — the kernel submodlib derives from data itself, bit for bit (diagonal exactly 1, scalar and slow).
 */
export function cosineKernel(
  x: Float32Array,
  n: number,
  d: number,
  mode: KernelMode,
  placement: KernelPlacement = {},
): Promise<DenseKernel> {
  if (x.length !== n * d) throw new RangeError(`cosineKernel: ${x.length} values do not fill ${n}×${d}`);
  if (mode === 'data') return Promise.resolve(exactDataKernel(x, n, d));
  if ('products' in placement) return sijsKernel(x, n, d, placement.products);
  // Only MLAS (CPU) is known to compute the product exactly symmetric.
  const cpu = (placement.device ?? 'cpu') === 'cpu';
  return sijsKernel(x, n, d, inProcessDotProducts(placement), cpu);
}

export { normalizeRows } from './normalize.js';
export { type DotProductMatrix, inProcessDotProducts } from './sijs-kernel.js';
