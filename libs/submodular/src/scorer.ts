import { blockCount } from './blocked-sum.js';
import { SelectionInputError } from './errors.js';
import { createSetFunction } from './functions/by-name.js';
import { FacilityLocationShard } from './functions/facility-location-shard.js';
import { ShardedFacilityLocation } from './functions/sharded-facility-location.js';
import { cosineKernel, type KernelMode, type KernelPlacement, normalizeRows } from './kernels/index.js';
import type { FunctionName, GainOracle } from './types.js';

export const DEFAULT_MAX_KERNEL_BYTES = 4 * 2 ** 30;

/** The kernel a scorer works on: given as is, built dense in one of two flavours, or never built (blockwise). */
export type ScorerKernel = 'given' | KernelMode | 'sijs-blockwise';

/** What a greedy runs against, and how the chosen set's value is then computed. */
export interface Scorer {
  oracle: GainOracle;
  kernel: ScorerKernel;
  /** Lazy greedy's request size that suits this oracle (see MaximizeOptions.lazyBatchSize). */
  lazyBatchSize: number;
  evaluate(order: number[]): Promise<number>;
  release(): Promise<void>;
}

export interface EmbeddingScorerOptions {
  mode?: KernelMode;
  placement?: KernelPlacement;
  /** Largest n×n float32 kernel to materialise (bytes); above it facility location runs blockwise. */
  maxKernelBytes?: number;
}

/**
 * A set function over the cosine kernel of embeddings, dense while the n×n kernel fits the limit, blockwise
 * (facility location only, bit-identical, no kernel held) beyond it.
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
  const kernelBytes = n * n * 4;
  const limit = options.maxKernelBytes ?? DEFAULT_MAX_KERNEL_BYTES;
  const placement = options.placement ?? {};
  if (kernelBytes > limit) {
    if (name !== 'fl' || mode !== 'sijs') {
      throw new SelectionInputError(
        `the ${n}×${n} kernel needs ${(kernelBytes / 2 ** 20).toFixed(0)} MiB, above the ${(limit / 2 ** 20).toFixed(0)} MiB limit; ` +
          'raise the limit, or use facility location with the sijs kernel (computed blockwise, no kernel held)',
      );
    }
    const rows = normalizeRows(x, n, d);
    const parts =
      'facilityLocationParts' in placement
        ? await placement.facilityLocationParts(rows, n, d)
        : [
            await FacilityLocationShard.create(
              rows,
              n,
              d,
              { firstBlock: 0, endBlock: blockCount(n) },
              placement,
            ),
          ];
    const oracle = new ShardedFacilityLocation(n, parts);
    // Columns come from GEMMs: evaluating the heap's next entries in the same request is cheap.
    return {
      oracle,
      kernel: 'sijs-blockwise',
      lazyBatchSize: 32,
      evaluate: () => oracle.value(),
      release: () => oracle.release(),
    };
  }
  const fn = createSetFunction(name, await cosineKernel(x, n, d, mode, placement), lambda);
  return {
    oracle: fn.oracle(),
    kernel: mode,
    lazyBatchSize: 1,
    evaluate: async (o) => fn.evaluate(o),
    release: async () => {},
  };
}
