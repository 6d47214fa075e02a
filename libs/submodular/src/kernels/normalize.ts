/**
 * Unit-normalises each row in float32, as scikit-learn's `normalize` does before its float32 cosine product:
 * norm = sqrt(Σ x²) rounded to float32, every element divided by it; all-zero rows stay zero.
 * The squares are accumulated in float64, so the only float32 roundings are the norm and the quotient.
 */
export function normalizeRows(x: Float32Array, n: number, d: number): Float32Array {
  const out = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    const base = r * d;
    let sum = 0;
    for (let f = 0; f < d; f++) sum += x[base + f] * x[base + f];
    const norm = Math.fround(Math.sqrt(sum));
    if (norm === 0) continue;
    for (let f = 0; f < d; f++) out[base + f] = x[base + f] / norm;
  }
  return out;
}
