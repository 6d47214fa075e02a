/**
 * Facility location's sparse bookkeeping. A row i is "open" for candidate k while K[i,k] > memo[i]. Memo values only
 * grow, so a row once closed for k stays closed: after one full scan, k's later gains need only the rows that were
 * open then, visited in the same (ground-set) order, and they add exactly the terms a full scan would add, with the
 * same bits. Late in a greedy run a handful of rows stay open, so this turns O(n) evaluations into O(open rows).
 *
 * A list is kept only while it has at most `capacity` rows (⌈n/16⌉, at least 64), which bounds the memory at
 * n·capacity·4 bytes, 1/16 of the kernel's (in practice far less: lists shrink as the selection grows);
 * candidates with more open rows are simply scanned in full.
 */
export class OpenRows {
  readonly capacity: number;
  private readonly lists: (Int32Array | undefined)[];
  private readonly lengths: Int32Array;

  constructor(n: number) {
    this.capacity = Math.max(64, Math.ceil(n / 16));
    this.lists = new Array<Int32Array | undefined>(n);
    this.lengths = new Int32Array(n);
  }

  /** k's open rows in ground-set order (the first length(k) entries), or undefined when k needs a full scan. */
  list(k: number): Int32Array | undefined {
    return this.lists[k];
  }

  length(k: number): number {
    return this.lengths[k]!;
  }

  /** After a sparse evaluation compacted k's list in place to its first `length` entries. */
  shrink(k: number, length: number): void {
    this.lengths[k] = length;
  }

  /** Records the first `length` (≤ capacity) entries of `rows` as k's list (copied). */
  keep(k: number, rows: Int32Array, length: number): void {
    this.lists[k] = rows.slice(0, length);
    this.lengths[k] = length;
  }

  /** Forgets k's list (k was chosen: no gain of it will be asked for again by a greedy). */
  drop(k: number): void {
    this.lists[k] = undefined;
  }
}
