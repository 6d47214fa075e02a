import type { FullKernel, GainOracle } from '@smartmix/submodular';

/** Rows [start, end) of the summation blocks of n rows, block 0 first (rows n−1 … n−8192), written out by hand. */
export function handBlocks(n: number): [start: number, end: number][] {
  const blocks: [number, number][] = [];
  for (let end = n; end > 0; end -= 8192) blocks.push([Math.max(0, end - 8192), end]);
  return blocks;
}

/**
 * Facility location straight from the fixture README, with none of the library's machinery (no open-row lists,
 * no column gathers, no branch-free sums): every gain is a fresh blocked scan of K[·,k] against the memo.
 */
export function referenceFacilityLocation(kernel: FullKernel): GainOracle {
  const { n, data } = kernel;
  const memo = new Float32Array(n);
  return {
    n,
    async gains(candidates) {
      return Float64Array.from(candidates, (k) => {
        let total = 0;
        for (const [start, end] of handBlocks(n)) {
          let sum = 0;
          for (let i = end - 1; i >= start; i--) {
            const v = data[i * n + k]!;
            if (v > memo[i]!) sum += Math.fround(v - memo[i]!);
          }
          total += sum;
        }
        return total;
      });
    },
    async commit(k) {
      for (let i = 0; i < n; i++) memo[i] = Math.max(memo[i]!, data[i * n + k]!);
    },
  };
}
