export { DEFAULT_FIELDS, SPEC_DEFAULTS } from './defaults.js';
export { SpecError } from './errors.js';
export { mergeSpec } from './merge.js';
export { rebasePath, rebaseSpecPaths } from './paths.js';
export { readSpecFile, type SpecSource } from './read.js';
export { resolveJobSpec } from './resolve.js';
export { JOB_SPEC_SCHEMA, JOB_SPEC_SCHEMA_FILE } from './schema.js';
export { combinationDirName, isSweep, manifestSpec, sweepCombinations } from './sweep.js';
export type {
  EmbeddingSpec,
  FieldsSpec,
  JobSpec,
  MixerName,
  MixtureSpec,
  OnnxEmbeddingSpec,
  OnnxSettings,
  SpecDocument,
} from './types.js';
export { validateSpec } from './validate.js';
