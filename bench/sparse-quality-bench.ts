import { runSelection } from '@smartmix/submodular';
import { clusteredData } from './clustered-data.js';
import { exactFacilityLocationValue } from './exact-value.js';
import { DATA_SEED } from './select-bench.js';

export interface SparseQualityCase {
  n: number;
  budget: number;
  numNeighbors: number;
}

export const sparseQualityName = ({ n, budget, numNeighbors }: SparseQualityCase) =>
  `select-fl-sparse${numNeighbors}-quality-n${n}-b${budget}`;

/**
 * How good sparse (kNN) facility location's selection is as a facility-location selection: lazy greedy on the kNN
 * kernel versus lazy greedy on the exact kernel, both in this process on the select benchmarks' data, each selection
 * valued under exact facility location. At a size where the exact greedy is cheap.
 */
export async function sparseQualityBench(bench: SparseQualityCase) {
  const { n, budget, numNeighbors } = bench;
  const d = 384;
  const data = clusteredData(n, d, DATA_SEED);
  const common = {
    embeddings: { rows: n, cols: d, data },
    function: 'fl' as const,
    budget,
    optimizer: 'lazy' as const,
  };
  const exact = await runSelection(common);
  const sparse = await runSelection({ ...common, kernelMode: 'sparse', numNeighbors });
  const sparseExactValue = await exactFacilityLocationValue(data, n, d, sparse.order);
  const chosenByBoth = sparse.order.filter((k) => new Set(exact.order).has(k)).length;
  return {
    name: sparseQualityName(bench),
    n,
    d,
    budget,
    numNeighbors,
    exactGreedy: { value: exact.value, seconds: exact.seconds },
    sparseGreedy: { sparseValue: sparse.value, exactValue: sparseExactValue, seconds: sparse.seconds },
    /** Exact f of the sparse selection over exact f of the exact selection. */
    valueRatio: sparseExactValue / exact.value,
    /** Fraction of the sparse selection that the exact greedy chose too. */
    overlap: chosenByBoth / budget,
  };
}
