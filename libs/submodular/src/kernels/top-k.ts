/**
 * Each query's k largest similarities, in one total order — value descending, then index ascending — so that the
 * top k of any split of the candidates, merged under the same order, are exactly the top k of all of them: the kNN
 * lists do not depend on how rows are spread over workers. Similarities are finite (cosine values).
 */

/** `count` queries' lists of `width` (index, similarity) pairs each, best first, row-major. */
export interface TopKLists {
  readonly count: number;
  readonly width: number;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Whether (va, ia) comes before (vb, ib): a larger value, or an equal value at a smaller index. */
export function ranksBefore(va: number, ia: number, vb: number, ib: number): boolean {
  return va > vb || (va === vb && ia < ib);
}

/**
 * Running top-`width` selection for `count` queries at once: one bounded heap per query whose root is its worst kept
 * pair, so a candidate below the root — nearly all of them once the heap is full — costs one comparison.
 */
export class TopKSelector {
  private readonly indices: Int32Array;
  private readonly values: Float32Array;
  private readonly sizes: Int32Array;

  constructor(
    readonly count: number,
    readonly width: number,
  ) {
    this.indices = new Int32Array(count * width);
    this.values = new Float32Array(count * width);
    this.sizes = new Int32Array(count);
  }

  /** Offers query q the similarities `values[t]` of elements firstIndex + t. */
  offer(q: number, values: Float32Array, firstIndex: number): void {
    const { width } = this;
    const base = q * width;
    let size = this.sizes[q]!;
    let t = 0;
    for (; t < values.length && size < width; t++) {
      this.values[base + size] = values[t]!;
      this.indices[base + size++] = firstIndex + t;
      if (size === width) for (let at = (width >> 1) - 1; at >= 0; at--) this.siftDown(base, width, at);
    }
    this.sizes[q] = size;
    if (t === values.length) return;
    let worstValue = this.values[base]!;
    for (; t < values.length; t++) {
      const v = values[t]!;
      if (v < worstValue) continue;
      if (ranksBefore(v, firstIndex + t, worstValue, this.indices[base]!)) {
        this.values[base] = v;
        this.indices[base] = firstIndex + t;
        this.siftDown(base, width, 0);
        worstValue = this.values[base]!;
      }
    }
  }

  /** Moves the pair at heap position `at` down until both children rank before it (the root is the worst). */
  private siftDown(base: number, size: number, at: number): void {
    const { values, indices } = this;
    const v = values[base + at]!;
    const i = indices[base + at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (
        right < size &&
        ranksBefore(
          values[base + child]!,
          indices[base + child]!,
          values[base + right]!,
          indices[base + right]!,
        )
      )
        child = right;
      if (!ranksBefore(v, i, values[base + child]!, indices[base + child]!)) break;
      values[base + at] = values[base + child]!;
      indices[base + at] = indices[base + child]!;
      at = child;
    }
    values[base + at] = v;
    indices[base + at] = i;
  }

  /** The lists, best first (each query must have been offered at least `width` elements). */
  finish(): TopKLists {
    const { count, width, values, indices } = this;
    for (let q = 0; q < count; q++) {
      if (this.sizes[q] !== width)
        throw new RangeError(`top-k: query ${q} was offered ${this.sizes[q]} elements, fewer than ${width}`);
      // Heapsort: each step moves the worst remaining pair to the end, leaving the list best first.
      const base = q * width;
      for (let end = width - 1; end > 0; end--) {
        const v = values[base + end]!;
        const i = indices[base + end]!;
        values[base + end] = values[base]!;
        indices[base + end] = indices[base]!;
        values[base] = v;
        indices[base] = i;
        this.siftDown(base, end, 0);
      }
    }
    return { count, width, indices, values };
  }
}

/**
 * The top `k` of each query over several parts' lists for the same queries (each best first, as TopKSelector
 * gives them): a merge under the same order, so the result equals the top k of the union.
 */
export function mergeTopK(parts: readonly TopKLists[], k: number): TopKLists {
  const count = parts[0]?.count ?? 0;
  if (parts.some((part) => part.count !== count))
    throw new RangeError('top-k merge: parts answer different queries');
  const width = Math.min(
    k,
    parts.reduce((sum, part) => sum + part.width, 0),
  );
  const indices = new Int32Array(count * width);
  const values = new Float32Array(count * width);
  const heads = new Int32Array(parts.length);
  for (let q = 0; q < count; q++) {
    heads.fill(0);
    for (let out = q * width, end = out + width; out < end; out++) {
      let best = -1;
      for (let p = 0; p < parts.length; p++) {
        const part = parts[p]!;
        if (heads[p] === part.width) continue;
        const at = q * part.width + heads[p]!;
        if (best < 0) best = p;
        else {
          const other = parts[best]!;
          const bestAt = q * other.width + heads[best]!;
          if (ranksBefore(part.values[at]!, part.indices[at]!, other.values[bestAt]!, other.indices[bestAt]!))
            best = p;
        }
      }
      const chosen = parts[best]!;
      const at = q * chosen.width + heads[best]!++;
      indices[out] = chosen.indices[at]!;
      values[out] = chosen.values[at]!;
    }
  }
  return { count, width, indices, values };
}
