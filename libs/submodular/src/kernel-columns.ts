import type { DenseKernel } from './types.js';

/**
 * Column k of the kernel (K[·,k]): a zero-copy row view when the kernel is exactly symmetric, otherwise gathered
 * into `scratch` (length n), which is what a strided read of a row-major matrix costs anyway.
 */
export function kernelColumn(kernel: DenseKernel, k: number, scratch: Float32Array): Float32Array {
  const { n, data } = kernel;
  if (kernel.symmetric) return data.subarray(k * n, (k + 1) * n);
  for (let i = 0; i < n; i++) scratch[i] = data[i * n + k]!;
  return scratch;
}

/** Row r of the kernel (K[r,·]) as a zero-copy view. */
export function kernelRow(kernel: DenseKernel, r: number): Float32Array {
  return kernel.data.subarray(r * kernel.n, (r + 1) * kernel.n);
}

export function checkKernel(kernel: DenseKernel): void {
  if (!Number.isInteger(kernel.n) || kernel.n < 1 || kernel.data.length !== kernel.n * kernel.n) {
    throw new RangeError(
      `kernel: ${kernel.data.length} values do not form an n×n matrix with n = ${kernel.n}`,
    );
  }
}
