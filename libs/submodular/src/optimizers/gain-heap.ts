/**
 * A binary max-heap of (gain, element) pairs on parallel typed arrays, ordered by gain and then by element, larger
 * on top — the order of C++'s std::priority_queue<std::pair<double, long>> that submodlib's lazy greedy uses.
 * Elements are unique, so the order is total and the top never depends on insertion history.
 */
export class GainHeap {
  private readonly gains: Float64Array;
  private readonly elements: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.gains = new Float64Array(capacity);
    this.elements = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  private above(a: number, b: number): boolean {
    const ga = this.gains[a]!;
    const gb = this.gains[b]!;
    return ga > gb || (ga === gb && this.elements[a]! > this.elements[b]!);
  }

  private swap(a: number, b: number): void {
    const g = this.gains[a]!;
    this.gains[a] = this.gains[b]!;
    this.gains[b] = g;
    const e = this.elements[a]!;
    this.elements[a] = this.elements[b]!;
    this.elements[b] = e;
  }

  push(gain: number, element: number): void {
    let i = this.count++;
    this.gains[i] = gain;
    this.elements[i] = element;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  topGain(): number {
    return this.gains[0]!;
  }

  topElement(): number {
    return this.elements[0]!;
  }

  /** Removes the top; read it first with topGain/topElement. */
  pop(): void {
    const last = --this.count;
    if (last === 0) return;
    this.gains[0] = this.gains[last]!;
    this.elements[0] = this.elements[last]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.above(right, left) ? right : left;
      if (!this.above(child, i)) break;
      this.swap(i, child);
      i = child;
    }
  }

  /** The element stored at heap position i (0 ≤ i < size): used to pick prefetch candidates near the top. */
  elementAt(i: number): number {
    return this.elements[i]!;
  }
}
