/**
 * A model-free text embedder: signed feature hashing (Weinberger et al. 2009) of lower-cased word unigrams and
 * bigrams into `dim` buckets, L2-normalised. Deterministic, instant and dependency-free, it is what smartmix uses when
 * no embedding model is configured (small samples, tests, CI); prompts that share words land close together, which
 * is what SMART's selection needs, but it knows nothing of meaning — point smartmix at a sentence encoder for
 * real mixtures.
 */
export const HASHING_EMBEDDER_ID = 'hashing-v1';

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function hashingEmbedding(
  text: string,
  dim: number,
  out: Float32Array = new Float32Array(dim),
): Float32Array {
  out.fill(0);
  const words = text.toLowerCase().match(WORD) ?? [];
  const add = (feature: string) => {
    const h = fnv1a(feature, 0);
    out[h % dim]! += (fnv1a(feature, 0x9e3779b9) & 1) === 0 ? 1 : -1;
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i]!);
    if (i > 0) add(`${words[i - 1]} ${words[i]}`);
  }
  let norm = 0;
  for (let f = 0; f < dim; f++) norm += out[f]! * out[f]!;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let f = 0; f < dim; f++) out[f] = out[f]! * scale;
  }
  return out;
}
