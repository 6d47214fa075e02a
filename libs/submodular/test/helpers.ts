import {
  createRng,
  type DenseKernel,
  entryReader,
  type FullKernel,
  type UpperKernel,
} from '@smartmix/submodular';
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

/**
 * The exactly symmetric cosine kernel of clusteredPoints (about half of the similarities are negative), as its upper
 * triangle.
 */
export function clusteredKernel(n: number, d: number, clusters: number, seed: number): UpperKernel {
  return exactDataKernel(clusteredPoints(n, d, clusters, seed), n, d);
}

/**
 * The same matrix stored in full: with the symmetry promise (columns read as rows) or without it (columns
 * gathered).
 */
export function asFull(kernel: DenseKernel, symmetric: boolean): FullKernel {
  const { n } = kernel;
  const entry = entryReader(kernel);
  const data = new Float32Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) data[r * n + c] = entry(r, c);
  return { layout: 'full', n, data, symmetric };
}

/** The same matrix without the symmetry promise: columns are then gathered instead of read as rows. */
export const asymmetric = (kernel: DenseKernel): FullKernel => asFull(kernel, false);
