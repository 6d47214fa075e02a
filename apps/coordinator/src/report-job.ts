import { join } from 'node:path';
import { type FieldMap, scanCollection } from '@smartmix/dataset';
import { rebasePath } from '@smartmix/jobspec';
import { buildReportModel, type MixtureRun, readMixtureRuns, renderReportHtml } from '@smartmix/report';
import { hashingEmbeddings, type LoadedEmbeddings, loadEmbeddings } from './embedding-source.js';
import { JobInputError } from './errors.js';

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
  embedding: { model: string; file?: string; ids?: string };
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

/** Precomputed embeddings a run was made with, if any (paths as the run recorded them). */
function recordedEmbeddings(run: MixtureRun): { file: string; ids: string } | undefined {
  const spec = run.manifest.spec as RecordedSpec | null;
  if (spec?.embedding.file && spec.embedding.ids) {
    return {
      file: rebasePath(spec.embedding.file, run.dir, '.'),
      ids: rebasePath(spec.embedding.ids, run.dir, '.'),
    };
  }
  const recorded = run.manifest.embeddings as { file?: string; ids?: string } | null;
  return recorded?.file && recorded.ids ? { file: recorded.file, ids: recorded.ids } : undefined;
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
 * embeds it as the first SMART run did (or as --embeddings says; the hashing embedder when no run used embeddings),
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
  const given = options.embeddings ? { file: options.embeddings, ids: options.ids! } : undefined;
  const source = given ?? runs.map(recordedEmbeddings).find((e) => e !== undefined);
  const loaded = source
    ? await loadEmbeddings(source.file, source.ids, index.ids)
    : await hashingEmbeddings(inputs, { fields }, index.ids.length);
  log(
    `report: ${runs.length} runs, ${index.ids.length} records, embeddings ${source ? source.file : 'hashing-v1'}`,
  );
  const model = await buildReportModel(runs, {
    ids: index.ids,
    taskOf: index.taskOf,
    tasks: index.tasks.map((t) => t.name),
    embeddings: inCollectionOrder(loaded),
    d: loaded.d,
    embeddingSource: source
      ? `the embeddings in ${source.file}`
      : 'the built-in hashing embedder (hashing-v1)',
  });
  return renderReportHtml(model, options.title);
}
