import type { DenseKernel } from '../types.js';

/**
 * The kernel submodlib builds itself from data (fixture variant `fl_data`), reproduced bit for bit:
 * dot and squared norms are float32 sums of float32 products accumulated sequentially over features (no FMA),
 * K[r,c] = float32(dot / float32(|x_r|·|x_c|)) (0 when that product is 0), and the diagonal is exactly 1.
 * This is scalar O(n²·d) work by design: exactness, not speed, is its job (use 'sijs' for large n).
 */
export function exactDataKernel(x: Float32Array, n: number, d: number): DenseKernel {
  const f32 = Math.fround;
  const norms = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let f = 0; f < d; f++) s = f32(s + f32(x[r * d + f] * x[r * d + f]));
    norms[r] = f32(Math.sqrt(s));
  }
  const data = new Float32Array(n * n);
  for (let r = 0; r < n; r++) {
    data[r * n + r] = 1;
    for (let c = r + 1; c < n; c++) {
      let dot = 0;
      for (let f = 0; f < d; f++) dot = f32(dot + f32(x[r * d + f] * x[c * d + f]));
      const denominator = f32(norms[r] * norms[c]);
      const value = denominator === 0 ? 0 : f32(dot / denominator);
      data[r * n + c] = value;
      data[c * n + r] = value;
    }
  }
  return { n, data, symmetric: true };
}
