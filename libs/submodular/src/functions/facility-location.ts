import { blockCount, blockedSum, blockOf, combineBlockSums } from '../blocked-sum.js';
import { forEachColumn, gatherScratch } from '../kernel-columns.js';
import type { DenseKernel, GainOracle, SetFunction } from '../types.js';
import { checkCandidates, checkCommit, checkKernel, checkSet } from '../validate.js';
import { OpenRows } from './open-rows.js';

/**
 * One block's share of a facility-location gain: Σ over rows end−1 … start of the float32 difference
 * column[i] − memo[i] where it is positive, accumulated in float64 (the reference's arithmetic).
 * (d + |d|)/2 is d for an open row and +0 otherwise, and adding +0 leaves the sum's bits unchanged, so this is the
 * reference's conditional sum without a data-dependent branch, which mispredicts on dense columns. It needs a
 * finite kernel (an infinite or NaN similarity would not be skipped), as every similarity kernel is.
 * fround of the float64 difference equals the float32 difference: double rounding is innocuous for a
 * subtraction of float32 values carried out in float64.
 * With `openRows`, the number of open rows (column[i] > memo[i]) is added to openRows[0].
 */
export function facilityLocationBlockGain(
  column: Float32Array,
  memo: Float32Array,
  start: number,
  end: number,
  openRows?: Int32Array,
): number {
  let sum = 0;
  let open = 0;
  for (let i = end - 1; i >= start; i--) {
    const d = column[i]! - memo[i]!;
    sum += Math.fround((d + Math.abs(d)) * 0.5);
    open += +(d > 0);
  }
  if (openRows) openRows[0] += open;
  return sum;
}

/** memo[i] = max(memo[i], column[i]) over rows [start, end): what committing the column's element does. */
export function raiseMemo(column: Float32Array, memo: Float32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) if (column[i]! > memo[i]!) memo[i] = column[i]!;
}

/** f(S) from the memo of S: the blocked ground-set sum of max(0, max_{j∈S} K[i,j]) (the memo starts at 0). */
export function facilityLocationValue(memo: Float32Array): number {
  return blockedSum(memo.length, (start, end) => {
    let sum = 0;
    for (let i = end - 1; i >= start; i--) sum += memo[i]!;
    return sum;
  });
}

/** The rows where column[i] > memo[i], in ground-set order, into `rows`. */
function collectOpenRows(column: Float32Array, memo: Float32Array, rows: Int32Array): number {
  let count = 0;
  for (let i = column.length - 1; i >= 0; i--) if (column[i]! > memo[i]!) rows[count++] = i;
  return count;
}

class FacilityLocationOracle implements GainOracle {
  readonly n: number;
  private readonly memo: Float32Array;
  private readonly selected: Uint8Array;
  private readonly open: OpenRows;
  private readonly rows: Int32Array;
  private readonly openCount = new Int32Array(1);
  /** Per-block sums of a sparse evaluation, combined like any blocked sum. */
  private readonly partials: Float64Array;
  private readonly gather: Float32Array;

  constructor(private readonly kernel: DenseKernel) {
    this.n = kernel.n;
    this.memo = new Float32Array(kernel.n);
    this.selected = new Uint8Array(kernel.n);
    this.open = new OpenRows(kernel.n);
    this.rows = new Int32Array(this.open.capacity);
    this.partials = new Float64Array(blockCount(kernel.n));
    this.gather = gatherScratch(kernel);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    const out = new Float64Array(candidates.length);
    // Candidates with an open-row list are evaluated sparsely; the others need their whole column.
    const scanAt = new Int32Array(candidates.length);
    const scan = new Int32Array(candidates.length);
    let scans = 0;
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      const list = this.open.list(k);
      if (list) out[c] = this.openGain(k, list);
      else {
        scanAt[scans] = c;
        scan[scans++] = k;
      }
    }
    forEachColumn(this.kernel, scan.subarray(0, scans), this.gather, (s, column) => {
      out[scanAt[s]!] = this.scanGain(scan[s]!, column);
    });
    return out;
  }

  private scanGain(k: number, column: Float32Array): number {
    const { memo, openCount } = this;
    openCount[0] = 0;
    const gain = blockedSum(this.n, (start, end) =>
      facilityLocationBlockGain(column, memo, start, end, openCount),
    );
    if (openCount[0]! <= this.open.capacity) {
      this.open.keep(k, this.rows, collectOpenRows(column, memo, this.rows));
    }
    return gain;
  }

  /**
   * The gain over k's open rows, compacting the list to the rows still open. Each row's term goes to its block's
   * partial sum in list (ground-set) order, so the result is the full scan's blocked sum, bit for bit.
   */
  private openGain(k: number, list: Int32Array): number {
    const { memo, partials } = this;
    const { n, data, symmetric } = this.kernel;
    const base = symmetric ? k * n : k; // K[r,k] = data[base + r·stride]
    const stride = symmetric ? 1 : n;
    partials.fill(0);
    let block = 0;
    let sum = 0;
    let kept = 0;
    for (let t = 0, length = this.open.length(k); t < length; t++) {
      const r = list[t]!;
      const v = data[base + r * stride]!;
      const m = memo[r]!;
      if (v > m) {
        const b = blockOf(n, r);
        if (b !== block) {
          partials[block] = sum;
          block = b;
          sum = 0;
        }
        sum += Math.fround(v - m);
        list[kept++] = r;
      }
    }
    partials[block] = sum;
    this.open.shrink(k, kept);
    return combineBlockSums(partials);
  }

  async commit(k: number): Promise<void> {
    checkCommit(k, this.n, this.selected);
    this.selected[k] = 1;
    const { memo } = this;
    const list = this.open.list(k);
    if (list) {
      // Rows off the list already have memo ≥ K[r,k]: raising the listed ones is the whole update.
      const { n, data, symmetric } = this.kernel;
      const base = symmetric ? k * n : k;
      const stride = symmetric ? 1 : n;
      for (let t = 0, length = this.open.length(k); t < length; t++) {
        const r = list[t]!;
        const v = data[base + r * stride]!;
        if (v > memo[r]!) memo[r] = v;
      }
    } else {
      forEachColumn(this.kernel, Int32Array.of(k), this.gather, (_, column) =>
        raiseMemo(column, memo, 0, this.n),
      );
    }
    this.open.drop(k);
  }
}

/**
 * Facility location f(S) = Σ_{i∈V} max(0, max_{j∈S} K[i,j]) with submodlib's arithmetic: a float32 memo of each
 * row's best similarity so far, starting at 0 so negative similarities never count.
 */
export function facilityLocation(kernel: DenseKernel): SetFunction {
  checkKernel(kernel);
  return {
    name: 'fl',
    n: kernel.n,
    oracle: () => new FacilityLocationOracle(kernel),
    evaluate(set) {
      checkSet(set, kernel.n);
      const memo = new Float32Array(kernel.n);
      forEachColumn(kernel, Int32Array.from(set), gatherScratch(kernel), (_, column) =>
        raiseMemo(column, memo, 0, kernel.n),
      );
      return facilityLocationValue(memo);
    },
  };
}
