/**
 * The 'upper' kernel layout: an exactly symmetric n×n kernel stored as the tiles on and above its diagonal.
 *
 * The matrix is cut into 4×4 tiles (n padded up to a multiple of 4); tile (I, J) for I ≤ J holds K[4I+a, 4J+b] at
 * b·4 + a (column-major), so one tile is 16 floats, a 64-byte cache line, and a column of a tile is 16 contiguous
 * bytes, which never straddle two cache lines (array buffers are 16-byte aligned; 64-byte alignment cannot be asked
 * for from JavaScript). Tile row I stores its tiles (I, I), (I, I+1), … one after another. Diagonal tiles are
 * stored whole (both of their triangles).
 *
 * Why tiles rather than the rows of the triangle one after another: a greedy reads kernel columns, and column k of
 * a half-stored matrix is half a row (contiguous) and half a column (one value per stored row). Row after row, that
 * second half costs a cache miss per value; in tiles it costs one per four values, and the row half reads whole
 * tiles in memory order. Memory stays n²/2 floats (plus the diagonal tiles' lower halves and the padding).
 */

export const TILE = 4;
const TILE_VALUES = TILE * TILE;

/** Tiles per side: ⌈n/4⌉. */
export function tilesPerSide(n: number): number {
  return Math.ceil(n / TILE);
}

/** Values the layout holds for n elements: 16 per tile on or above the diagonal. */
export function upperValueCount(n: number): number {
  const t = tilesPerSide(n);
  return (TILE_VALUES * t * (t + 1)) / 2;
}

/**
 * Position of tile (I, J), I ≤ J: tile rows before I hold Σ_{s<I} (t − s) tiles. Exact in float64 for any layout
 * that fits a typed array.
 */
function tileOffset(t: number, I: number, J: number): number {
  return TILE_VALUES * (I * t - (I * (I - 1)) / 2 + (J - I));
}

/** Index of K[r,c] for r ≤ c, or for r, c in the same diagonal tile. */
export function upperIndex(t: number, r: number, c: number): number {
  return tileOffset(t, r >> 2, c >> 2) + (c & 3) * TILE + (r & 3);
}

/**
 * Stores row r's values on and above the diagonal tiles: `values[j]` is K[r, from + j] for from + j in
 * [4⌊r/4⌋, n) — from must be at most 4⌊r/4⌋, so that r's diagonal tile gets the values left of the diagonal too.
 */
export function storeUpperRow(
  data: Float32Array,
  n: number,
  r: number,
  values: Float32Array,
  from: number,
): void {
  const t = tilesPerSide(n);
  const first = r & ~3;
  if (from > first) throw new RangeError(`row ${r} must start at column ${first} or before, not ${from}`);
  let at = tileOffset(t, r >> 2, r >> 2) + (r & 3);
  for (let c = first; c < n; c += TILE, at += TILE_VALUES) {
    const count = Math.min(TILE, n - c);
    for (let b = 0; b < count; b++) data[at + b * TILE] = values[c - from + b]!;
  }
}

/** Column k (= row k) into out[0 … 4⌈n/4⌉) (padding rows included). */
export function gatherUpperColumn(n: number, data: Float32Array, k: number, out: Float32Array): void {
  const t = tilesPerSide(n);
  const J = k >> 2;
  const b = k & 3;
  // Tiles (I, J) above and on the diagonal: their column b (contiguous) holds K[4I+a, k]. Tile (I+1, J) lies
  // t − I − 1 tiles after tile (I, J) (one tile row further, one tile shorter).
  let i = 0;
  for (let I = 0, at = tileOffset(t, 0, J) + b * TILE; I <= J; I++, i += TILE, at += TILE_VALUES * (t - I)) {
    out[i] = data[at]!;
    out[i + 1] = data[at + 1]!;
    out[i + 2] = data[at + 2]!;
    out[i + 3] = data[at + 3]!;
  }
  // Tiles (J, I) right of the diagonal, consecutive in memory: their row b holds K[k, 4I+a] = K[4I+a, k].
  for (let I = J + 1, at = tileOffset(t, J, I) + b; I < t; I++, i += TILE, at += TILE_VALUES) {
    out[i] = data[at]!;
    out[i + 1] = data[at + TILE]!;
    out[i + 2] = data[at + 2 * TILE]!;
    out[i + 3] = data[at + 3 * TILE]!;
  }
}

/**
 * Calls visit(r, c, K[r,c]) for every stored value of the n×n matrix in memory order: each pair r < c at least once
 * (diagonal tiles give both (r, c) and (c, r)), and every diagonal value.
 */
export function forEachUpperValue(
  n: number,
  data: Float32Array,
  visit: (r: number, c: number, value: number) => void,
): void {
  const t = tilesPerSide(n);
  let at = 0;
  for (let I = 0; I < t; I++) {
    for (let J = I; J < t; J++, at += TILE_VALUES) {
      for (let b = 0; b < TILE && TILE * J + b < n; b++) {
        for (let a = 0; a < TILE && TILE * I + a < n; a++)
          visit(TILE * I + a, TILE * J + b, data[at + b * TILE + a]!);
      }
    }
  }
}
