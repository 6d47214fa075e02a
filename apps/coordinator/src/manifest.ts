import type { CollectionScan } from '@smartmix/dataset';
import { manifestSpec } from '@smartmix/jobspec';
import type { Allocation, TaskSelection } from '@smartmix/mixture';
import { contentKey } from '@smartmix/storage';
import { DEFAULT_LAMBDA } from '@smartmix/submodular';
import type { LoadedEmbeddings } from './embedding-source.js';
import type { OrderStats } from './group-orders.js';
import { STAGE2_ORDER_VERSION } from './group-orders.js';
import type { JobArtifacts } from './job-artifacts.js';
import type { MixJobOptions } from './mix-options.js';
import { VERSION } from './version.js';

/** Bumped when the manifest's layout changes incompatibly. */
export const MANIFEST_FORMAT_VERSION = 1;

export type StageTimings = Record<string, number>;

export interface GroupSummary {
  task: string;
  templateType: string;
  size: number;
  budget: number;
  /** Stage-2 objective of the chosen prefix (Σ of its greedy gains); null for baselines. */
  objective: number | null;
  /** [prefix size, objective] along the group's greedy order (objectiveCurve); null for baselines. */
  curve: [number, number][] | null;
  /** Positions the greedy order covers: the group's size, or the prefix a large group was ordered to; null for baselines. */
  ordered: number | null;
}

export interface ManifestInput {
  options: MixJobOptions;
  index: CollectionScan;
  embeddings?: LoadedEmbeddings;
  stage1?: TaskSelection;
  allocation: Allocation;
  groups: GroupSummary[];
  orderStats: OrderStats;
  artifacts: JobArtifacts;
  timings: StageTimings;
  mixture: { count: number; sha256: string };
}

/**
 * Everything behind a mixture. `execution`, `timings` and `cache` describe this particular run (where it ran, how
 * long, what was reused); every other field is a function of the inputs and parameters, so two runs of the same
 * job agree on them whatever the number of workers.
 */
export function buildManifest(input: ManifestInput): Record<string, unknown> {
  const { options, index, stage1, allocation } = input;
  const lambda = (f: { name: keyof typeof DEFAULT_LAMBDA; lambda?: number }) =>
    f.lambda ?? DEFAULT_LAMBDA[f.name];
  return {
    formatVersion: MANIFEST_FORMAT_VERSION,
    tool: { name: 'smartmix', version: VERSION, stage2Orders: STAGE2_ORDER_VERSION },
    spec: options.spec ? manifestSpec(options.spec, options.outDir) : null,
    inputs: index.files,
    parameters: {
      fields: options.fields,
      numTasks: options.numTasks,
      budget: options.budget,
      mixer: options.mixer,
      taskFunction: { name: options.taskFunction.name, lambda: lambda(options.taskFunction) },
      instanceFunction: { name: options.instanceFunction.name, lambda: lambda(options.instanceFunction) },
      seed: options.seed,
      splitAbove: options.splitAbove ?? null,
      fullOrderUpTo: options.fullOrderUpTo,
      device: options.device.device ?? 'cpu',
      store: options.store.location,
    },
    collection: { records: index.ids.length, tasks: index.tasks.length },
    embeddings: input.embeddings
      ? { ...input.embeddings.source, dim: input.embeddings.d, unusedRows: input.embeddings.unusedRows }
      : null,
    stage1: stage1
      ? {
          selected: stage1.selected,
          gains: stage1.gains,
          objective: stage1.objective,
          initialSplit: stage1.initialSplit,
          cappedBudgets: stage1.cappedBudgets,
        }
      : null,
    probabilities: stage1?.probabilities ?? null,
    budgets: allocation.budgets,
    templateBudgets: allocation.templateBudgets,
    redistributed: allocation.redistributed,
    stage2: { groups: input.groups },
    output: {
      mixture: 'mixture.jsonl',
      rows: input.mixture.count,
      sha256: input.mixture.sha256,
      budgets: 'budgets.csv',
    },
    // Which artifact came from which inputs: content keys, and the keys or digests each was computed from.
    lineage: input.artifacts.lineage,
    execution: {
      placement: options.placement?.description ?? 'in process',
      // Where the prompt embeddings were computed in this run (null: read from a file, or the hashing embedder).
      embedding: input.embeddings?.computedOn ?? null,
      rpcBytes: options.placement?.traffic() ?? { sent: 0, received: 0 },
      resume: options.resume ?? false,
    },
    timings: input.timings,
    cache: {
      stage2OrdersComputed: input.orderStats.computed,
      stage2OrdersReused: input.orderStats.reused,
      artifacts: input.artifacts.counts,
    },
  };
}

/**
 * Where a job's manifest is kept in the store: `jobs/<key>`, the key a function of the job's identity (tool
 * version, input files with their digests, parameters and embedding source; not the store or the device), so the
 * latest manifest of any job can be found again from its inputs alone.
 */
export function jobManifestKey(manifest: Record<string, unknown>): string {
  const { store: _store, device: _device, ...parameters } = manifest.parameters as Record<string, unknown>;
  return contentKey('jobs', {
    tool: manifest.tool,
    inputs: manifest.inputs,
    parameters,
    embeddings: manifest.embeddings,
  });
}
