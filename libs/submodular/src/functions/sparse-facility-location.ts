import { blockOf } from '../blocked-sum.js';
import type { NearestNeighborKernel } from '../kernels/nearest-neighbors.js';
import type { GainOracle, SetFunction } from '../types.js';
import { checkCandidates, checkCommit, checkSet } from '../validate.js';
import { facilityLocationValue } from './facility-location.js';

/**
 * The kNN kernel by columns: column j lists the rows i that keep j among their neighbours, with K[i,j], in
 * ground-set order (i descending). A gain or a commit of j touches exactly these rows — on average k of them.
 */
interface NeighborColumns {
  /** Column j's entries are [start[j], start[j+1]). */
  readonly start: Int32Array;
  readonly rows: Int32Array;
  readonly values: Float32Array;
}

function byColumns(kernel: NearestNeighborKernel): NeighborColumns {
  const { n, neighbors, similarities } = kernel;
  const start = new Int32Array(n + 1);
  for (const j of neighbors) start[j + 1]!++;
  for (let j = 0; j < n; j++) start[j + 1]! += start[j]!;
  const next = start.slice(0, n);
  const rows = new Int32Array(neighbors.length);
  const values = new Float32Array(neighbors.length);
  const { k } = kernel;
  // Rows visited n−1 down to 0, so every column's list comes out in ground-set order.
  for (let i = n - 1; i >= 0; i--) {
    for (let t = i * k; t < (i + 1) * k; t++) {
      const at = next[neighbors[t]!]!++;
      rows[at] = i;
      values[at] = similarities[t]!;
    }
  }
  return { start, rows, values };
}

/** memo[i] = max(memo[i], K[i,j]) over column j's rows: what committing j does. */
function raiseColumn(columns: NeighborColumns, j: number, memo: Float32Array): void {
  const { start, rows, values } = columns;
  for (let t = start[j]!; t < start[j + 1]!; t++) {
    const i = rows[t]!;
    if (values[t]! > memo[i]!) memo[i] = values[t]!;
  }
}

class SparseFacilityLocationOracle implements GainOracle {
  readonly n: number;
  private readonly memo: Float32Array;
  private readonly selected: Uint8Array;

  constructor(private readonly columns: NeighborColumns) {
    this.n = columns.start.length - 1;
    this.memo = new Float32Array(this.n);
    this.selected = new Uint8Array(this.n);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    const out = new Float64Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) out[c] = this.gain(candidates[c]!);
    return out;
  }

  /**
   * Σ over j's column of the float32 difference K[i,j] − memo[i] where positive, as a blocked sum (blocked-sum.ts):
   * each block's terms in ground-set order from 0, the block sums added in block order. Rows off the column
   * (K̃[i,j] = 0 ≤ memo[i]) and closed rows would add +0, which changes no bits, so with k = n this is the dense
   * facility location's gain bit for bit.
   */
  private gain(j: number): number {
    const { start, rows, values } = this.columns;
    const { memo, n } = this;
    let total = 0;
    let block = 0;
    let blockSum = 0;
    for (let t = start[j]!; t < start[j + 1]!; t++) {
      const i = rows[t]!;
      const v = values[t]!;
      const m = memo[i]!;
      if (v > m) {
        const b = blockOf(n, i);
        if (b !== block) {
          total += blockSum;
          block = b;
          blockSum = 0;
        }
        blockSum += Math.fround(v - m);
      }
    }
    return total + blockSum;
  }

  async commit(j: number): Promise<void> {
    checkCommit(j, this.n, this.selected);
    this.selected[j] = 1;
    raiseColumn(this.columns, j, this.memo);
  }
}

/**
 * Facility location over a kNN kernel — submodlib's `FacilityLocationFunction(mode="sparse")`: f(S) = Σ_{i∈V}
 * max(0, max_{j∈S} K̃[i,j]) with K̃[i,j] = K[i,j] when j is among i's k nearest neighbours and 0 otherwise, the same
 * float32 memo and float64 sums as the dense function. With k = n it is the dense function; with k ≪ n an
 * approximation (Wei et al. 2014) whose gains and commits cost O(k) on average instead of O(n).
 */
export function sparseFacilityLocation(kernel: NearestNeighborKernel): SetFunction {
  const columns = byColumns(kernel);
  return {
    name: 'fl',
    n: kernel.n,
    oracle: () => new SparseFacilityLocationOracle(columns),
    evaluate(set) {
      checkSet(set, kernel.n);
      const memo = new Float32Array(kernel.n);
      for (let s = 0; s < set.length; s++) raiseColumn(columns, set[s]!, memo);
      return facilityLocationValue(memo);
    },
  };
}
