import { kernelValueCount } from '../kernel-columns.js';
import type { UpperKernel } from '../types.js';
import { tilesPerSide, upperIndex } from '../upper-tiles.js';

/**
 * The kernel submodlib builds itself from data (fixture variant `fl_data`), reproduced bit for bit:
 * dot and squared norms are float32 sums of float32 products accumulated sequentially over features (no FMA),
 * K[r,c] = float32(dot / float32(|x_r|·|x_c|)) (0 when that product is 0), and the diagonal is exactly 1.
 * This is scalar O(n²·d) work by design: exactness, not speed, is its job (use 'sijs' for large n).
 */
export function exactDataKernel(x: Float32Array, n: number, d: number): UpperKernel {
  const f32 = Math.fround;
  const norms = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let f = 0; f < d; f++) s = f32(s + f32(x[r * d + f] * x[r * d + f]));
    norms[r] = f32(Math.sqrt(s));
  }
  const data = new Float32Array(kernelValueCount('upper', n));
  const t = tilesPerSide(n);
  for (let r = 0; r < n; r++) {
    data[upperIndex(t, r, r)] = 1;
    for (let c = r + 1; c < n; c++) {
      let dot = 0;
      for (let f = 0; f < d; f++) dot = f32(dot + f32(x[r * d + f] * x[c * d + f]));
      const denominator = f32(norms[r] * norms[c]);
      const value = denominator === 0 ? 0 : f32(dot / denominator);
      data[upperIndex(t, r, c)] = value;
      // A diagonal tile holds both triangles.
      if (r >> 2 === c >> 2) data[upperIndex(t, c, r)] = value;
    }
  }
  return { layout: 'upper', n, data };
}
