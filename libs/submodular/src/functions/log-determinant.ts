import { entryReader } from '../kernel-columns.js';
import type { DenseKernel, GainOracle, SetFunction } from '../types.js';
import { checkCandidates, checkCommit, checkKernel, checkLambda, checkSet } from '../validate.js';

/**
 * Incremental Cholesky state of log det(K_S + λI), exactly as submodlib keeps it: d[k] is k's current pivot, c[k]
 * its Cholesky entries against the items chosen before the most recent one, p that most recent item.
 * Entries of c are stored row-wise in a growing Float64Array (n × capacity).
 */
class LogDeterminantState {
  private readonly n: number;
  private readonly pivot: Float64Array;
  /** Flags the items added so far. */
  readonly chosen: Uint8Array;
  private cholesky: Float64Array;
  private capacity = 0;
  /** Length of every c[k] (the number of items chosen before the most recent). */
  private length = 0;
  private previous = -1;
  private readonly kernelEntry: (r: number, c: number) => number;

  constructor(kernel: DenseKernel, lambda: number) {
    const { n } = kernel;
    this.n = n;
    this.kernelEntry = entryReader(kernel);
    this.pivot = new Float64Array(n);
    for (let k = 0; k < n; k++) this.pivot[k] = Math.sqrt(this.kernelEntry(k, k) + lambda);
    this.chosen = new Uint8Array(n);
    this.cholesky = new Float64Array(0);
  }

  /** e[k]: k's new Cholesky entry against the most recent item p. */
  private entry(k: number): number {
    const p = this.previous;
    const cap = this.capacity;
    let dot = 0;
    for (let t = 0; t < this.length; t++) dot += this.cholesky[p * cap + t]! * this.cholesky[k * cap + t]!;
    return (this.kernelEntry(p, k) - dot) / this.pivot[p]!;
  }

  gain(k: number): number {
    const d = this.pivot[k]!;
    if (this.previous < 0) return Math.log(d * d);
    const e = this.entry(k);
    return Math.log(d * d - e * e);
  }

  private grow(): void {
    const capacity = Math.max(8, this.capacity * 2);
    const next = new Float64Array(this.n * capacity);
    for (let k = 0; k < this.n; k++) {
      next.set(this.cholesky.subarray(k * this.capacity, k * this.capacity + this.length), k * capacity);
    }
    this.cholesky = next;
    this.capacity = capacity;
  }

  add(item: number): void {
    if (this.previous >= 0) {
      if (this.length === this.capacity) this.grow();
      // Every not-yet-chosen item, the new one included, takes its entry against p. An update writes only
      // position `length` of c[k], which entry() does not read, so updating in place is safe.
      for (let k = 0; k < this.n; k++) {
        if (this.chosen[k]) continue;
        const e = this.entry(k);
        this.cholesky[k * this.capacity + this.length] = e;
        this.pivot[k] = Math.sqrt(this.pivot[k]! * this.pivot[k]! - e * e);
      }
      this.length++;
    }
    this.chosen[item] = 1;
    this.previous = item;
  }
}

class LogDeterminantOracle implements GainOracle {
  readonly n: number;
  private readonly state: LogDeterminantState;

  constructor(kernel: DenseKernel, lambda: number) {
    this.n = kernel.n;
    this.state = new LogDeterminantState(kernel, lambda);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    const out = new Float64Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) out[c] = this.state.gain(candidates[c]!);
    return out;
  }

  async commit(k: number): Promise<void> {
    checkCommit(k, this.n, this.state.chosen);
    this.state.add(k);
  }
}

/** Log-determinant f(S) = log det(K_S + λI) (λ on the diagonal only), in float64 over the float32 kernel. */
export function logDeterminant(kernel: DenseKernel, lambda: number): SetFunction {
  checkKernel(kernel);
  checkLambda('log-determinant', lambda);
  return {
    name: 'logdet',
    n: kernel.n,
    oracle: () => new LogDeterminantOracle(kernel, lambda),
    evaluate(set) {
      checkSet(set, kernel.n);
      // The same recursion on the subset alone: Σ of the gains of adding its items in order.
      const size = set.length;
      const entry = entryReader(kernel);
      const sub = new Float32Array(size * size);
      for (let a = 0; a < size; a++)
        for (let b = 0; b < size; b++) sub[a * size + b] = entry(set[a]!, set[b]!);
      const state = new LogDeterminantState({ layout: 'full', n: size, data: sub, symmetric: false }, lambda);
      let value = 0;
      for (let a = 0; a < size; a++) {
        value += state.gain(a);
        state.add(a);
      }
      return value;
    },
  };
}
