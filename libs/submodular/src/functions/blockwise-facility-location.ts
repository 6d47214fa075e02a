import { createSimilarityBlockRunner, type DeviceOptions, type SimilarityBlockRunner } from '@smartmix/onnx';
import { blockCount, blockRange } from '../blocked-sum.js';
import { normalizeRows } from '../kernels/normalize.js';
import type { GainOracle } from '../types.js';
import { facilityLocationBlockGain, facilityLocationGain, raiseMemo } from './facility-location.js';

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

  private constructor(
    private readonly rows: Float32Array,
    n: number,
    private readonly d: number,
    private readonly runner: SimilarityBlockRunner,
  ) {
    this.n = n;
    this.memo = new Float32Array(n);
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

  /** Calls `visit(c, block values of candidate c, start, end)` for every block, in ground-set block order. */
  private async forEachBlock(
    candidates: Int32Array,
    visit: (c: number, values: Float32Array, start: number, end: number) => void,
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
        visit(c, values.subarray(c * width, (c + 1) * width), start, end);
    }
  }

  async gains(candidates: Int32Array): Promise<Float64Array> {
    const out = new Float64Array(candidates.length);
    // Candidates go in batches so one GEMM output (batch × block rows) stays a few megabytes even for the first
    // request, which asks for every element.
    for (let first = 0; first < candidates.length; first += CANDIDATE_BATCH) {
      const batch = candidates.subarray(first, first + CANDIDATE_BATCH);
      await this.forEachBlock(batch, (c, column, start, end) => {
        out[first + c]! += facilityLocationBlockGain(column, this.memo.subarray(start, end), 0, end - start);
      });
    }
    return out;
  }

  async commit(k: number): Promise<void> {
    await this.forEachBlock(Int32Array.of(k), (_, column, start, end) => {
      raiseMemo(column, this.memo.subarray(start, end), 0, end - start);
    });
  }

  /** f(selection): the blocked ground-set sum of the memo, as facility location's evaluate computes it. */
  value(): number {
    return facilityLocationGain(this.memo, new Float32Array(this.n));
  }

  release(): Promise<void> {
    return this.runner.release();
  }
}
