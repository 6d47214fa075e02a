import { blockedSum } from '../blocked-sum.js';
import { ColumnScratch, entryReader, forEachColumn } from '../kernel-columns.js';
import type { DenseKernel, GainOracle, SetFunction } from '../types.js';
import { checkCandidates, checkCommit, checkKernel, checkLambda, checkSet } from '../validate.js';

/** T[k] = Σ_j K[j,k] over j in ground-set order (blocked), in float64: each element's total similarity. */
function columnTotals(kernel: DenseKernel): Float64Array {
  const { n } = kernel;
  const totals = new Float64Array(n);
  const all = Int32Array.from({ length: n }, (_, k) => k);
  forEachColumn(kernel, all, new ColumnScratch(kernel), (k, column) => {
    totals[k] = blockedSum(n, (start, end) => {
      let sum = 0;
      for (let j = end - 1; j >= start; j--) sum += column[j]!;
      return sum;
    });
  });
  return totals;
}

function addTo(sums: Float64Array, column: Float32Array): void {
  for (let k = 0; k < sums.length; k++) sums[k] += column[k]!;
}

class GraphCutOracle implements GainOracle {
  readonly n: number;
  private readonly selected: Uint8Array;
  /** S[k] = Σ_{j chosen} K[k,j], added in commit order. */
  private readonly toSelection: Float64Array;
  private readonly twoLambda: number;
  private readonly gather: ColumnScratch;
  private readonly entry: (r: number, c: number) => number;

  constructor(
    private readonly kernel: DenseKernel,
    private readonly totals: Float64Array,
    private readonly lambda32: number,
  ) {
    this.n = kernel.n;
    this.selected = new Uint8Array(kernel.n);
    this.toSelection = new Float64Array(kernel.n);
    this.twoLambda = Math.fround(2 * lambda32);
    this.gather = new ColumnScratch(kernel);
    this.entry = entryReader(kernel);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    const out = new Float64Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      const self = Math.fround(this.lambda32 * this.entry(k, k));
      out[c] = this.totals[k]! - this.twoLambda * this.toSelection[k]! - self;
    }
    return out;
  }

  async commit(j: number): Promise<void> {
    checkCommit(j, this.n, this.selected);
    this.selected[j] = 1;
    // Column j holds K[k,j] for every k: one pass over it (a row of a symmetric kernel) updates every S[k].
    forEachColumn(this.kernel, Int32Array.of(j), this.gather, (_, column) => addTo(this.toSelection, column));
  }
}

/**
 * Graph cut f(S) = Σ_{i∈V} Σ_{j∈S} K[i,j] − λ Σ_{i,j∈S} K[i,j], with submodlib's arithmetic: λ in float32, the
 * self term λ·K[k,k] a float32 product. With negative similarities it is not submodular.
 */
export function graphCut(kernel: DenseKernel, lambda: number): SetFunction {
  checkKernel(kernel);
  checkLambda('graph cut', lambda);
  const lambda32 = Math.fround(lambda);
  let totals: Float64Array | undefined;
  const columnTotalsOnce = () => (totals ??= columnTotals(kernel));
  return {
    name: 'gc',
    n: kernel.n,
    oracle: () => new GraphCutOracle(kernel, columnTotalsOnce(), lambda32),
    evaluate(set) {
      checkSet(set, kernel.n);
      const t = columnTotalsOnce();
      const entry = entryReader(kernel);
      let value = 0;
      for (let a = 0; a < set.length; a++) value += t[set[a]!]!;
      for (let a = 0; a < set.length; a++) {
        for (let b = 0; b < set.length; b++) value -= Math.fround(lambda32 * entry(set[a]!, set[b]!));
      }
      return value;
    },
  };
}
