import { createRng, type DenseKernel } from '@smartmix/submodular';
import { exactDataKernel } from '../src/kernels/exact-data-kernel.js';

export * from '@smartmix/submodular';

/** Seeded points around `clusters` random centres (n×d, row-major), with negative coordinates too. */
export function clusteredPoints(n: number, d: number, clusters: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const centres = Float64Array.from({ length: clusters * d }, () => rng.nextFloat() * 2 - 1);
  return Float32Array.from(
    { length: n * d },
    (_, i) => centres[(Math.floor(i / d) % clusters) * d + (i % d)]! + 0.4 * (rng.nextFloat() - 0.5),
  );
}

/** The exactly symmetric cosine kernel of clusteredPoints (about half of the similarities are negative). */
export function clusteredKernel(n: number, d: number, clusters: number, seed: number): DenseKernel {
  return exactDataKernel(clusteredPoints(n, d, clusters, seed), n, d);
}

/** The same matrix without the symmetry promise: columns are then gathered instead of read as rows. */
export const asymmetric = (kernel: DenseKernel): DenseKernel => ({ ...kernel, symmetric: false });
