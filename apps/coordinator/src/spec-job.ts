import {
  combinationDirName,
  type EmbeddingSpec,
  isSweep,
  type JobSpec,
  type MixtureSpec,
  type OnnxSettings,
  sweepCombinations,
} from '@smartmix/jobspec';
import type { JobTracker } from '@smartmix/metrics';
import type { DeviceOptions } from '@smartmix/onnx';
import type { ArtifactStore } from '@smartmix/storage';
import type { EmbedderSettings } from './embed-job.js';
import { JobInputError } from './errors.js';
import { runMixJob, runMixSweep } from './mix-job.js';
import type { MixJobOptions } from './mix-options.js';
import type { Placement } from './placement.js';

/** What running a spec needs beyond the spec: the opened store and placement, and where the result goes. */
export interface SpecRun {
  store: ArtifactStore;
  placement?: Placement;
  device: DeviceOptions;
  outDir: string;
  log?: (line: string) => void;
  /** Reuse what an interrupted run finished (see MixJobOptions.resume). */
  resume?: boolean;
  /** The job's metrics. */
  tracker?: JobTracker;
  /** How the ONNX embedder runs here (not part of the recipe): threads, and where its warnings go. */
  embedderRuntime?: { threads?: number; warn?: (message: string) => void };
}

/** A spec's ONNX settings as the embedder takes them (null files: the bundled model). */
export function onnxEmbedderSettings(onnx: OnnxSettings): EmbedderSettings {
  if ((onnx.modelFile === null) !== (onnx.tokenizerFile === null)) {
    throw new JobInputError(
      'embedding.onnx: a model file and its tokenizer file go together (--model, --tokenizer)',
    );
  }
  return {
    model: onnx.modelFile ?? undefined,
    tokenizer: onnx.tokenizerFile ?? undefined,
    pooling: onnx.pooling,
    normalize: onnx.normalize,
    maxLength: onnx.maxLength ?? undefined,
    batchSize: onnx.batchSize,
  };
}

/** The ONNX embedder a spec names, on the run's device; none for the hashing embedder or precomputed vectors. */
function embedderSettings(embedding: EmbeddingSpec, run: SpecRun): EmbedderSettings | undefined {
  if (embedding.model !== 'onnx') return undefined;
  return { ...onnxEmbedderSettings(embedding.onnx), ...run.device, ...run.embedderRuntime };
}

/** The job options of one mixture of a resolved spec. */
export function mixOptionsFromSpec(spec: MixtureSpec, run: SpecRun): MixJobOptions {
  const embedding = spec.embedding;
  return {
    inputs: spec.inputs.paths,
    fields: spec.inputs.fields,
    embeddings: embedding.model === 'precomputed' ? embedding.file : undefined,
    ids: embedding.model === 'precomputed' ? embedding.ids : undefined,
    embedder: embedderSettings(embedding, run),
    numTasks: spec.stage1.numTasks,
    budget: spec.budget,
    taskFunction: { name: spec.stage1.function, lambda: spec.stage1.lambda ?? undefined },
    instanceFunction: { name: spec.stage2.function, lambda: spec.stage2.lambda ?? undefined },
    mixer: {
      name: spec.mixer.name,
      cap: spec.mixer.cap ?? undefined,
      temperature: spec.mixer.temperature ?? undefined,
      maxEpochs: spec.mixer.maxEpochs ?? undefined,
    },
    seed: spec.seed,
    splitAbove: spec.stage2.splitAbove ?? undefined,
    maxKernelBytes: spec.stage2.maxKernelMemory * 2 ** 20,
    fullOrderUpTo: spec.stage2.fullOrderUpTo,
    store: run.store,
    device: run.device,
    placement: run.placement,
    outDir: run.outDir,
    spec,
    log: run.log,
    resume: run.resume,
    tracker: run.tracker,
  };
}

/** Runs a resolved spec: one mixture into `outDir`, or — when M' or N' is a list — a sweep of them. */
export async function runJobSpec(spec: JobSpec, run: SpecRun): Promise<void> {
  const mixtures = sweepCombinations(spec);
  const base = mixOptionsFromSpec(mixtures[0]!, run);
  if (!isSweep(spec)) {
    await runMixJob(base);
    return;
  }
  await runMixSweep(
    base,
    mixtures.map((m) => ({ numTasks: m.stage1.numTasks, budget: m.budget, spec: m })),
    (request) => combinationDirName(request.spec!),
  );
}
