import { blockCount, blockRange } from '../blocked-sum.js';
import { checkKernel, kernelColumn, kernelRow } from '../kernel-columns.js';
import type { DenseKernel, GainOracle, SetFunction } from '../types.js';

/** T[k] = Σ_j K[j,k] over j in ground-set order (blocked), in float64: each element's total similarity. */
function columnTotals(kernel: DenseKernel): Float64Array {
  const { n } = kernel;
  const totals = new Float64Array(n);
  const partial = new Float64Array(n);
  // Row-wise accumulation keeps memory access contiguous; per element k the additions still run j = n−1 … 0.
  for (let b = 0, blocks = blockCount(n); b < blocks; b++) {
    const [start, end] = blockRange(n, b);
    partial.fill(0);
    for (let j = end - 1; j >= start; j--) {
      const row = kernelRow(kernel, j);
      for (let k = 0; k < n; k++) partial[k] += row[k]!;
    }
    for (let k = 0; k < n; k++) totals[k] += partial[k]!;
  }
  return totals;
}

class GraphCutOracle implements GainOracle {
  readonly n: number;
  /** S[k] = Σ_{j chosen} K[k,j]. */
  private readonly similarityToSelection: Float64Array;
  private readonly scratch: Float32Array;

  constructor(
    private readonly kernel: DenseKernel,
    private readonly totals: Float64Array,
    private readonly lambda32: number,
  ) {
    this.n = kernel.n;
    this.similarityToSelection = new Float64Array(kernel.n);
    this.scratch = new Float32Array(kernel.n);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    const { n, data } = this.kernel;
    const twoLambda = Math.fround(2 * this.lambda32);
    const out = new Float64Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      const self = Math.fround(this.lambda32 * data[k * n + k]!);
      out[c] = this.totals[k]! - twoLambda * this.similarityToSelection[k]! - self;
    }
    return out;
  }

  async commit(j: number): Promise<void> {
    const column = kernelColumn(this.kernel, j, this.scratch); // K[k,j] for every k
    for (let k = 0; k < this.n; k++) this.similarityToSelection[k] += column[k]!;
  }
}

/**
 * Graph cut f(S) = Σ_{i∈V} Σ_{j∈S} K[i,j] − λ Σ_{i,j∈S} K[i,j], with submodlib's arithmetic: λ in float32, the
 * self term λ·K[k,k] a float32 product. With negative similarities it is not submodular.
 */
export function graphCut(kernel: DenseKernel, lambda: number): SetFunction {
  checkKernel(kernel);
  if (!Number.isFinite(lambda)) throw new RangeError(`graph cut: λ must be finite, got ${lambda}`);
  const lambda32 = Math.fround(lambda);
  let totals: Float64Array | undefined;
  const columnTotalsOnce = () => (totals ??= columnTotals(kernel));
  return {
    name: 'gc',
    n: kernel.n,
    oracle: () => new GraphCutOracle(kernel, columnTotalsOnce(), lambda32),
    evaluate(set) {
      const t = columnTotalsOnce();
      const { n, data } = kernel;
      let value = 0;
      for (let a = 0; a < set.length; a++) value += t[set[a]!]!;
      for (let a = 0; a < set.length; a++) {
        const row = set[a]! * n;
        for (let b = 0; b < set.length; b++) value -= Math.fround(lambda32 * data[row + set[b]!]!);
      }
      return value;
    },
  };
}
