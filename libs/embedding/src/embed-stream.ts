import { type BatchRunner, inProcessRunner } from './batch-runner.js';
import type { EmbeddingCache } from './embedding-cache.js';
import { textHash } from './embedding-cache.js';
import { inOrder } from './in-order.js';
import type { OnnxEmbedder } from './onnx-embedder.js';

export interface EmbedItem {
  id: string;
  text: string;
}

export interface EmbedStats {
  /** Texts seen so far. */
  texts: number;
  /** Texts whose vector came from the cache. */
  cached: number;
  /** Texts run through the model (each distinct text of a window once). */
  embedded: number;
  /** Texts cut to the maximum length (among those embedded in this run: cached texts are not tokenized). */
  truncated: number;
  /** Model runs (batches). */
  batches: number;
  /** Real tokens, and tokens including the padding of their batch: how well length bucketing works. */
  tokens: number;
  paddedTokens: number;
}

export interface EmbedStreamOptions {
  /** Texts per model run (default 32). */
  batchSize?: number;
  /**
   * Texts read ahead and sorted by token length before batching (default 64 batches' worth): larger windows cut
   * more padding; memory stays bounded by the window, whatever the collection's size.
   */
  windowSize?: number;
  cache?: EmbeddingCache;
  /**
   * Where the batches' model runs happen (default: `embedder` in this process). Everything else — cache, dedupe,
   * tokenizing, batching — stays here, so the vectors are the same bits wherever the batches run.
   */
  runner?: BatchRunner;
  onProgress?: (stats: Readonly<EmbedStats>) => void;
}

export interface EmbeddedWindow {
  ids: string[];
  /** ids.length × dim, rows in the order of `ids` (the input order). */
  vectors: Float32Array;
}

/**
 * Embeds a stream of texts window by window, yielding vectors in input order. Within a window, cached vectors are
 * reused, identical texts are embedded once, and the rest are sorted by token length and batched, so a batch pads
 * little; batches run on `options.runner`, several at once if it allows, their results taken in batch order. Returns
 * the statistics when the stream ends.
 */
export async function* embedStream(
  embedder: OnnxEmbedder,
  items: AsyncIterable<EmbedItem> | Iterable<EmbedItem>,
  options: EmbedStreamOptions = {},
): AsyncGenerator<EmbeddedWindow, EmbedStats> {
  const batchSize = options.batchSize ?? 32;
  const windowSize = options.windowSize ?? batchSize * 64;
  const stats: EmbedStats = {
    texts: 0,
    cached: 0,
    embedded: 0,
    truncated: 0,
    batches: 0,
    tokens: 0,
    paddedTokens: 0,
  };
  const runner = options.runner ?? inProcessRunner(embedder);
  let window: EmbedItem[] = [];
  const flush = async (): Promise<EmbeddedWindow> => {
    const result = await embedWindow(
      embedder,
      runner,
      window,
      batchSize,
      stats,
      options.cache,
      options.onProgress,
    );
    window = [];
    return result;
  };
  for await (const item of items) {
    window.push(item);
    if (window.length === windowSize) yield await flush();
  }
  if (window.length > 0) yield await flush();
  return stats;
}

async function embedWindow(
  embedder: OnnxEmbedder,
  runner: BatchRunner,
  items: readonly EmbedItem[],
  batchSize: number,
  stats: EmbedStats,
  cache: EmbeddingCache | undefined,
  onProgress: EmbedStreamOptions['onProgress'],
): Promise<EmbeddedWindow> {
  const dim = embedder.dim;
  const vectors = new Float32Array(items.length * dim);
  const hashes = items.map((item) => textHash(item.text));
  const cached = cache ? await cache.getMany(hashes) : [];
  // Rows of each distinct text still to embed.
  const pending = new Map<string, { text: string; rows: number[] }>();
  items.forEach((item, row) => {
    const vector = cached[row];
    if (vector) {
      vectors.set(vector, row * dim);
      stats.cached++;
      stats.texts++;
      return;
    }
    const entry = pending.get(hashes[row]!);
    if (entry) entry.rows.push(row);
    else pending.set(hashes[row]!, { text: item.text, rows: [row] });
  });
  const work = [...pending].map(([hash, { text, rows }]) => ({
    hash,
    text,
    rows,
    encoding: embedder.encode(text),
  }));
  onProgress?.(stats);
  // Longest first: the first batch shows at once whether the longest inputs fit in memory.
  work.sort((a, b) => b.encoding.ids.length - a.encoding.ids.length);
  const fresh: [string, Float32Array][] = [];
  const batches: (typeof work)[] = [];
  for (let start = 0; start < work.length; start += batchSize)
    batches.push(work.slice(start, start + batchSize));
  const runs = inOrder(batches, runner.concurrency, (batch) =>
    runner.run({ texts: batch.map((w) => w.text), encodings: batch.map((w) => w.encoding) }),
  );
  let next = 0;
  for await (const out of runs) {
    const batch = batches[next++]!;
    stats.batches++;
    stats.paddedTokens += batch.length * batch[0]!.encoding.ids.length;
    batch.forEach((w, b) => {
      const vector = out.subarray(b * dim, (b + 1) * dim);
      for (const row of w.rows) vectors.set(vector, row * dim);
      fresh.push([w.hash, vector]);
      stats.embedded++;
      // Repeats of a text within the window count as cached: they cost no model run.
      stats.cached += w.rows.length - 1;
      stats.texts += w.rows.length;
      stats.tokens += w.encoding.ids.length;
      if (w.encoding.truncated) stats.truncated += w.rows.length;
    });
    onProgress?.(stats);
  }
  if (cache) await cache.putMany(fresh);
  return { ids: items.map((item) => item.id), vectors };
}
