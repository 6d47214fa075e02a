import { createSimilarityBlockRunner, type DeviceOptions, type SimilarityBlockRunner } from '@smartmix/onnx';
import { BlockGainKernel } from '../block-gain-kernel.js';
import { forEachBlockProduct, productColumn } from '../block-products.js';
import { blockCount, blockRange } from '../blocked-sum.js';
import { checkCandidates, checkElement } from '../validate.js';
import { raiseMemo } from './facility-location.js';
import { DEFAULT_OPEN_BUDGET_BYTES, OpenColumns } from './open-columns.js';

const CANDIDATE_BATCH = 128;

/** Which summation blocks a shard owns: [firstBlock, endBlock) of blockCount(n) (see blocked-sum.ts). */
export interface ShardBlocks {
  readonly firstBlock: number;
  readonly endBlock: number;
}

/**
 * The part of facility location that one shard of ground-set rows computes. Every gain is a blocked sum over the
 * rows (blocked-sum.ts), so a shard owning whole blocks answers its blocks' partial sums and the owner of the greedy
 * adds all shards' partials in block order: the same float64 additions in the same order whatever the number of
 * shards, hence the same gains, bit for bit, on one process or many.
 */
export interface FacilityLocationPart extends ShardBlocks {
  /**
   * Per candidate, the partial gain of each owned block: candidates.length × (endBlock − firstBlock), row-major;
   * after committing `commitFirst` (as commit does), when given.
   */
  partialGains(candidates: Int32Array, commitFirst?: Int32Array): Promise<Float64Array>;
  /**
   * Per candidate k, each owned block's sum of K[j,k] over its rows j (same layout as partialGains): the blocked
   * column totals graph cut needs, from the same shard without a kernel.
   */
  columnSums(candidates: Int32Array): Promise<Float64Array>;
  /**
   * Adds elements to the selection, in order (one, or a replay of a whole selection). Committing an element again
   * changes nothing (the memo is a max).
   */
  commit(elements: Int32Array): Promise<void>;
  /** Per owned block, the sum of the memo (f(selection)'s partial sums). */
  valueParts(): Promise<Float64Array>;
  release(): Promise<void>;
}

/** The ground-set rows [start, end) of a shard's blocks (block 0 holds the last rows, see blocked-sum.ts). */
export function shardRows(n: number, blocks: ShardBlocks): [start: number, end: number] {
  return [blockRange(n, blocks.endBlock - 1)[0], blockRange(n, blocks.firstBlock)[1]];
}

/** Balanced contiguous block ranges for `shards` shards (fewer when there are fewer blocks than shards). */
export function planShards(n: number, shards: number): ShardBlocks[] {
  const blocks = blockCount(n);
  const count = Math.max(1, Math.min(shards, blocks));
  return Array.from({ length: count }, (_, s) => ({
    firstBlock: Math.floor((blocks * s) / count),
    endBlock: Math.floor((blocks * (s + 1)) / count),
  }));
}

/** `blocks` must be a non-empty range of n's summation blocks. */
export function checkShardBlocks(n: number, blocks: ShardBlocks, what: string): void {
  const total = blockCount(n);
  const { firstBlock, endBlock } = blocks;
  if (
    !Number.isInteger(firstBlock) ||
    !Number.isInteger(endBlock) ||
    firstBlock < 0 ||
    endBlock > total ||
    firstBlock >= endBlock
  ) {
    throw new RangeError(
      `${what} blocks [${firstBlock}, ${endBlock}) are not a range of the ${total} blocks`,
    );
  }
}

/** The parts sorted by first block, after checking that they cover each of n's blocks exactly once. */
export function coverBlocksOnce<Part extends ShardBlocks>(
  n: number,
  parts: readonly Part[],
  what: string,
): Part[] {
  const sorted = [...parts].sort((a, b) => a.firstBlock - b.firstBlock);
  let next = 0;
  for (const part of sorted) {
    if (part.firstBlock !== next) throw new RangeError(`${what} do not cover block ${next} exactly once`);
    next = part.endBlock;
  }
  if (next !== blockCount(n)) throw new RangeError(`${what} cover ${next} of ${blockCount(n)} blocks`);
  return sorted;
}

/**
 * A facility-location shard held in memory: the memo of its own rows, similarity columns computed on demand by GEMM
 * of candidate vectors against one owned block at a time (canonical blocks, so every value has the bits of the full
 * kernel's), and the candidates' open rows with their values (open-columns.ts), so that re-evaluations late in a
 * greedy run read a few kept values instead of recomputing a column. Memory: the vectors (n·d), the memo, and the
 * open-row budget — never a kernel.
 */
export class FacilityLocationShard implements FacilityLocationPart {
  readonly firstBlock: number;
  readonly endBlock: number;
  /** Own rows are [rowStart, rowEnd); the memo is indexed by row − rowStart. */
  private readonly rowStart: number;
  private readonly memo: Float32Array;
  private readonly open: OpenColumns;
  /**
   * Sums the gains of a batch over a block; its memory is where every block's GEMM writes (CANDIDATE_BATCH × one
   * block). Reused call after call: onnxruntime's own output tensors live in native memory that V8 does not count,
   * so a worker that makes many GEMM calls and few JS allocations (one of several shards) would otherwise pile up
   * gigabytes of them between garbage collections.
   */
  private readonly gains = new BlockGainKernel(CANDIDATE_BATCH);
  /** Calls that use the kernel's memory and the memo run one after another, even if a caller overlaps them. */
  private busy: Promise<unknown> = Promise.resolve();

  private constructor(
    /** All n vectors, L2-normalised, row-major (candidates may be any element). */
    private readonly rows: Float32Array,
    private readonly n: number,
    private readonly d: number,
    blocks: ShardBlocks,
    private readonly runner: SimilarityBlockRunner,
    openBudgetBytes: number,
  ) {
    this.firstBlock = blocks.firstBlock;
    this.endBlock = blocks.endBlock;
    const [rowStart, rowEnd] = shardRows(n, blocks);
    this.rowStart = rowStart;
    this.memo = new Float32Array(rowEnd - this.rowStart);
    this.open = new OpenColumns(rowEnd - this.rowStart, openBudgetBytes);
  }

  /** `rows` must already be L2-normalised (n×d). */
  static async create(
    rows: Float32Array,
    n: number,
    d: number,
    blocks: ShardBlocks,
    options: DeviceOptions & { openBudgetBytes?: number } = {},
  ): Promise<FacilityLocationShard> {
    checkShardBlocks(n, blocks, 'shard');
    if (rows.length !== n * d) throw new RangeError(`shard: ${rows.length} values do not fill ${n}×${d}`);
    const budget = options.openBudgetBytes ?? DEFAULT_OPEN_BUDGET_BYTES;
    return new FacilityLocationShard(rows, n, d, blocks, await createSimilarityBlockRunner(options), budget);
  }

  private get blocks(): number {
    return this.endBlock - this.firstBlock;
  }

  /**
   * For a batch of candidates, computes each owned block's similarities by GEMM and calls
   * `visit(products, b, start, end)` (b relative to firstBlock, rows [start, end) absolute; see forEachBlockProduct),
   * blocks in order.
   */
  private forEachBlock(
    batch: Int32Array,
    visit: (products: Float32Array, b: number, start: number, end: number) => void,
  ): Promise<void> {
    return forEachBlockProduct(
      this.runner,
      this.rows,
      this.n,
      this.d,
      this,
      batch,
      this.gains.products,
      visit,
    );
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => {});
    return run;
  }

  partialGains(candidates: Int32Array, commitFirst?: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    for (const k of commitFirst ?? []) checkElement(k, this.n);
    return this.exclusive(async () => {
      if (commitFirst) await this.applyCommit(commitFirst);
      return this.computePartialGains(candidates);
    });
  }

  private async computePartialGains(candidates: Int32Array): Promise<Float64Array> {
    const blocks = this.blocks;
    const out = new Float64Array(candidates.length * blocks);
    // Candidates with kept open rows are summed from them; the others need their columns computed.
    const scanAt: number[] = [];
    for (let c = 0; c < candidates.length; c++) {
      const partials = out.subarray(c * blocks, (c + 1) * blocks);
      const { memo, rowStart, n, firstBlock } = this;
      if (!this.open.partialGains(candidates[c]!, memo, rowStart, n, firstBlock, partials)) scanAt.push(c);
    }
    for (let first = 0; first < scanAt.length; first += CANDIDATE_BATCH) {
      const at = scanAt.slice(first, first + CANDIDATE_BATCH);
      const batch = Int32Array.from(at, (c) => candidates[c]!);
      const collect = this.open.collector(batch);
      const { gains } = this;
      await this.forEachBlock(batch, (products, b, start, end) => {
        const memo = this.memo.subarray(start - this.rowStart, end - this.rowStart);
        gains.memo.set(memo);
        gains.compute(end - start, batch.length);
        for (let c = 0; c < batch.length; c++) {
          out[at[c]! * blocks + b] = gains.sums[c]!;
          collect.openRows[c] += gains.opens[c]!;
          if (gains.opens[c] === 0 || !collect.wants(c)) continue;
          const count = gains.openRowsOf(c, end - start);
          collect.add(c, productColumn(products, c, start, end), start, gains.openAt, count);
        }
      });
      collect.keep();
    }
    return out;
  }

  columnSums(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    return this.exclusive(() => this.computeColumnSums(candidates));
  }

  private async computeColumnSums(candidates: Int32Array): Promise<Float64Array> {
    const blocks = this.blocks;
    const out = new Float64Array(candidates.length * blocks);
    for (let first = 0; first < candidates.length; first += CANDIDATE_BATCH) {
      const batch = candidates.subarray(first, first + CANDIDATE_BATCH);
      await this.forEachBlock(batch, (products, b, start, end) => {
        for (let c = 0; c < batch.length; c++) {
          const column = productColumn(products, c, start, end);
          // Ground-set order within the block (rows end−1 down to start), from 0: the blocked sum's terms and order.
          let sum = 0;
          for (let i = column.length - 1; i >= 0; i--) sum += column[i]!;
          out[(first + c) * blocks + b] = sum;
        }
      });
    }
    return out;
  }

  commit(elements: Int32Array): Promise<void> {
    for (const k of elements) checkElement(k, this.n);
    return this.exclusive(() => this.applyCommit(elements));
  }

  private async applyCommit(elements: Int32Array): Promise<void> {
    const scan = elements.filter((k) => !this.open.commit(k, this.memo, this.rowStart));
    // memo = max over the chosen columns is independent of order, so a replay may batch its GEMMs.
    for (let first = 0; first < scan.length; first += CANDIDATE_BATCH) {
      const batch = scan.subarray(first, first + CANDIDATE_BATCH);
      await this.forEachBlock(batch, (products, _b, start, end) => {
        const memo = this.memo.subarray(start - this.rowStart, end - this.rowStart);
        for (let c = 0; c < batch.length; c++)
          raiseMemo(productColumn(products, c, start, end), memo, 0, end - start);
      });
    }
  }

  async valueParts(): Promise<Float64Array> {
    const out = new Float64Array(this.blocks);
    for (let b = 0; b < this.blocks; b++) {
      const [start, end] = blockRange(this.n, this.firstBlock + b);
      let sum = 0;
      for (let i = end - 1; i >= start; i--) sum += this.memo[i - this.rowStart]!;
      out[b] = sum;
    }
    return out;
  }

  release(): Promise<void> {
    return this.runner.release();
  }
}
