/** How token vectors become one text vector. */
export type Pooling = 'mean' | 'cls';

/**
 * Pools row `b` of a [batch, length, hidden] output into `out`: the mean over the tokens the attention mask keeps
 * (padding never counts), or the first token's vector (CLS).
 */
export function poolRow(
  hidden: Float32Array,
  b: number,
  length: number,
  dim: number,
  tokens: number,
  pooling: Pooling,
  out: Float32Array,
): void {
  const base = b * length * dim;
  if (pooling === 'cls') {
    out.set(hidden.subarray(base, base + dim));
    return;
  }
  out.fill(0);
  for (let t = 0; t < tokens; t++) {
    const row = base + t * dim;
    for (let f = 0; f < dim; f++) out[f]! += hidden[row + f]!;
  }
  for (let f = 0; f < dim; f++) out[f] = out[f]! / tokens;
}

/** Scales `v` to unit Euclidean length in place (a zero vector stays zero). */
export function l2Normalize(v: Float32Array): void {
  let sum = 0;
  for (let f = 0; f < v.length; f++) sum += v[f]! * v[f]!;
  if (sum === 0) return;
  const scale = 1 / Math.sqrt(sum);
  for (let f = 0; f < v.length; f++) v[f] = v[f]! * scale;
}
