import { blockCount, blockedSum, combineBlockSums } from '../blocked-sum.js';
import { ColumnScratch, forEachColumn } from '../kernel-columns.js';
import type { DenseKernel, GainOracle, SetFunction } from '../types.js';
import { forEachUpperValue } from '../upper-tiles.js';
import { checkCandidates, checkCommit, checkKernel, checkSet } from '../validate.js';
import { OpenColumns } from './open-columns.js';

/**
 * One block's share of a facility-location gain: Σ over rows end−1 … start of the float32 difference
 * column[i] − memo[i] where it is positive, accumulated in float64 (the reference's arithmetic).
 * (d + |d|)/2 is d for an open row and +0 otherwise, and adding +0 leaves the sum's bits unchanged, so this is the
 * reference's conditional sum without a data-dependent branch, which mispredicts on dense columns. It needs a
 * finite kernel (an infinite or NaN similarity would not be skipped), as every similarity kernel is.
 * fround of the float64 difference equals the float32 difference: double rounding is innocuous for a
 * subtraction of float32 values carried out in float64.
 * With `openRows`, the number of open rows (column[i] > memo[i]) is added to openRows[at].
 */
export function facilityLocationBlockGain(
  column: Float32Array,
  memo: Float32Array,
  start: number,
  end: number,
  openRows?: Int32Array,
  at = 0,
): number {
  let sum = 0;
  let open = 0;
  for (let i = end - 1; i >= start; i--) {
    const d = column[i]! - memo[i]!;
    sum += Math.fround((d + Math.abs(d)) * 0.5);
    open += +(d > 0);
  }
  if (openRows) openRows[at] += open;
  return sum;
}

/**
 * Writes the rows i with column[i] > memo[i] to out, highest first (ground-set order); returns how many. The
 * definition that the WebAssembly kernel's openRowsOf is tested against.
 */
export function openOffsets(column: Float32Array, memo: Float32Array, out: Int32Array): number {
  let count = 0;
  for (let i = column.length - 1; i >= 0; i--) if (column[i]! > memo[i]!) out[count++] = i;
  return count;
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

/**
 * memo[i] = max(0, max_{j∈set} K[i,j]). An upper kernel is read once in memory order rather than column by column
 * (each column of it is a gather): a stored K[r,c] raises memo[r] when c is in the set and memo[c] when r is. A max
 * does not depend on the order it is taken in, so both ways give the same bits.
 */
function memoOfSet(kernel: DenseKernel, set: ArrayLike<number>): Float32Array {
  const { n, data } = kernel;
  const memo = new Float32Array(n);
  if (kernel.layout !== 'upper') {
    forEachColumn(kernel, Int32Array.from(set), new ColumnScratch(kernel), (_, column) =>
      raiseMemo(column, memo, 0, n),
    );
    return memo;
  }
  const inSet = new Uint8Array(n);
  for (let a = 0; a < set.length; a++) inSet[set[a]!] = 1;
  forEachUpperValue(n, data, (r, c, value) => {
    if (inSet[c] && value > memo[r]!) memo[r] = value;
    if (inSet[r] && value > memo[c]!) memo[c] = value;
  });
  return memo;
}

class FacilityLocationOracle implements GainOracle {
  readonly n: number;
  private readonly memo: Float32Array;
  private readonly selected: Uint8Array;
  private readonly open: OpenColumns;
  /** Per-block sums of a sparse evaluation, combined like any blocked sum. */
  private readonly partials: Float64Array;
  private readonly gather: ColumnScratch;
  /** openOffsets' output for one column. */
  private readonly openAt: Int32Array;

  constructor(private readonly kernel: DenseKernel) {
    this.n = kernel.n;
    this.memo = new Float32Array(kernel.n);
    this.selected = new Uint8Array(kernel.n);
    // A full evaluation here reads a kernel column, which an upper kernel gathers at a cache miss per four values:
    // longer lists than a shard keeps (an eighth of the rows) pay for themselves, within half the kernel's memory
    // (measured on issue #3's full ordering of 10,000: 3.2 → 2.9 s of greedy for ~30 MB).
    this.open = new OpenColumns(kernel.n, kernel.data.byteLength / 2, 1 / 8);
    this.partials = new Float64Array(blockCount(kernel.n));
    this.gather = new ColumnScratch(kernel);
    this.openAt = new Int32Array(kernel.n);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    const { n, memo, partials } = this;
    const out = new Float64Array(candidates.length);
    // Candidates with kept open rows are evaluated from them; the others need their whole column.
    const scanAt: number[] = [];
    for (let c = 0; c < candidates.length; c++) {
      partials.fill(0);
      if (this.open.partialGains(candidates[c]!, memo, 0, n, 0, partials))
        out[c] = combineBlockSums(partials);
      else scanAt.push(c);
    }
    const scan = Int32Array.from(scanAt, (c) => candidates[c]!);
    const collect = this.open.collector(scan);
    forEachColumn(this.kernel, scan, this.gather, (s, column) => {
      out[scanAt[s]!] = blockedSum(n, (start, end) =>
        facilityLocationBlockGain(column, memo, start, end, collect.openRows, s),
      );
      if (collect.wants(s)) collect.add(s, column, 0, this.openAt, openOffsets(column, memo, this.openAt));
    });
    collect.keep();
    return out;
  }

  async commit(k: number): Promise<void> {
    checkCommit(k, this.n, this.selected);
    this.selected[k] = 1;
    const { memo } = this;
    if (!this.open.commit(k, memo, 0)) {
      forEachColumn(this.kernel, Int32Array.of(k), this.gather, (_, column) =>
        raiseMemo(column, memo, 0, this.n),
      );
    }
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
      return facilityLocationValue(memoOfSet(kernel, set));
    },
  };
}
