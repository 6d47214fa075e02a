import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type ReadOptions, readCollection } from '@smartmix/dataset';
import { EmbeddingCache, type EmbedStats, embedStream, type OnnxEmbedderOptions } from '@smartmix/embedding';
import type { ArtifactStore } from '@smartmix/storage';
import { EmbeddingOutput } from './embed-output.js';
import { JobInputError } from './errors.js';
import { inProcessEmbedding, type Placement } from './placement.js';

export interface EmbedderSettings extends OnnxEmbedderOptions {
  /** Texts per model run. */
  batchSize?: number;
}

export interface EmbedRunInfo {
  records: number;
  dim: number;
  /** Where the model runs: 'cpu' or 'cuda' (the workers' when they embed; comma-separated when theirs differ). */
  device: string;
  /** Where the batches run: 'in process', or the workers (the placement's description). */
  placement: string;
  /** Tokens per text; longer texts are cut. */
  maxLength: number;
  /** The embedder's content id: the cache key prefix, and what a manifest records. */
  embedderId: string;
}

export interface EmbedJobOptions {
  inputs: string[];
  read: ReadOptions;
  embedder: EmbedderSettings;
  /** Where vectors are cached by (embedder, text); none: no cache. */
  store?: ArtifactStore;
  /** Where the batches run (default: in process). */
  placement?: Placement;
  out: string;
  idsOut: string;
  onStart?: (info: EmbedRunInfo) => void;
  onProgress?: (stats: Readonly<EmbedStats>) => void;
}

export interface EmbedJobResult extends EmbedRunInfo {
  stats: EmbedStats;
  seconds: number;
}

/** The prompts of a collection as embedder items, in collection order. */
async function* promptItems(inputs: string[], read: ReadOptions) {
  for await (const record of readCollection(inputs, read)) yield { id: record.id, text: record.prompt };
}

/**
 * Embeds every prompt of `inputs` with `embedder`, streaming: `visit` gets each window of vectors in collection
 * order. The collection is read once to validate it and count its records before the model is loaded, so bad
 * input fails fast and costs no model time (reading is far faster than embedding). The placement runs the batches,
 * here or on workers; the coordinator's own copy of the embedder forms them and keys the cache.
 */
export async function embedCollection(
  options: Omit<EmbedJobOptions, 'out' | 'idsOut'>,
  visit: (window: { ids: string[]; vectors: Float32Array }, info: EmbedRunInfo) => Promise<void> | void,
): Promise<EmbedJobResult> {
  let records = 0;
  for await (const _ of readCollection(options.inputs, options.read)) records++;
  const start = performance.now();
  const placed = await (options.placement?.embedding ?? inProcessEmbedding)(options.embedder);
  const { embedder } = placed;
  try {
    const info: EmbedRunInfo = {
      records,
      dim: embedder.dim,
      device: placed.device,
      placement: options.placement?.description ?? 'in process',
      maxLength: embedder.options.maxLength,
      embedderId: embedder.id,
    };
    options.onStart?.(info);
    const stream = embedStream(embedder, promptItems(options.inputs, options.read), {
      batchSize: options.embedder.batchSize,
      cache: options.store && new EmbeddingCache(options.store, embedder.id, embedder.dim),
      runner: placed,
      onProgress: options.onProgress,
    });
    for (let next = await stream.next(); ; next = await stream.next()) {
      if (next.done) return { ...info, stats: next.value, seconds: (performance.now() - start) / 1000 };
      await visit(next.value, info);
    }
  } finally {
    await placed.close();
  }
}

/** `smartmix embed`: the vectors of every prompt to a float32 .npy and their ids to a JSON array, atomically. */
export async function runEmbedJob(options: EmbedJobOptions): Promise<EmbedJobResult> {
  // Checked first: an unwritable output should not cost a whole embedding run.
  for (const file of [options.out, options.idsOut]) {
    await access(dirname(file), constants.W_OK).catch((err: NodeJS.ErrnoException) => {
      throw new JobInputError(`${file}: cannot write (${err.code ?? err.message})`);
    });
  }
  let output: EmbeddingOutput | undefined;
  try {
    const result = await embedCollection(options, async (window, info) => {
      output ??= await EmbeddingOutput.create(options.out, options.idsOut, info.dim);
      await output.append(window);
    });
    await output!.commit();
    return result;
  } catch (err) {
    await output?.abort();
    throw err;
  }
}
