export {
  blockCount,
  blockedSum,
  blockRange,
  combineBlockSums,
  SUMMATION_BLOCK_ROWS,
} from './blocked-sum.js';
export { SelectionInputError } from './errors.js';
export { createSetFunction, DEFAULT_LAMBDA } from './functions/by-name.js';
export { facilityLocation } from './functions/facility-location.js';
export {
  type FacilityLocationPart,
  FacilityLocationShard,
  planShards,
  type ShardBlocks,
  shardRows,
} from './functions/facility-location-shard.js';
export { graphCut } from './functions/graph-cut.js';
export { logDeterminant } from './functions/log-determinant.js';
export { DEFAULT_OPEN_BUDGET_BYTES } from './functions/open-columns.js';
export { ShardedFacilityLocation } from './functions/sharded-facility-location.js';
export { sparseFacilityLocation } from './functions/sparse-facility-location.js';
export { entryReader, kernelValueCount } from './kernel-columns.js';
export {
  cosineKernel,
  type DotProductMatrix,
  type FacilityLocationParts,
  forEachTopKBatch,
  InProcessTopKPart,
  inProcessDotProducts,
  type KernelMode,
  type KernelPlacement,
  mergeTopK,
  type NearestNeighborKernel,
  nearestNeighborKernel,
  normalizeRows,
  ranksBefore,
  type TopKLists,
  TopKListsBuilder,
  type TopKPart,
  type TopKParts,
  TopKSelector,
  topKWidth,
} from './kernels/index.js';
export { greedyOrder } from './optimizers/greedy-order.js';
export { maximize } from './optimizers/maximize.js';
export { createRng, type Rng } from './rng.js';
export {
  runSelection,
  type SelectionKernelMode,
  type SelectionRequest,
  type SelectionResult,
} from './run-selection.js';
export {
  DEFAULT_MAX_KERNEL_BYTES,
  type EmbeddingScorerOptions,
  embeddingScorer,
  type Scorer,
  type ScorerKernel,
} from './scorer.js';
export type {
  DenseKernel,
  FullKernel,
  FunctionName,
  GainOracle,
  MaximizeOptions,
  OptimizerName,
  Selection,
  SetFunction,
  StepCallback,
  UpperKernel,
} from './types.js';
export { storeUpperRow } from './upper-tiles.js';
