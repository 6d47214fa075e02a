import { createSimilarityBlockRunner, type DeviceOptions, type SimilarityBlockRunner } from '@smartmix/onnx';
import { forEachBlockProduct, productColumn } from '../block-products.js';
import { SUMMATION_BLOCK_ROWS } from '../blocked-sum.js';
import { checkShardBlocks, type ShardBlocks, shardRows } from '../functions/facility-location-shard.js';
import { checkCandidates } from '../validate.js';
import { type TopKLists, TopKSelector } from './top-k.js';

/** Largest running selection (8 bytes a kept pair) one batch of queries may hold. */
const SELECTION_BYTES = 16 * 2 ** 20;
const MAX_QUERY_BATCH = 256;

/** Queries per batch whose top-k selections fit SELECTION_BYTES (at least one, at most MAX_QUERY_BATCH). */
function queryBatchSize(k: number): number {
  return Math.max(1, Math.min(MAX_QUERY_BATCH, Math.floor(SELECTION_BYTES / (8 * k))));
}

/**
 * The part of a kNN search over the rows of some summation blocks: each query's k largest similarities among those
 * rows (fewer when the part holds fewer rows), best first (top-k.ts's order). In this process or on a worker.
 */
export interface TopKPart extends ShardBlocks {
  topK(queries: Int32Array, k: number): Promise<TopKLists>;
  release(): Promise<void>;
}

/** Opens top-k parts over normalised rows (n×d) wherever they live, covering every summation block once. */
export type TopKParts = (rows: Float32Array, n: number, d: number) => Promise<TopKPart[]>;

/**
 * Each query's top k among the rows of `blocks`, batch by batch: `visit(first, lists)` gets the lists of
 * queries[first …] as each batch is done, so memory stays at one batch's selection and one block's GEMM output,
 * never a row of n similarities per query. Similarities are computed against one canonical summation block (8,192
 * rows, blocked-sum.ts) at a time, as blockwise facility location does, so every value has the bits of the full
 * kernel's element (libs/onnx's block-shape property) whichever worker computes it and whatever the batch.
 */
export async function forEachTopKBatch(
  runner: SimilarityBlockRunner,
  rows: Float32Array,
  n: number,
  d: number,
  blocks: ShardBlocks,
  queries: Int32Array,
  k: number,
  visit: (first: number, lists: TopKLists) => Promise<void> | void,
): Promise<void> {
  checkTopKRequest(n, blocks, queries, k);
  if (rows.length !== n * d) throw new RangeError(`top-k: ${rows.length} values do not fill ${n}×${d}`);
  const width = topKWidth(n, blocks, k);
  const batchSize = queryBatchSize(width);
  const gemmOut = new Float32Array(Math.min(batchSize, queries.length) * SUMMATION_BLOCK_ROWS);
  for (let first = 0; first < queries.length; first += batchSize) {
    const batch = queries.subarray(first, first + batchSize);
    const selector = new TopKSelector(batch.length, width);
    await forEachBlockProduct(runner, rows, n, d, blocks, batch, gemmOut, (products, _b, start, end) => {
      for (let c = 0; c < batch.length; c++) selector.offer(c, productColumn(products, c, start, end), start);
    });
    await visit(first, selector.finish());
  }
}

function checkTopKRequest(n: number, blocks: ShardBlocks, queries: Int32Array, k: number): void {
  checkShardBlocks(n, blocks, 'top-k');
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`top-k: k must be a positive integer, got ${k}`);
  checkCandidates(queries, n);
}

/** The length of every query's list from a part: k, or all its rows when it holds fewer. */
export function topKWidth(n: number, blocks: ShardBlocks, k: number): number {
  const [rowStart, rowEnd] = shardRows(n, blocks);
  return Math.min(k, rowEnd - rowStart);
}

/** Lists of `count` queries assembled from pieces of consecutive queries (batches, or chunks of a stream). */
export class TopKListsBuilder implements TopKLists {
  readonly indices: Int32Array;
  readonly values: Float32Array;

  constructor(
    readonly count: number,
    readonly width: number,
  ) {
    this.indices = new Int32Array(count * width);
    this.values = new Float32Array(count * width);
  }

  /** Places `piece` (lists of queries first … first + piece.count − 1) in its rows. */
  add(first: number, piece: TopKLists): void {
    const size = piece.count * piece.width;
    if (
      piece.width !== this.width ||
      first + piece.count > this.count ||
      piece.indices.length !== size ||
      piece.values.length !== size
    )
      throw new RangeError(`top-k: a piece of ${piece.count}×${piece.width} does not fit at query ${first}`);
    this.indices.set(piece.indices, first * this.width);
    this.values.set(piece.values, first * this.width);
  }
}

/** A top-k part in this process: a GEMM runner over the shared rows. */
export class InProcessTopKPart implements TopKPart {
  readonly firstBlock: number;
  readonly endBlock: number;

  private constructor(
    private readonly rows: Float32Array,
    private readonly n: number,
    private readonly d: number,
    blocks: ShardBlocks,
    private readonly runner: SimilarityBlockRunner,
  ) {
    this.firstBlock = blocks.firstBlock;
    this.endBlock = blocks.endBlock;
  }

  /** `rows` must already be L2-normalised (n×d). */
  static async create(
    rows: Float32Array,
    n: number,
    d: number,
    blocks: ShardBlocks,
    device: DeviceOptions = {},
  ): Promise<InProcessTopKPart> {
    return new InProcessTopKPart(rows, n, d, blocks, await createSimilarityBlockRunner(device));
  }

  async topK(queries: Int32Array, k: number): Promise<TopKLists> {
    const blocks = { firstBlock: this.firstBlock, endBlock: this.endBlock };
    const out = new TopKListsBuilder(queries.length, topKWidth(this.n, blocks, k));
    await forEachTopKBatch(this.runner, this.rows, this.n, this.d, blocks, queries, k, (first, lists) =>
      out.add(first, lists),
    );
    return out;
  }

  release(): Promise<void> {
    return this.runner.release();
  }
}
