/** Second-order Taylor softmax at temperature 1: q = (1 + g) + g²/2, p = q / Σq (Σ in greedy order, float64). */
export function taylorSoftmax(gains: readonly number[]): number[] {
  const q = gains.map((g) => 1 + g + (g * g) / 2);
  let sum = 0;
  for (const v of q) sum += v;
  return q.map((v) => v / sum);
}
