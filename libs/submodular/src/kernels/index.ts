import type { DeviceOptions } from '@smartmix/onnx';
import type { DenseKernel } from '../types.js';
import { exactDataKernel } from './exact-data-kernel.js';
import { sijsKernel } from './sijs-kernel.js';

export type KernelMode = 'sijs' | 'data';

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
  device: DeviceOptions = {},
): Promise<DenseKernel> {
  if (x.length !== n * d) throw new RangeError(`cosineKernel: ${x.length} values do not fill ${n}×${d}`);
  return mode === 'sijs' ? sijsKernel(x, n, d, device) : Promise.resolve(exactDataKernel(x, n, d));
}

export { normalizeRows } from './normalize.js';
