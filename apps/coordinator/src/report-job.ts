import { join } from 'node:path';
import { type FieldMap, scanCollection } from '@smartmix/dataset';
import { type EmbeddingSpec, type OnnxSettings, rebasePath } from '@smartmix/jobspec';
import { buildReportModel, type MixtureRun, readMixtureRuns, renderReportHtml } from '@smartmix/report';
import { openStore } from '@smartmix/storage';
import {
  hashingEmbeddings,
  type LoadedEmbeddings,
  loadEmbeddings,
  modelEmbeddings,
} from './embedding-source.js';
import { JobInputError } from './errors.js';
import { onnxEmbedderSettings } from './spec-job.js';

export interface ReportJobOptions {
  /** Mixture directories (each with manifest.json and mixture.jsonl), all of one collection. */
  dirs: string[];
  /** Embeddings to compare the runs on, instead of those the runs were made with. */
  embeddings?: string;
  ids?: string;
  title?: string;
  log?: (line: string) => void;
}

interface RecordedSpec {
  inputs: { paths: string[]; fields: FieldMap };
  mixer: { name: string };
  embedding: EmbeddingSpec;
  store: string;
}

/** Where a run's collection is: its spec's paths (relative to the manifest), else the manifest's input files. */
function collectionOf(run: MixtureRun): { inputs: string[]; fields: FieldMap } {
  const spec = run.manifest.spec as RecordedSpec | null;
  if (spec)
    return { inputs: spec.inputs.paths.map((p) => rebasePath(p, run.dir, '.')), fields: spec.inputs.fields };
  return {
    inputs: run.manifest.inputs.map((f) => f.path),
    fields: run.manifest.parameters.fields as unknown as FieldMap,
  };
}

/** Where a run's prompt embeddings came from, when not the hashing embedder (paths as the run recorded them). */
type EmbeddingSource =
  | { kind: 'precomputed'; file: string; ids: string }
  | { kind: 'onnx'; spec: OnnxSettings; store: string };

function recordedEmbeddings(run: MixtureRun): EmbeddingSource | undefined {
  const spec = run.manifest.spec as RecordedSpec | null;
  // A baseline embeds nothing, whatever its spec's embedding section says.
  if (spec && spec.mixer.name !== 'smart') return undefined;
  const from = (path: string) => rebasePath(path, run.dir, '.');
  if (spec?.embedding.model === 'precomputed') {
    return { kind: 'precomputed', file: from(spec.embedding.file), ids: from(spec.embedding.ids) };
  }
  if (spec?.embedding.model === 'onnx') {
    const { modelFile, tokenizerFile } = spec.embedding.onnx;
    const onnx = {
      ...spec.embedding.onnx,
      modelFile: modelFile && from(modelFile),
      tokenizerFile: tokenizerFile && from(tokenizerFile),
    };
    return { kind: 'onnx', spec: onnx, store: from(spec.store) };
  }
  const recorded = run.manifest.embeddings as { file?: string; ids?: string } | null;
  return recorded?.file && recorded.ids
    ? { kind: 'precomputed', file: recorded.file, ids: recorded.ids }
    : undefined;
}

/** The embeddings of a source: read, or embedded again with the run's model (its vectors come from its cache). */
async function embeddingsOf(
  source: EmbeddingSource | undefined,
  inputs: string[],
  fields: FieldMap,
  count: number,
  ids: readonly string[],
  log: (line: string) => void,
): Promise<{ loaded: LoadedEmbeddings; description: string }> {
  if (source?.kind === 'precomputed') {
    return {
      loaded: await loadEmbeddings(source.file, source.ids, ids),
      description: `the embeddings in ${source.file}`,
    };
  }
  if (source?.kind === 'onnx') {
    const { spec } = source;
    const settings = onnxEmbedderSettings(spec);
    const store = await openStore(source.store);
    // In process: a report has no workers (and its vectors come from the runs' cache).
    const loaded = await modelEmbeddings(inputs, { fields }, settings, store, undefined, log);
    const model = spec.modelFile ?? 'the bundled sentence encoder';
    return { loaded, description: `${model} (as the runs were embedded)` };
  }
  return {
    loaded: await hashingEmbeddings(inputs, { fields }, count),
    description: 'the built-in hashing embedder (hashing-v1)',
  };
}

/** Rows of the loaded embeddings in collection order (a precomputed file may list ids in any order). */
function inCollectionOrder(loaded: LoadedEmbeddings): Float32Array {
  const { d, rowOf, data } = loaded;
  const out = new Float32Array(rowOf.length * d);
  rowOf.forEach((row, r) => out.set(data.subarray(row * d, (row + 1) * d), r * d));
  return out;
}

/**
 * The HTML report of one or more mixtures: reads their manifests and mixtures, re-reads the collection they share,
 * embeds it as the first SMART run did (its precomputed file, or its ONNX model with the vectors from its store's
 * cache; or as --embeddings says; the hashing embedder when no run used other embeddings),
 * and renders the analysis. Returns the page; writing it is the caller's.
 */
export async function runReportJob(options: ReportJobOptions): Promise<string> {
  const log = options.log ?? (() => {});
  const runs = await readMixtureRuns(options.dirs);
  const { inputs, fields } = collectionOf(runs[0]!);
  const index = await scanCollection(inputs, { fields });
  const recorded = runs[0]!.manifest.inputs.map((f) => f.sha256).join(',');
  if (index.files.map((f) => f.sha256).join(',') !== recorded) {
    throw new JobInputError(
      `${join(runs[0]!.dir, 'manifest.json')}: the input files (${inputs.join(', ')}) changed since the mixture was made`,
    );
  }
  if ((options.embeddings === undefined) !== (options.ids === undefined)) {
    throw new JobInputError('--embeddings and --ids go together');
  }
  const given: EmbeddingSource | undefined = options.embeddings
    ? { kind: 'precomputed', file: options.embeddings, ids: options.ids! }
    : undefined;
  const source = given ?? runs.map(recordedEmbeddings).find((e) => e !== undefined);
  const { loaded, description } = await embeddingsOf(
    source,
    inputs,
    fields,
    index.ids.length,
    index.ids,
    log,
  );
  log(`report: ${runs.length} runs, ${index.ids.length} records, embeddings: ${description}`);
  const model = await buildReportModel(runs, {
    ids: index.ids,
    taskOf: index.taskOf,
    tasks: index.tasks.map((t) => t.name),
    embeddings: inCollectionOrder(loaded),
    d: loaded.d,
    embeddingSource: description,
  });
  return renderReportHtml(model, options.title);
}
