import type { FieldMap } from '@smartmix/dataset';
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
  /** Largest n×n kernel (bytes) to hold when ordering a group; larger groups are ordered blockwise. */
  maxKernelBytes?: number;
  store: ArtifactStore;
  device: DeviceOptions;
  /** Where similarity work runs; `openPlacement` makes one (in process by default). */
  placement?: Placement;
  outDir: string;
  log?: (line: string) => void;
}
