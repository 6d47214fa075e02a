import { blockCount, blockRange } from '../blocked-sum.js';
import { checkKernel, kernelColumn } from '../kernel-columns.js';
import type { DenseKernel, GainOracle, SetFunction } from '../types.js';

/**
 * Σ over i of the float32 difference column[i] − memo[i] where positive, in ground-set order (rows end−1 … start),
 * accumulated in float64: one block's share of a facility-location gain.
 */
export function facilityLocationBlockGain(
  column: Float32Array,
  memo: Float32Array,
  start: number,
  end: number,
): number {
  let sum = 0;
  for (let i = end - 1; i >= start; i--) {
    const v = column[i]!;
    const m = memo[i]!;
    if (v > m) sum += Math.fround(v - m);
  }
  return sum;
}

/** memo[i] = max(memo[i], column[i]) over rows [start, end): what committing the column's element does. */
export function raiseMemo(column: Float32Array, memo: Float32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) if (column[i]! > memo[i]!) memo[i] = column[i]!;
}

/** The blocked ground-set sum of facility-location gains of one column against the memo. */
export function facilityLocationGain(column: Float32Array, memo: Float32Array): number {
  const n = memo.length;
  let total = 0;
  for (let b = 0, blocks = blockCount(n); b < blocks; b++) {
    const [start, end] = blockRange(n, b);
    total += facilityLocationBlockGain(column, memo, start, end);
  }
  return total;
}

class FacilityLocationOracle implements GainOracle {
  readonly n: number;
  private readonly memo: Float32Array;
  private readonly scratch: Float32Array;

  constructor(private readonly kernel: DenseKernel) {
    this.n = kernel.n;
    this.memo = new Float32Array(kernel.n);
    this.scratch = new Float32Array(kernel.n);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    const out = new Float64Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      out[c] = facilityLocationGain(kernelColumn(this.kernel, candidates[c]!, this.scratch), this.memo);
    }
    return out;
  }

  async commit(k: number): Promise<void> {
    raiseMemo(kernelColumn(this.kernel, k, this.scratch), this.memo, 0, this.n);
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
      const memo = new Float32Array(kernel.n);
      const scratch = new Float32Array(kernel.n);
      for (let s = 0; s < set.length; s++)
        raiseMemo(kernelColumn(kernel, set[s]!, scratch), memo, 0, kernel.n);
      return facilityLocationGain(memo, new Float32Array(kernel.n));
    },
  };
}
