/**
 * Gini coefficient of non-negative values: 0 when all are equal, → 1 when one holds everything. Computed on the
 * sorted values as Σ (2i − n − 1)·x_i / (n·Σx), i = 1 … n.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => {
    weighted += (2 * (i + 1) - n - 1) * x;
  });
  return weighted / (n * total);
}
