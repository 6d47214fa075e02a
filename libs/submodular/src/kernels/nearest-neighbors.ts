import { coverBlocksOnce } from '../functions/facility-location-shard.js';
import type { TopKPart } from './block-top-k.js';
import { mergeTopK } from './top-k.js';

/**
 * A k-nearest-neighbour similarity kernel, CSR with a fixed row length: row i keeps its k largest cosine similarities
 * K[i,j] (i itself included, as submodlib's `create_kernel(mode="sparse")` keeps each point's own neighbourhood),
 * every other entry of the row counts as 0. Row i's pairs are at [i·k, (i+1)·k), best first (value descending, then
 * index ascending — the order that makes the lists independent of sharding). Not symmetrised: j may be among i's
 * neighbours without i being among j's, as in submodlib.
 */
export interface NearestNeighborKernel {
  readonly n: number;
  readonly k: number;
  readonly neighbors: Int32Array;
  readonly similarities: Float32Array;
}

/** Bytes of query answers (8 a pair) one request to all parts may bring back, and its most queries. */
const REQUEST_BYTES = 64 * 2 ** 20;
const MAX_REQUEST_QUERIES = 4096;

/**
 * Builds the kNN kernel of n rows from top-k parts covering every summation block once (one in this process, or one
 * per worker): the queries go out in batches, every part answers each query's top k among its rows, and the lists are
 * merged under the same order. Each merged list is the top k over all rows whatever the split, and each value has the
 * full kernel's bits, so the kernel is the same for any number of workers. Memory: the kernel (8·n·k bytes) and one
 * batch of answers, never an n×n matrix.
 */
export async function nearestNeighborKernel(
  n: number,
  k: number,
  parts: readonly TopKPart[],
): Promise<NearestNeighborKernel> {
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`kNN kernel: k must be an integer in [1, ${n}], got ${k}`);
  coverBlocksOnce(n, parts, 'top-k parts');
  const neighbors = new Int32Array(n * k);
  const similarities = new Float32Array(n * k);
  const batch = Math.max(
    1,
    Math.min(MAX_REQUEST_QUERIES, Math.floor(REQUEST_BYTES / (8 * k * parts.length))),
  );
  for (let first = 0; first < n; first += batch) {
    const queries = Int32Array.from({ length: Math.min(batch, n - first) }, (_, q) => first + q);
    const answers = await Promise.all(parts.map((part) => part.topK(queries, k)));
    const merged = mergeTopK(answers, k);
    neighbors.set(merged.indices, first * k);
    similarities.set(merged.values, first * k);
  }
  return { n, k, neighbors, similarities };
}
