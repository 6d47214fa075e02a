import type { DeviceOptions } from '@smartmix/onnx';
import type { FacilityLocationPart } from '../functions/facility-location-shard.js';
import type { DenseKernel } from '../types.js';
import type { TopKParts } from './block-top-k.js';
import { exactDataKernel } from './exact-data-kernel.js';
import { type DotProductMatrix, inProcessDotProducts, sijsKernel } from './sijs-kernel.js';

export type KernelMode = 'sijs' | 'data';

/**
 * Opens facility-location shards over normalised rows (n×d) wherever they live, covering every summation block once.
 */
export type FacilityLocationParts = (
  rows: Float32Array,
  n: number,
  d: number,
) => Promise<FacilityLocationPart[]>;

/**
 * Where similarity work runs: on a device in this process, or on workers — the dense kernel from a DotProductMatrix,
 * facility location without a kernel from shards the workers hold, and kNN kernels from the workers' top-k lists.
 */
export type KernelPlacement =
  | DeviceOptions
  | { products: DotProductMatrix; facilityLocationParts: FacilityLocationParts; topKParts: TopKParts };

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
  const products = 'products' in placement ? placement.products : inProcessDotProducts(placement);
  return sijsKernel(x, n, d, products);
}

export {
  forEachTopKBatch,
  InProcessTopKPart,
  TopKListsBuilder,
  type TopKPart,
  type TopKParts,
  topKWidth,
} from './block-top-k.js';
export { type NearestNeighborKernel, nearestNeighborKernel } from './nearest-neighbors.js';
export { normalizeRows } from './normalize.js';
export { type DotProductMatrix, inProcessDotProducts } from './sijs-kernel.js';
export { mergeTopK, ranksBefore, type TopKLists, TopKSelector } from './top-k.js';
