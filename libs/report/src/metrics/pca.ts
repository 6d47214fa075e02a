/** Power-iteration steps per component: ample for the well-separated top components of task embeddings. */
const ITERATIONS = 300;

/**
 * The first two principal components of the rows of an m×d matrix, as m (x, y) points: rows centred, covariance in
 * float64, components by power iteration from a fixed start with deflation, each signed so that its largest
 * coordinate is positive. Deterministic: the same input gives the same picture.
 */
export function pca2(data: Float32Array, m: number, d: number): [number, number][] {
  const mean = new Float64Array(d);
  for (let r = 0; r < m; r++) for (let f = 0; f < d; f++) mean[f] += data[r * d + f]! / m;
  const centred = new Float64Array(m * d);
  for (let r = 0; r < m; r++) for (let f = 0; f < d; f++) centred[r * d + f] = data[r * d + f]! - mean[f]!;
  const cov = new Float64Array(d * d);
  for (let r = 0; r < m; r++) {
    for (let a = 0; a < d; a++) {
      const x = centred[r * d + a]!;
      if (x === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b] += x * centred[r * d + b]!;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a]!;
  const components: Float64Array[] = [];
  for (let c = 0; c < 2; c++) {
    let v = Float64Array.from({ length: d }, (_, f) => 1 + f / d);
    for (let it = 0; it < ITERATIONS; it++) {
      const next = new Float64Array(d);
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let b = 0; b < d; b++) s += cov[a * d + b]! * v[b]!;
        next[a] = s;
      }
      for (const u of components) {
        const dot = next.reduce((acc, x, f) => acc + x * u[f]!, 0);
        for (let f = 0; f < d; f++) next[f] -= dot * u[f]!;
      }
      const norm = Math.hypot(...next);
      if (norm === 0) {
        v = new Float64Array(d); // fewer than c+1 independent directions: this axis is flat
        break;
      }
      v = next.map((x) => x / norm);
    }
    let largest = 0;
    for (let f = 0; f < d; f++) if (Math.abs(v[f]!) > Math.abs(v[largest]!)) largest = f;
    if (v[largest]! < 0) v = v.map((x) => -x);
    components.push(v);
  }
  return Array.from({ length: m }, (_, r) => {
    const row = centred.subarray(r * d, (r + 1) * d);
    const project = (u: Float64Array) => row.reduce((acc, x, f) => acc + x * u[f]!, 0);
    return [project(components[0]!), project(components[1]!)];
  });
}
