import { createSimilarityBlockRunner } from '@smartmix/onnx';
import { blockCount } from './blocked-sum.js';
import { SelectionInputError } from './errors.js';
import { BlockwiseGraphCut, columnTotalsFromParts } from './functions/blockwise-graph-cut.js';
import { createSetFunction, DEFAULT_LAMBDA } from './functions/by-name.js';
import { type FacilityLocationPart, FacilityLocationShard } from './functions/facility-location-shard.js';
import { ShardedFacilityLocation } from './functions/sharded-facility-location.js';
import { sparseFacilityLocation } from './functions/sparse-facility-location.js';
import { kernelValueCount } from './kernel-columns.js';
import { InProcessTopKPart, type TopKPart } from './kernels/block-top-k.js';
import { cosineKernel, type KernelMode, type KernelPlacement, normalizeRows } from './kernels/index.js';
import { type NearestNeighborKernel, nearestNeighborKernel } from './kernels/nearest-neighbors.js';
import type { FunctionName, GainOracle, SetFunction } from './types.js';

export const DEFAULT_MAX_KERNEL_BYTES = 4 * 2 ** 30;

/**
 * The kernel a scorer works on: given as is, built dense in one of two flavours, never built (blockwise), or the
 * sijs kernel's k nearest neighbours per row (sparse).
 */
export type ScorerKernel = 'given' | KernelMode | 'sijs-blockwise' | 'sijs-knn';

/** What a greedy runs against, and how the chosen set's value is then computed. */
export interface Scorer {
  oracle: GainOracle;
  kernel: ScorerKernel;
  /** Lazy greedy's request size that suits this oracle (see MaximizeOptions.lazyBatchSize). */
  lazyBatchSize: number;
  evaluate(order: number[]): Promise<number>;
  release(): Promise<void>;
}

/**
 * A set function held in this process: its oracle answers one gain at a time cheaply, so lazy greedy asks for one
 * (lazyBatchSize 1), and there is nothing to release.
 */
export function inProcessScorer(fn: SetFunction, kernel: ScorerKernel): Scorer {
  return {
    oracle: fn.oracle(),
    kernel,
    lazyBatchSize: 1,
    evaluate: async (o) => fn.evaluate(o),
    release: async () => {},
  };
}

export interface EmbeddingScorerOptions {
  mode?: KernelMode;
  placement?: KernelPlacement;
  /**
   * Largest kernel to materialise (bytes: the float32 upper triangle, n(n+1)/2 values); above it facility location
   * and graph cut run blockwise.
   */
  maxKernelBytes?: number;
}

/**
 * A set function over the cosine kernel of embeddings, dense while the n×n kernel fits the limit, blockwise
 * (facility location and graph cut, bit-identical, no kernel held) beyond it.
 */
export async function embeddingScorer(
  x: Float32Array,
  n: number,
  d: number,
  name: FunctionName,
  lambda: number | null,
  options: EmbeddingScorerOptions = {},
): Promise<Scorer> {
  const mode = options.mode ?? 'sijs';
  const kernelBytes = kernelValueCount('upper', n) * 4;
  const limit = options.maxKernelBytes ?? DEFAULT_MAX_KERNEL_BYTES;
  const placement = options.placement ?? {};
  if (kernelBytes > limit) {
    if (name === 'logdet' || mode !== 'sijs') {
      throw new SelectionInputError(
        `the ${n}×${n} kernel needs ${(kernelBytes / 2 ** 20).toFixed(0)} MiB (its upper triangle), above the ${(limit / 2 ** 20).toFixed(0)} MiB limit; ` +
          'raise the limit, or use facility location or graph cut with the sijs kernel (computed blockwise, no kernel held)',
      );
    }
    return blockwiseScorer(normalizeRows(x, n, d), n, d, name, lambda, placement);
  }
  return inProcessScorer(createSetFunction(name, await cosineKernel(x, n, d, mode, placement), lambda), mode);
}

/** Shards owning the summation blocks: on the placement's workers, or one in this process. */
async function blockShards(
  rows: Float32Array,
  n: number,
  d: number,
  placement: KernelPlacement,
): Promise<FacilityLocationPart[]> {
  if ('facilityLocationParts' in placement) return placement.facilityLocationParts(rows, n, d);
  return [
    await FacilityLocationShard.create(rows, n, d, { firstBlock: 0, endBlock: blockCount(n) }, placement),
  ];
}

/** Top-k parts covering the summation blocks: on the placement's workers, or one in this process. */
async function topKParts(
  rows: Float32Array,
  n: number,
  d: number,
  placement: KernelPlacement,
): Promise<TopKPart[]> {
  if ('topKParts' in placement) return placement.topKParts(rows, n, d);
  return [await InProcessTopKPart.create(rows, n, d, { firstBlock: 0, endBlock: blockCount(n) }, placement)];
}

/**
 * Facility location over the k-nearest-neighbour sijs kernel (submodlib's sparse mode): the kNN lists come from top-k
 * parts in this process or on workers (the same lists either way), then the greedy runs here on O(n·k) memory.
 */
export async function nearestNeighborScorer(
  x: Float32Array,
  n: number,
  d: number,
  k: number,
  placement: KernelPlacement = {},
): Promise<Scorer> {
  const parts = await topKParts(normalizeRows(x, n, d), n, d, placement);
  let kernel: NearestNeighborKernel;
  try {
    kernel = await nearestNeighborKernel(n, k, parts);
  } finally {
    await Promise.all(parts.map((part) => part.release()));
  }
  return inProcessScorer(sparseFacilityLocation(kernel), 'sijs-knn');
}

/**
 * Candidates per blockwise request. Larger requests evaluate more entries the step turns out not to need, but run
 * as fuller GEMMs: measured at n = 30,000 (budget 3,000, in process), 32 → 26 s, 64 → 22 s, 128 → 22 s (the
 * shards' GEMM batch), 256 → 22 s; 8 → 41 s.
 */
const BLOCKWISE_LAZY_BATCH = 128;

/**
 * Facility location or graph cut without a kernel (bit-identical to the dense functions). Their gains come from
 * GEMMs, so evaluating the heap's next entries in the same request is cheap (BLOCKWISE_LAZY_BATCH).
 */
async function blockwiseScorer(
  rows: Float32Array,
  n: number,
  d: number,
  name: 'fl' | 'gc',
  lambda: number | null,
  placement: KernelPlacement,
): Promise<Scorer> {
  const parts = await blockShards(rows, n, d, placement);
  if (name === 'fl') {
    const oracle = new ShardedFacilityLocation(n, parts);
    return {
      oracle,
      kernel: 'sijs-blockwise',
      lazyBatchSize: BLOCKWISE_LAZY_BATCH,
      evaluate: () => oracle.value(),
      release: () => oracle.release(),
    };
  }
  // Graph cut needs the shards only for its column totals (one pass over all pairs); the greedy's products with
  // the selection are small and run here (on the CPU when the placement is a set of workers).
  let totals: Float64Array;
  try {
    totals = await columnTotalsFromParts(n, parts);
  } finally {
    await Promise.all(parts.map((part) => part.release()));
  }
  const runner = await createSimilarityBlockRunner('products' in placement ? {} : placement);
  const oracle = await BlockwiseGraphCut.create(rows, n, d, totals, lambda ?? DEFAULT_LAMBDA.gc!, runner);
  return {
    oracle,
    kernel: 'sijs-blockwise',
    lazyBatchSize: BLOCKWISE_LAZY_BATCH,
    evaluate: (order) => oracle.value(order),
    release: () => oracle.release(),
  };
}
