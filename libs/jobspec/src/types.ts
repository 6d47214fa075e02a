import type { FunctionName } from '@smartmix/submodular';

export type MixerName = 'smart' | 'proportional' | 'temperature' | 'equal' | 'unimax' | 'random';

export interface FieldsSpec {
  id: string;
  task: string;
  /** null: the collection has no template types (one group per task). */
  templateType: string | null;
  prompt: string;
  response: string;
}

/** The ONNX sentence encoder's settings; null files: the bundled model. */
export interface OnnxSettings {
  modelFile: string | null;
  tokenizerFile: string | null;
  pooling: 'mean' | 'cls';
  normalize: boolean;
  /** Tokens per text (null: the tokenizer's own limit). */
  maxLength: number | null;
  batchSize: number;
}

export interface OnnxEmbeddingSpec {
  model: 'onnx';
  onnx: OnnxSettings;
}

export type EmbeddingSpec =
  | OnnxEmbeddingSpec
  | { model: 'hashing-v1' }
  | { model: 'precomputed'; file: string; ids: string };

/**
 * A resolved job spec: every default filled in, every relative path relative to the current directory. M' and N'
 * are lists in a sweep (one mixture per combination) and numbers otherwise.
 */
export interface JobSpec {
  version: 1;
  inputs: { paths: string[]; fields: FieldsSpec };
  embedding: EmbeddingSpec;
  device: string;
  stage1: { function: FunctionName; lambda: number | null; numTasks: number | number[] };
  budget: number | number[];
  stage2: {
    function: FunctionName;
    lambda: number | null;
    splitAbove: number | null;
    maxKernelMemory: number;
    /** Groups of up to this many rows are ordered completely; larger ones as far as their budget needs. */
    fullOrderUpTo: number;
  };
  mixer: { name: MixerName; cap: number | null; temperature: number | null; maxEpochs: number | null };
  seed: number;
  store: string;
  workers: number;
  out?: string;
}

/** The spec of one mixture: M' and N' are single numbers. */
export interface MixtureSpec extends JobSpec {
  stage1: JobSpec['stage1'] & { numTasks: number };
  budget: number;
}

/** A partial spec document (as read from a file, or built from command-line flags). */
export type SpecDocument = Record<string, unknown>;
