import { readFile } from 'node:fs/promises';
import { type ReadOptions, readCollection } from '@smartmix/dataset';
import { type EmbedStats, HASHING_EMBEDDER_ID, hashingEmbedding } from '@smartmix/embedding';
import { readMatrix } from '@smartmix/npy';
import type { ArtifactStore } from '@smartmix/storage';
import { type EmbedderSettings, type EmbedRunInfo, embedCollection } from './embed-job.js';
import { JobInputError } from './errors.js';
import type { Placement } from './placement.js';

export interface LoadedEmbeddings {
  d: number;
  /** Row of each collection record, in collection order. */
  rowOf: Int32Array;
  data: Float32Array;
  /** Where the vectors came from: a file, or the embedder that computed them. */
  source: { file: string; ids: string } | { embedder: string };
  /** Rows that no collection record uses (reported in the manifest, never silently ignored). */
  unusedRows: number;
  /** Where a model computed them in this run ('in process (cpu)', '2 local workers (cpu)'); none: not computed here. */
  computedOn?: string;
}

async function readIds(file: string): Promise<string[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new JobInputError(`${file}: cannot read ids (${reason})`);
  }
  if (!Array.isArray(parsed)) throw new JobInputError(`${file}: expected a JSON array of ids`);
  const seen = new Set<string>();
  parsed.forEach((id, i) => {
    if (typeof id !== 'string' || id.length === 0)
      throw new JobInputError(`${file}: entry ${i}: id must be a non-empty string`);
    if (seen.has(id)) throw new JobInputError(`${file}: entry ${i}: duplicate id '${id}'`);
    seen.add(id);
  });
  return parsed as string[];
}

/**
 * Precomputed embeddings: an n×d .npy whose rows follow a JSON array of ids. Every collection record must have a
 * row; rows for ids outside the collection are allowed (one embedding file can serve several sub-collections)
 * and counted.
 */
export async function loadEmbeddings(
  file: string,
  idsFile: string,
  collectionIds: readonly string[],
): Promise<LoadedEmbeddings> {
  const [matrix, ids] = await Promise.all([readMatrix(file), readIds(idsFile)]);
  if (matrix.rows !== ids.length) {
    throw new JobInputError(`${file}: ${matrix.rows} embedding rows but ${idsFile} lists ${ids.length} ids`);
  }
  const rowById = new Map<string, number>();
  for (const [row, id] of ids.entries()) rowById.set(id, row);
  const rowOf = new Int32Array(collectionIds.length);
  collectionIds.forEach((id, i) => {
    const row = rowById.get(id);
    if (row === undefined) throw new JobInputError(`${idsFile}: no embedding for collection id '${id}'`);
    rowOf[i] = row;
  });
  return {
    d: matrix.cols,
    rowOf,
    data: matrix.data,
    source: { file, ids: idsFile },
    unusedRows: ids.length - collectionIds.length,
  };
}

/** Dimension of the model-free hashing embeddings used when no embeddings or model are given. */
export const HASHING_DIM = 256;

/** How many prompts to embed between two progress reports. */
const PROGRESS_EVERY = 1024;

/**
 * Embeds every prompt of the collection with the model-free hashing embedder, in collection order, telling
 * `onEmbedded` of progress as it goes (a throughput metric).
 */
export async function hashingEmbeddings(
  inputs: string[],
  options: ReadOptions,
  count: number,
  onEmbedded: (prompts: number) => void = () => {},
): Promise<LoadedEmbeddings> {
  const data = new Float32Array(count * HASHING_DIM);
  let r = 0;
  for await (const record of readCollection(inputs, options)) {
    hashingEmbedding(record.prompt, HASHING_DIM, data.subarray(r * HASHING_DIM, (r + 1) * HASHING_DIM));
    if (++r % PROGRESS_EVERY === 0) onEmbedded(PROGRESS_EVERY);
  }
  onEmbedded(r % PROGRESS_EVERY);
  return {
    d: HASHING_DIM,
    rowOf: Int32Array.from({ length: count }, (_, i) => i),
    data,
    source: { embedder: HASHING_EMBEDDER_ID },
    unusedRows: 0,
  };
}

/**
 * Embeds every prompt of the collection with an ONNX sentence encoder, in collection order, reusing (and adding
 * to) the vectors cached in `store`.
 */
export async function modelEmbeddings(
  inputs: string[],
  options: ReadOptions,
  embedder: EmbedderSettings,
  store: ArtifactStore,
  placement: Placement | undefined,
  log: (line: string) => void,
  onEmbedded?: (embedder: string, count: number) => void,
): Promise<LoadedEmbeddings> {
  let data = new Float32Array(0);
  let rows = 0;
  let reported = 0;
  let embedderId = '';
  const onStart = (info: EmbedRunInfo) => {
    embedderId = `onnx:${info.embedderId}`;
  };
  // Prompts run through the model (not those read from the cache), as they happen: the throughput metric.
  const onProgress = (stats: Readonly<EmbedStats>) => {
    onEmbedded?.(embedderId, stats.embedded - reported);
    reported = stats.embedded;
  };
  const result = await embedCollection(
    { inputs, read: options, embedder, store, placement, onStart, onProgress },
    (window, info) => {
      if (data.length === 0) data = new Float32Array(info.records * info.dim);
      data.set(window.vectors, rows * info.dim);
      rows += window.ids.length;
    },
  );
  const { stats } = result;
  const computedOn = `${result.placement} (${result.device})`;
  log(
    `embeddings: ${stats.embedded} embedded, ${stats.cached} reused, ${stats.truncated} truncated to ${result.maxLength} tokens, ${computedOn}`,
  );
  return {
    d: result.dim,
    rowOf: Int32Array.from({ length: rows }, (_, i) => i),
    data,
    source: { embedder: `onnx:${result.embedderId}` },
    unusedRows: 0,
    computedOn,
  };
}
