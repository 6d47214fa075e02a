import { createSimilarityBlockRunner, type DeviceOptions, type SimilarityBlockRunner } from '@smartmix/onnx';
import { blockCount, blockRange, combineBlockSums } from '../blocked-sum.js';
import { normalizeRows } from '../kernels/normalize.js';
import type { GainOracle } from '../types.js';
import { checkCandidates, checkCommit } from '../validate.js';
import { facilityLocationBlockGain, facilityLocationValue, raiseMemo } from './facility-location.js';

const CANDIDATE_BATCH = 128;

/**
 * Facility location over the cosine kernel of embeddings without ever holding the n×n kernel: the columns a request
 * needs are computed on demand, one summation block of rows at a time (GEMM of the candidates against the block),
 * and reduced at once. Memory is O(n·d), time O(n·d) per evaluated candidate. The GEMM blocks are canonical
 * (libs/onnx), so gains and orders are bit-identical to facility location over the materialised 'sijs' kernel.
 */
export class BlockwiseFacilityLocation implements GainOracle {
  readonly n: number;
  private readonly memo: Float32Array;
  private readonly selected: Uint8Array;

  private constructor(
    private readonly rows: Float32Array,
    n: number,
    private readonly d: number,
    private readonly runner: SimilarityBlockRunner,
  ) {
    this.n = n;
    this.memo = new Float32Array(n);
    this.selected = new Uint8Array(n);
  }

  static async create(
    x: Float32Array,
    n: number,
    d: number,
    device: DeviceOptions = {},
  ): Promise<BlockwiseFacilityLocation> {
    return new BlockwiseFacilityLocation(
      normalizeRows(x, n, d),
      n,
      d,
      await createSimilarityBlockRunner(device),
    );
  }

  /** Calls `visit(c, block values of candidate c, b, start, end)` for every block b, in ground-set block order. */
  private async forEachBlock(
    candidates: Int32Array,
    visit: (c: number, values: Float32Array, b: number, start: number, end: number) => void,
  ): Promise<void> {
    const { d, rows } = this;
    const vectors = new Float32Array(candidates.length * d);
    candidates.forEach((k, c) => vectors.set(rows.subarray(k * d, (k + 1) * d), c * d));
    for (let b = 0, blocks = blockCount(this.n); b < blocks; b++) {
      const [start, end] = blockRange(this.n, b);
      const width = end - start;
      const values = await this.runner.run(
        vectors,
        candidates.length,
        rows.subarray(start * d, end * d),
        width,
        d,
      );
      for (let c = 0; c < candidates.length; c++)
        visit(c, values.subarray(c * width, (c + 1) * width), b, start, end);
    }
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    checkCandidates(candidates, this.n);
    const out = new Float64Array(candidates.length);
    const blocks = blockCount(this.n);
    const partials = new Float64Array(Math.min(CANDIDATE_BATCH, candidates.length) * blocks);
    // Candidates go in batches so one GEMM output (batch × block rows) stays a few megabytes even for the first
    // request, which asks for every element.
    for (let first = 0; first < candidates.length; first += CANDIDATE_BATCH) {
      const batch = candidates.subarray(first, first + CANDIDATE_BATCH);
      await this.forEachBlock(batch, (c, column, b, start, end) => {
        partials[c * blocks + b] = facilityLocationBlockGain(
          column,
          this.memo.subarray(start, end),
          0,
          end - start,
        );
      });
      for (let c = 0; c < batch.length; c++)
        out[first + c] = combineBlockSums(partials.subarray(c * blocks, (c + 1) * blocks));
    }
    return out;
  }

  async commit(k: number): Promise<void> {
    checkCommit(k, this.n, this.selected);
    this.selected[k] = 1;
    await this.forEachBlock(Int32Array.of(k), (_, column, _b, start, end) => {
      raiseMemo(column, this.memo.subarray(start, end), 0, end - start);
    });
  }

  /** f(selection): the blocked ground-set sum of the memo, as facility location's evaluate computes it. */
  value(): number {
    return facilityLocationValue(this.memo);
  }

  release(): Promise<void> {
    return this.runner.release();
  }
}
