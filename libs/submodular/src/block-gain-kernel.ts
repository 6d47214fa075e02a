import { SUMMATION_BLOCK_ROWS } from './blocked-sum.js';
import { BLOCK_GAINS_WASM } from './generated/block-gains-wasm.js';

/** The part of the WebAssembly API used here (the project's lib settings carry no WebAssembly types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const PAGE_BYTES = 65536;

let compiled: object | undefined;

/** Compiled once per process (a few hundred bytes; synchronous compilation is allowed at this size). */
function blockGainsModule(): object {
  compiled ??= new wasm.Module(Buffer.from(BLOCK_GAINS_WASM, 'base64'));
  return compiled;
}

/**
 * Facility-location gains of a batch of candidates over one summation block, in WebAssembly SIMD (wasm/block-gains.wat):
 * the same float32 terms added in the same order as facilityLocationBlockGain, so the same bits, four candidates at a
 * time instead of one. Blockwise facility location spends most of its time outside the GEMM in this sum (one term per
 * row and candidate; about 1 ns each in JS), so this is what lets a pass over n² pairs run at the GEMM's pace.
 *
 * The GEMM writes its products straight into `products`, which lives in the kernel's memory, and the block's memo is
 * copied into `memo`; the memory is sized once, never grown, so the views stay valid.
 */
export class BlockGainKernel {
  /** Room for batch × SUMMATION_BLOCK_ROWS products: candidate c's column over a block of width w at [c·w, c·w + w). */
  readonly products: Float32Array;
  /** The block's memo (its first width values). */
  readonly memo: Float32Array;
  /** After compute: candidate c's block gain, and its number of open rows. */
  readonly sums: Float64Array;
  readonly opens: Int32Array;
  /** After openRowsOf: the offsets (row − block start) of a column's open rows, highest first. */
  readonly openAt: Int32Array;
  private readonly blockGains: (
    products: number,
    width: number,
    count: number,
    memo: number,
    sums: number,
    opens: number,
  ) => void;
  private readonly openRows: (column: number, memo: number, width: number, out: number) => number;

  constructor(readonly batch: number) {
    const instance = new wasm.Instance(blockGainsModule(), {});
    const memory = instance.exports.memory as WasmMemory;
    // Laid out by alignment: float64 sums first, then the 4-byte arrays.
    const sumsAt = 0;
    const opensAt = sumsAt + 8 * batch;
    const openAtAt = opensAt + 4 * batch;
    const memoAt = openAtAt + 4 * SUMMATION_BLOCK_ROWS;
    const productsAt = memoAt + 4 * SUMMATION_BLOCK_ROWS;
    const bytes = productsAt + 4 * batch * SUMMATION_BLOCK_ROWS;
    memory.grow(Math.ceil(bytes / PAGE_BYTES));
    this.sums = new Float64Array(memory.buffer, sumsAt, batch);
    this.opens = new Int32Array(memory.buffer, opensAt, batch);
    this.openAt = new Int32Array(memory.buffer, openAtAt, SUMMATION_BLOCK_ROWS);
    this.memo = new Float32Array(memory.buffer, memoAt, SUMMATION_BLOCK_ROWS);
    this.products = new Float32Array(memory.buffer, productsAt, batch * SUMMATION_BLOCK_ROWS);
    this.blockGains = instance.exports.blockGains as BlockGainKernel['blockGains'];
    this.openRows = instance.exports.openRows as BlockGainKernel['openRows'];
  }

  /** Gains and open-row counts of the first `count` candidates over a block of `width` rows (products and memo set). */
  compute(width: number, count: number): void {
    this.check(width, count);
    this.blockGains(
      this.products.byteOffset,
      width,
      count,
      this.memo.byteOffset,
      this.sums.byteOffset,
      this.opens.byteOffset,
    );
  }

  /** Candidate c's open rows over a block of `width` rows (products and memo as for compute) into openAt; how many. */
  openRowsOf(c: number, width: number): number {
    this.check(width, c + 1);
    const column = this.products.byteOffset + 4 * c * width;
    return this.openRows(column, this.memo.byteOffset, width, this.openAt.byteOffset);
  }

  private check(width: number, count: number): void {
    if (width < 1 || width > SUMMATION_BLOCK_ROWS || count < 1 || count > this.batch) {
      throw new RangeError(
        `block gains: ${count} candidates × ${width} rows do not fit ${this.batch} × ${SUMMATION_BLOCK_ROWS}`,
      );
    }
  }
}
