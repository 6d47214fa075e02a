import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { temporaryPathFor } from '@smartmix/storage/atomic-file';
import { formatHeader } from './header.js';

/**
 * Room kept for the header of a streamed matrix: `formatHeader` pads to 64-byte multiples, and the header of any
 * 2-D float32 shape up to 16 digits a side fits in 128 bytes.
 */
const RESERVED_HEADER = 128;

/**
 * Writes a float32 C-order n×cols .npy file row block by row block, when n is known only at the end: rows go to a
 * temporary file after a reserved header, the header is written last, and the file is renamed into place on
 * `commit`. Memory holds one block at a time; a failure or `abort` leaves nothing under the final name.
 */
export class MatrixRowWriter {
  private rows = 0;

  private constructor(
    readonly file: string,
    readonly cols: number,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(file: string, cols: number): Promise<MatrixRowWriter> {
    const temp = temporaryPathFor(file);
    const handle = await open(temp, 'wx');
    return new MatrixRowWriter(file, cols, temp, handle);
  }

  /** Appends whole rows (a multiple of `cols` values). */
  async append(values: Float32Array): Promise<void> {
    if (values.length % this.cols !== 0) {
      throw new RangeError(`MatrixRowWriter: ${values.length} values are not whole rows of ${this.cols}`);
    }
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    await this.handle.write(bytes, 0, bytes.length, RESERVED_HEADER + this.rows * this.cols * 4);
    this.rows += values.length / this.cols;
  }

  /** The rows written so far. */
  get rowCount(): number {
    return this.rows;
  }

  /**
   * Completes the temporary file and returns its path, for a caller that renames several files together; `commit`
   * also renames it into place.
   */
  async finish(): Promise<string> {
    try {
      const header = formatHeader('<f4', [this.rows, this.cols]);
      if (header.length !== RESERVED_HEADER) throw new RangeError(`npy header of ${header.length} bytes`);
      await this.handle.write(header, 0, header.length, 0);
      await this.handle.sync();
    } catch (err) {
      await this.abort();
      throw err;
    }
    await this.handle.close();
    return this.temp;
  }

  async commit(): Promise<void> {
    await rename(await this.finish(), this.file);
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(this.temp, { force: true });
  }
}
