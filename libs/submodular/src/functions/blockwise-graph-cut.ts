import type { SimilarityBlockRunner } from '@smartmix/onnx';
import type { GainOracle } from '../types.js';
import { checkCandidates, checkCommit, checkSet } from '../validate.js';
import type { FacilityLocationPart } from './facility-location-shard.js';

/** Candidates per GEMM when bringing sums up to date, and column totals requested from the shards at once. */
const CANDIDATE_BATCH = 128;
const TOTALS_BATCH = 4096;
/** Selected rows per GEMM (the B operand). */
const SELECTION_CHUNK = 2048;
/** Rows per diagonal block: the canonical runner's minimum for B, so no row is padded twice. */
const DIAGONAL_BLOCK = 256;

/**
 * Graph cut's column totals T[k] = Σ_j K[j,k] from shards that own whole summation blocks: each answers its blocks'
 * sums, added here in block order — the blocked sum the dense graph cut takes, so the same bits for any number of
 * shards.
 */
export async function columnTotalsFromParts(
  n: number,
  parts: readonly FacilityLocationPart[],
): Promise<Float64Array> {
  const ordered = [...parts].sort((a, b) => a.firstBlock - b.firstBlock);
  const totals = new Float64Array(n);
  for (let first = 0; first < n; first += TOTALS_BATCH) {
    const candidates = Int32Array.from({ length: Math.min(TOTALS_BATCH, n - first) }, (_, c) => first + c);
    const partials = await Promise.all(ordered.map((part) => part.columnSums(candidates)));
    for (let c = 0; c < candidates.length; c++) {
      let total = 0;
      ordered.forEach((part, s) => {
        const width = part.endBlock - part.firstBlock;
        const mine = partials[s]!;
        for (let b = c * width, end = b + width; b < end; b++) total += mine[b]!;
      });
      totals[first + c] = total;
    }
  }
  return totals;
}

/**
 * Graph cut as a gain oracle without a kernel, for ground sets whose n×n kernel does not fit: f(S) = Σ_k∈S T[k] −
 * λ Σ_{i,j∈S} K[i,j], with the column totals T from the shards (columnTotalsFromParts) and everything else from the
 * normalised rows by GEMM (canonical blocks: every K value has the bits of the full kernel's). The dense oracle keeps
 * S[k] = Σ_{j chosen} K[k,j] for every k, added in commit order at each commit; here S[k] is brought up to date only
 * when k is evaluated, adding the missing commits in the same order — the same additions, so the same gains, at the
 * cost of the candidates actually evaluated rather than n per commit.
 */
export class BlockwiseGraphCut implements GainOracle {
  private readonly selected: Uint8Array;
  private readonly chosen: number[] = [];
  private readonly toSelection: Float64Array;
  /** How many of `chosen` (a prefix) toSelection[k] already holds. */
  private readonly included: Int32Array;
  private readonly twoLambda: number;

  private constructor(
    readonly n: number,
    private readonly d: number,
    /** All n rows, L2-normalised, row-major. */
    private readonly rows: Float32Array,
    private readonly totals: Float64Array,
    private readonly diagonal: Float32Array,
    private readonly lambda32: number,
    private readonly runner: SimilarityBlockRunner,
  ) {
    this.selected = new Uint8Array(n);
    this.toSelection = new Float64Array(n);
    this.included = new Int32Array(n);
    this.twoLambda = Math.fround(2 * lambda32);
  }

  /** `rows` L2-normalised; `totals` from columnTotalsFromParts; λ as given (narrowed to float32 as submodlib does). */
  static async create(
    rows: Float32Array,
    n: number,
    d: number,
    totals: Float64Array,
    lambda: number,
    runner: SimilarityBlockRunner,
  ): Promise<BlockwiseGraphCut> {
    const diagonal = new Float32Array(n);
    for (let start = 0; start < n; start += DIAGONAL_BLOCK) {
      const count = Math.min(DIAGONAL_BLOCK, n - start);
      const block = rows.subarray(start * d, (start + count) * d);
      const values = await runner.run(block, count, block, count, d);
      for (let i = 0; i < count; i++) diagonal[start + i] = values[i * count + i]!;
    }
    return new BlockwiseGraphCut(n, d, rows, totals, diagonal, Math.fround(lambda), runner);
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    await this.catchUp(candidates);
    const out = new Float64Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      const self = Math.fround(this.lambda32 * this.diagonal[k]!);
      out[c] = this.totals[k]! - this.twoLambda * this.toSelection[k]! - self;
    }
    return out;
  }

  async commit(j: number): Promise<void> {
    checkCommit(j, this.n, this.selected);
    this.selected[j] = 1;
    this.chosen.push(j);
  }

  /** Adds to S[k], in commit order, the chosen elements it does not hold yet. */
  private async catchUp(candidates: Int32Array): Promise<void> {
    const behind = Int32Array.from(candidates).filter((k) => this.included[k]! < this.chosen.length);
    for (let first = 0; first < behind.length; first += CANDIDATE_BATCH) {
      const batch = behind.subarray(first, first + CANDIDATE_BATCH);
      const from = Math.min(...Array.from(batch, (k) => this.included[k]!));
      await this.products(batch, this.chosen.slice(from), (c, t, value) => {
        const k = batch[c]!;
        if (from + t === this.included[k]) {
          this.toSelection[k] = this.toSelection[k]! + value;
          this.included[k] = from + t + 1;
        }
      });
    }
  }

  /** Calls visit(a, b, K[as[a], bs[b]]) for every pair in a-major order (b ascending), with GEMMs over chunks of bs. */
  private async products(
    as: Int32Array,
    bs: readonly number[],
    visit: (a: number, b: number, value: number) => void,
  ): Promise<void> {
    const { d, rows } = this;
    const gather = (elements: ArrayLike<number>) => {
      const out = new Float32Array(elements.length * d);
      for (let e = 0; e < elements.length; e++) {
        out.set(rows.subarray(elements[e]! * d, (elements[e]! + 1) * d), e * d);
      }
      return out;
    };
    const left = gather(as);
    const all = new Float32Array(as.length * bs.length);
    for (let first = 0; first < bs.length; first += SELECTION_CHUNK) {
      const chunk = bs.slice(first, first + SELECTION_CHUNK);
      const values = await this.runner.run(left, as.length, gather(chunk), chunk.length, d);
      for (let a = 0; a < as.length; a++) {
        all.set(values.subarray(a * chunk.length, (a + 1) * chunk.length), a * bs.length + first);
      }
    }
    for (let a = 0; a < as.length; a++) {
      for (let b = 0; b < bs.length; b++) visit(a, b, all[a * bs.length + b]!);
    }
  }

  /** f(set) exactly as the dense graph cut evaluates it: the totals, then −λ·K[a,b] for a, then b, in set order. */
  async value(set: readonly number[]): Promise<number> {
    checkSet(set, this.n);
    let value = 0;
    for (const k of set) value += this.totals[k]!;
    for (let first = 0; first < set.length; first += CANDIDATE_BATCH) {
      const as = Int32Array.from(set.slice(first, first + CANDIDATE_BATCH));
      await this.products(as, set, (_a, _b, similarity) => {
        value -= Math.fround(this.lambda32 * similarity);
      });
    }
    return value;
  }

  release(): Promise<void> {
    return this.runner.release();
  }
}
