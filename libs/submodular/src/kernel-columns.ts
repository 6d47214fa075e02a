import type { DenseKernel } from './types.js';
import { gatherUpperColumn, TILE, tilesPerSide, upperIndex, upperValueCount } from './upper-tiles.js';

/** Columns gathered per pass over the rows of an asymmetric full kernel (the gather buffer is this many columns). */
const GATHER_COLUMNS = 32;

/** Values a kernel of this layout holds: n² in full, the tiles on and above the diagonal (upper-tiles.ts). */
export function kernelValueCount(layout: DenseKernel['layout'], n: number): number {
  return layout === 'full' ? n * n : upperValueCount(n);
}

/** K[r,c] for any r, c (random access: lists of rows, diagonals, submatrices). */
export function entryReader(kernel: DenseKernel): (r: number, c: number) => number {
  const { n, data } = kernel;
  if (kernel.layout === 'full') return (r, c) => data[r * n + c]!;
  const t = tilesPerSide(n);
  return (r, c) => (r <= c ? data[upperIndex(t, r, c)]! : data[upperIndex(t, c, r)]!);
}

/**
 * Where forEachColumn gathers columns. It remembers the column it last gathered from an upper kernel, so asking for
 * that column again (a greedy's commit right after evaluating the same element) costs no second gather.
 */
export class ColumnScratch {
  readonly buffer: Float32Array;
  private held = -1;

  /** Empty for a symmetric full kernel, which hands out rows and needs no buffer. */
  constructor(kernel: DenseKernel) {
    const { n } = kernel;
    // An upper kernel's column is gathered tile by tile, padding included.
    const length =
      kernel.layout === 'upper'
        ? tilesPerSide(n) * TILE
        : kernel.symmetric
          ? 0
          : Math.min(GATHER_COLUMNS, n) * n;
    this.buffer = new Float32Array(length);
  }

  /** Column k of an upper kernel, gathered unless it is the one already held. */
  upperColumn(n: number, data: Float32Array, k: number): Float32Array {
    if (this.held !== k) {
      gatherUpperColumn(n, data, k, this.buffer);
      this.held = k;
    }
    return this.buffer.subarray(0, n);
  }

  /** The buffer is about to be overwritten by something else. */
  forget(): void {
    this.held = -1;
  }
}

/**
 * Calls `visit(c, column)` with column candidates[c] of the kernel (K[·,k], length n) for every c in order.
 * A symmetric full kernel hands out row k as a zero-copy view; an upper kernel gathers each column; an asymmetric
 * full kernel gathers GATHER_COLUMNS columns at a time, walking the rows once per group rather than once per column.
 * A column is valid only during its visit, which must not modify it.
 */
export function forEachColumn(
  kernel: DenseKernel,
  candidates: Int32Array,
  scratch: ColumnScratch,
  visit: (c: number, column: Float32Array) => void,
): void {
  const { n, data } = kernel;
  if (kernel.layout === 'upper') {
    for (let c = 0; c < candidates.length; c++) visit(c, scratch.upperColumn(n, data, candidates[c]!));
    return;
  }
  if (kernel.symmetric) {
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      visit(c, data.subarray(k * n, (k + 1) * n));
    }
    return;
  }
  const buffer = scratch.buffer;
  scratch.forget();
  for (let first = 0; first < candidates.length; first += GATHER_COLUMNS) {
    const count = Math.min(GATHER_COLUMNS, candidates.length - first);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let g = 0; g < count; g++) buffer[g * n + i] = data[row + candidates[first + g]!]!;
    }
    for (let g = 0; g < count; g++) visit(first + g, buffer.subarray(g * n, (g + 1) * n));
  }
}
