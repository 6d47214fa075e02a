import type { Rng } from '../rng.js';

/** ⌊(n/budget)·ln(1/ε)⌋ clamped to [1, remaining]: the sample size of stochastic greedy (Mirzasoleiman et al. 2015). */
export function sampleSize(n: number, budget: number, epsilon: number, remaining: number): number {
  return Math.min(remaining, Math.max(1, Math.floor((n / budget) * Math.log(1 / epsilon))));
}

/**
 * The unchosen elements, kept in an array with each one's position, so a uniform sample of distinct elements is a
 * partial Fisher–Yates shuffle of the front and removing a chosen element is O(1).
 */
export class Remaining {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  private count: number;

  constructor(n: number) {
    this.items = Int32Array.from({ length: n }, (_, i) => i);
    this.position = Int32Array.from({ length: n }, (_, i) => i);
    this.count = n;
  }

  get size(): number {
    return this.count;
  }

  private swap(a: number, b: number): void {
    const x = this.items[a]!;
    const y = this.items[b]!;
    this.items[a] = y;
    this.items[b] = x;
    this.position[y] = a;
    this.position[x] = b;
  }

  /** `size` distinct uniformly drawn unchosen elements. */
  sample(size: number, rng: Rng): Int32Array {
    for (let i = 0; i < size; i++) this.swap(i, i + rng.nextInt(this.count - i));
    return this.items.slice(0, size);
  }

  remove(element: number): void {
    this.swap(this.position[element]!, this.count - 1);
    this.count--;
  }
}

/** Index of the best gain; exact ties go to the larger element, as in the deterministic optimizers. */
export function bestOf(elements: Int32Array, gains: Float64Array): number {
  let best = 0;
  for (let c = 1; c < elements.length; c++) {
    if (gains[c]! > gains[best]! || (gains[c] === gains[best] && elements[c]! > elements[best]!)) best = c;
  }
  return best;
}
