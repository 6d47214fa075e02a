import type { FieldMap } from '@smartmix/dataset';
import type { MixtureSpec } from '@smartmix/jobspec';
import type { JobTracker } from '@smartmix/metrics';
import type { BaselineMixer } from '@smartmix/mixture';
import type { DeviceOptions } from '@smartmix/onnx';
import type { ArtifactStore } from '@smartmix/storage';
import type { FunctionName } from '@smartmix/submodular';
import type { EmbedderSettings } from './embed-job.js';
import type { Placement } from './placement.js';

export type MixerName = 'smart' | BaselineMixer;

export interface MixJobOptions {
  inputs: string[];
  fields: FieldMap;
  /** Precomputed prompt embeddings (.npy) and the JSON array of ids of its rows. */
  embeddings?: string;
  ids?: string;
  /** Without `embeddings`: the ONNX sentence encoder that embeds the prompts (none: the hashing embedder). */
  embedder?: EmbedderSettings;
  numTasks: number;
  budget: number;
  taskFunction: { name: FunctionName; lambda?: number };
  instanceFunction: { name: FunctionName; lambda?: number };
  mixer: { name: MixerName; cap?: number; temperature?: number; maxEpochs?: number };
  seed: number;
  /** Halve stage-2 groups above this size, as the Python reference does (comparison only). */
  splitAbove?: number;
  /** Largest kernel (bytes) to hold when ordering a group; larger groups are ordered blockwise. */
  maxKernelBytes?: number;
  /** Groups of up to this many rows are ordered completely; larger ones as far as their budget needs. */
  fullOrderUpTo: number;
  store: ArtifactStore;
  device: DeviceOptions;
  /** Where similarity work runs; `openPlacement` makes one (in process by default). */
  placement?: Placement;
  outDir: string;
  /** The resolved spec this mixture was made from, recorded in its manifest so the recipe can be rerun. */
  spec?: MixtureSpec;
  log?: (line: string) => void;
  /** Read the artifacts an interrupted run of the same job finished (task embeddings, stage 1) back from the
   * store instead of recomputing them. Stage-2 orders are reused either way. */
  resume?: boolean;
  /** The job's metrics (stages, embedding throughput, greedy progress); none: not measured. */
  tracker?: JobTracker;
}
