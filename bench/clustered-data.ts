import { createRng } from '@smartmix/submodular';

/**
 * Seeded clustered data for benchmarks: `clusters` Gaussian blobs (unit-variance centres, spread 0.3) in d
 * dimensions, rows assigned round-robin, float32 row-major. The same arguments always give the same bytes.
 */
export function clusteredData(n: number, d: number, seed: number, clusters = 50): Float32Array {
  const rng = createRng(seed);
  const gaussian = () => {
    // Box–Muller; 1 − u keeps log's argument in (0, 1].
    const u = 1 - rng.nextFloat();
    const v = rng.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const centres = new Float64Array(clusters * d);
  for (let i = 0; i < centres.length; i++) centres[i] = gaussian();
  const out = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    const c = r % clusters;
    for (let f = 0; f < d; f++) out[r * d + f] = centres[c * d + f] + 0.3 * gaussian();
  }
  return out;
}
