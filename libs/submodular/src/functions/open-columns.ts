import { blockOf, blockRange } from '../blocked-sum.js';

/**
 * Default memory for kept open rows (per oracle or shard; 8 bytes a row: index and value). Every candidate without a
 * list costs a GEMM over all the shard's rows when it is evaluated again, and in the middle of a long greedy run the
 * lists are what is short: at n = 100,000 (budget 10,000, in process) 256 MiB filled by the 10th step, and 1 GiB cut
 * the GEMM evaluations of steps 10–75 from 271k to 201k (279 → 238 s), for 1.7 GB peak RSS.
 */
export const DEFAULT_OPEN_BUDGET_BYTES = 2 ** 30;

/**
 * Facility location's sparse bookkeeping. A row i is "open" for candidate k while K[i,k] > memo[i]; memo values only
 * grow, so a row once closed stays closed, and after one full evaluation k's later gains need only the rows open
 * then, with their similarity values, visited in the same (ground-set) order: the same terms, the same bits, without
 * reading the column again — which for a shard means recomputing it by GEMM, and for an upper-triangle kernel
 * gathering it. Late in a greedy run a handful of rows stay open per candidate, so re-evaluations cost O(open rows).
 *
 * A list is kept only while it has at most `capacity` rows (by default ⌈rows/16⌉, at least 64) and the kept lists
 * fit the byte budget (8 bytes a row); the other candidates are simply evaluated in full again.
 */
export class OpenColumns {
  readonly capacity: number;
  private readonly lists = new Map<number, { rows: Int32Array; values: Float32Array; length: number }>();
  private usedBytes = 0;
  /**
   * The collector's rows and values for a whole batch (batch × capacity), reused from batch to batch: allocated
   * afresh, they were megabytes per GEMM batch and most of a long run's garbage collection.
   */
  private scratchRows = new Int32Array(0);
  private scratchValues = new Float32Array(0);

  constructor(
    shardRows: number,
    private readonly budgetBytes: number,
    capacityShare = 1 / 16,
  ) {
    this.capacity = Math.min(shardRows, Math.max(64, Math.ceil(shardRows * capacityShare)));
  }

  has(k: number): boolean {
    return this.lists.has(k);
  }

  /**
   * k's facility-location gain from its kept rows, as per-block partial sums: each still-open row's term
   * float32(K[r,k] − memo[r]) is added to partials[block(r) − firstBlock] in list (ground-set) order — a full scan's
   * terms in a full scan's order — and the list is compacted to those rows. `memo` holds rows from `rowStart` on; the
   * blocks are those of a ground set of n rows (blocked-sum.ts). False when k has no list.
   */
  partialGains(
    k: number,
    memo: Float32Array,
    rowStart: number,
    n: number,
    firstBlock: number,
    partials: Float64Array,
  ): boolean {
    const list = this.lists.get(k);
    if (!list) return false;
    const { rows, values } = list;
    // Rows are in ground-set order (descending), so the block changes only when a row falls below the block's first
    // row: one division per block rather than per row. Late in a run this loop is most of the work, hence no callback.
    let b = -1;
    let blockStart = Number.POSITIVE_INFINITY;
    let kept = 0;
    for (let t = 0; t < list.length; t++) {
      const row = rows[t]!;
      const value = values[t]!;
      const m = memo[row - rowStart]!;
      if (!(value > m)) continue;
      if (row < blockStart) {
        const block = blockOf(n, row);
        b = block - firstBlock;
        blockStart = blockRange(n, block)[0];
      }
      partials[b] = partials[b]! + Math.fround(value - m);
      rows[kept] = row;
      values[kept++] = value;
    }
    this.shorten(list, kept);
    return true;
  }

  /** Keeps a list's first `kept` rows; gives the memory back once a list has halved, so the budget follows the lists. */
  private shorten(list: { rows: Int32Array; values: Float32Array; length: number }, kept: number): void {
    list.length = kept;
    if (kept > list.rows.length / 2) return;
    this.usedBytes -= 8 * (list.rows.length - kept);
    list.rows = list.rows.slice(0, kept);
    list.values = list.values.slice(0, kept);
  }

  /**
   * Commits k to `memo` (rows from `rowStart` on) from its kept rows — rows off the list already have memo ≥ K[r,k],
   * so raising the listed ones is the whole update — and forgets the list. False when k has no list.
   */
  commit(k: number, memo: Float32Array, rowStart: number): boolean {
    const kept = this.forEach(k, (row, value) => {
      if (value > memo[row - rowStart]!) memo[row - rowStart] = value;
    });
    this.drop(k);
    return kept;
  }

  /** Visits k's kept rows in order. False when k has no list. */
  forEach(k: number, visit: (row: number, value: number) => void): boolean {
    const list = this.lists.get(k);
    if (!list) return false;
    for (let t = 0; t < list.length; t++) visit(list.rows[t]!, list.values[t]!);
    return true;
  }

  drop(k: number): void {
    const list = this.lists.get(k);
    if (!list) return;
    this.usedBytes -= 8 * list.rows.length;
    this.lists.delete(k);
  }

  /**
   * Gathers the open rows of a batch of candidates while their columns are computed block by block (blocks in
   * ground-set order). Each candidate's open-row count so far (openRows[c], which the caller adds each column's count
   * to before passing the column to add) decides whether its rows are still worth collecting, so columns too dense to
   * keep cost no second pass; a column with no open row is not read again. One collector at a time: its memory is
   * the OpenColumns' scratch.
   */
  collector(batch: Int32Array): {
    readonly openRows: Int32Array;
    /** Whether candidate c's rows are still being collected (its open rows so far fit the capacity). */
    wants(c: number): boolean;
    /** Collects rows start + offsets[t] (t < count, in ground-set order) with their values column[offsets[t]]. */
    add(c: number, column: Float32Array, start: number, offsets: Int32Array, count: number): void;
    keep(): void;
  } {
    const { capacity } = this;
    const counts = new Int32Array(batch.length);
    if (this.scratchRows.length < batch.length * capacity) {
      this.scratchRows = new Int32Array(batch.length * capacity);
      this.scratchValues = new Float32Array(batch.length * capacity);
    }
    const rows = this.scratchRows;
    const values = this.scratchValues;
    const lengths = new Int32Array(batch.length);
    return {
      openRows: counts,
      wants: (c) => counts[c]! <= capacity,
      add: (c, column, start, offsets, count) => {
        if (counts[c]! > capacity) return;
        let length = lengths[c]!;
        const base = c * capacity;
        for (let t = 0; t < count; t++) {
          const i = offsets[t]!;
          rows[base + length] = start + i;
          values[base + length++] = column[i]!;
        }
        lengths[c] = length;
      },
      keep: () => {
        for (let c = 0; c < batch.length; c++) {
          const length = lengths[c]!;
          if (counts[c]! > capacity || this.usedBytes + 8 * length > this.budgetBytes) continue;
          const k = batch[c]!;
          this.drop(k);
          const base = c * capacity;
          this.lists.set(k, {
            rows: rows.slice(base, base + length),
            values: values.slice(base, base + length),
            length,
          });
          this.usedBytes += 8 * length;
        }
      },
    };
  }
}
