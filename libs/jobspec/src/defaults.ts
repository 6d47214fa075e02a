import { DEFAULT_LAMBDA, DEFAULT_MAX_KERNEL_BYTES, type FunctionName } from '@smartmix/submodular';
import type { EmbeddingSpec, FieldsSpec, JobSpec, MixerName, OnnxSettings, SpecDocument } from './types.js';

export const DEFAULT_FIELDS: FieldsSpec = {
  id: 'id',
  task: 'task',
  templateType: 'template_type',
  prompt: 'prompt',
  response: 'response',
};

/** The defaults of every optional field; the CLI shows the same values as its flags' defaults. */
export const SPEC_DEFAULTS = {
  embeddingModel: 'onnx',
  pooling: 'mean',
  batchSize: 32,
  device: 'cpu',
  taskFunction: 'gc' as FunctionName,
  instanceFunction: 'fl' as FunctionName,
  maxKernelMemory: DEFAULT_MAX_KERNEL_BYTES / 2 ** 20,
  fullOrderUpTo: 16_384,
  mixer: 'smart' as MixerName,
  seed: 23,
  store: './.smartmix',
  workers: 0,
} as const;

/** A document that passed validation: the spec's shape with the optional fields possibly absent. */
interface ValidDocument {
  inputs: { paths: string[]; fields?: Partial<FieldsSpec> };
  embedding?: {
    model?: EmbeddingSpec['model'];
    file?: string;
    ids?: string;
    onnx?: Partial<OnnxSettings>;
  };
  device?: string;
  stage1: { function?: FunctionName; lambda?: number | null; numTasks: number | number[] };
  budget: number | number[];
  stage2?: Partial<JobSpec['stage2']>;
  mixer?: Partial<JobSpec['mixer']>;
  seed?: number;
  store?: string;
  workers?: number;
  out?: string;
}

function embeddingWithDefaults(embedding: NonNullable<ValidDocument['embedding']>): EmbeddingSpec {
  const model = embedding.model ?? SPEC_DEFAULTS.embeddingModel;
  if (model === 'precomputed') return { model, file: embedding.file!, ids: embedding.ids! };
  if (model === 'hashing-v1') return { model };
  const onnx = embedding.onnx ?? {};
  return {
    model,
    onnx: {
      modelFile: onnx.modelFile ?? null,
      tokenizerFile: onnx.tokenizerFile ?? null,
      pooling: onnx.pooling ?? SPEC_DEFAULTS.pooling,
      normalize: onnx.normalize ?? true,
      maxLength: onnx.maxLength ?? null,
      batchSize: onnx.batchSize ?? SPEC_DEFAULTS.batchSize,
    },
  };
}

/** Fills every default into a document that passed validation, so the resolved spec states the whole recipe. */
export function withDefaults(valid: SpecDocument): JobSpec {
  const document = valid as unknown as ValidDocument;
  const { stage1, stage2 = {}, mixer = {}, embedding = {} } = document;
  const taskFunction = stage1.function ?? SPEC_DEFAULTS.taskFunction;
  const instanceFunction = stage2.function ?? SPEC_DEFAULTS.instanceFunction;
  const spec: JobSpec = {
    version: 1,
    inputs: { paths: document.inputs.paths, fields: { ...DEFAULT_FIELDS, ...document.inputs.fields } },
    embedding: embeddingWithDefaults(embedding),
    device: document.device ?? SPEC_DEFAULTS.device,
    stage1: {
      function: taskFunction,
      lambda: stage1.lambda ?? DEFAULT_LAMBDA[taskFunction],
      numTasks: stage1.numTasks,
    },
    budget: document.budget,
    stage2: {
      function: instanceFunction,
      lambda: stage2.lambda ?? DEFAULT_LAMBDA[instanceFunction],
      splitAbove: stage2.splitAbove ?? null,
      maxKernelMemory: stage2.maxKernelMemory ?? SPEC_DEFAULTS.maxKernelMemory,
      fullOrderUpTo: stage2.fullOrderUpTo ?? SPEC_DEFAULTS.fullOrderUpTo,
    },
    mixer: {
      name: mixer.name ?? SPEC_DEFAULTS.mixer,
      cap: mixer.cap ?? null,
      temperature: mixer.temperature ?? null,
      maxEpochs: mixer.maxEpochs ?? null,
    },
    seed: document.seed ?? SPEC_DEFAULTS.seed,
    store: document.store ?? SPEC_DEFAULTS.store,
    workers: document.workers ?? SPEC_DEFAULTS.workers,
  };
  if (document.out !== undefined) spec.out = document.out;
  return spec;
}
