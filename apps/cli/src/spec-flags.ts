import type { SpecDocument } from '@smartmix/jobspec';
import type { Command } from 'commander';

/** Where each `mix` flag goes in a job spec (the flag's commander key → the spec's field path). */
const SPEC_FIELD_OF_FLAG: Record<string, string> = {
  input: 'inputs.paths',
  idField: 'inputs.fields.id',
  taskField: 'inputs.fields.task',
  templateTypeField: 'inputs.fields.templateType',
  promptField: 'inputs.fields.prompt',
  responseField: 'inputs.fields.response',
  embeddings: 'embedding.file',
  ids: 'embedding.ids',
  model: 'embedding.onnx.modelFile',
  tokenizer: 'embedding.onnx.tokenizerFile',
  pooling: 'embedding.onnx.pooling',
  maxLength: 'embedding.onnx.maxLength',
  batchSize: 'embedding.onnx.batchSize',
  device: 'device',
  numTasks: 'stage1.numTasks',
  taskFunction: 'stage1.function',
  taskLambda: 'stage1.lambda',
  budget: 'budget',
  instanceFunction: 'stage2.function',
  instanceLambda: 'stage2.lambda',
  splitAbove: 'stage2.splitAbove',
  maxKernelMemory: 'stage2.maxKernelMemory',
  fullOrderUpTo: 'stage2.fullOrderUpTo',
  mixer: 'mixer.name',
  cap: 'mixer.cap',
  temperature: 'mixer.temperature',
  maxEpochs: 'mixer.maxEpochs',
  seed: 'seed',
  store: 'store',
  workers: 'workers',
  out: 'out',
};

function setPath(document: SpecDocument, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = document;
  for (const key of keys.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as SpecDocument;
  }
  at[keys.at(-1)!] = value;
}

/**
 * The spec fields set by flags the user actually gave (not by their defaults), to lay over a spec file: the file
 * keeps every value the command line does not mention.
 */
export function specOverrides(command: Command): SpecDocument {
  const flags = command.opts();
  const given = (key: string) => command.getOptionValueSource(key) === 'cli';
  const overrides: SpecDocument = {};
  for (const [key, path] of Object.entries(SPEC_FIELD_OF_FLAG)) {
    if (given(key)) setPath(overrides, path, flags[key]);
  }
  // --no-template-type: the collection has none (one group per task).
  if (given('templateType') && flags.templateType === false)
    setPath(overrides, 'inputs.fields.templateType', null);
  if (given('normalize') && flags.normalize === false) setPath(overrides, 'embedding.onnx.normalize', false);
  if (given('embedder'))
    setPath(overrides, 'embedding.model', flags.embedder === 'hashing' ? 'hashing-v1' : 'onnx');
  if (given('embeddings') || given('ids')) setPath(overrides, 'embedding.model', 'precomputed');
  return overrides;
}
