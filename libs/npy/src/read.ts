import { readFile } from 'node:fs/promises';
import { NpyError } from './errors.js';
import { parseHeader } from './header.js';

/** A 2-D float matrix in C order. Values are held as float32 whatever the file's float width. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
  /** The element type stored in the file. */
  readonly sourceDtype: 'float32' | 'float64';
}

const DTYPES: Record<string, { dtype: Matrix['sourceDtype']; bytes: number }> = {
  '<f4': { dtype: 'float32', bytes: 4 },
  '<f8': { dtype: 'float64', bytes: 8 },
};

/**
 * Reads a 2-D float32/float64 C-order .npy file. float64 input is narrowed to float32, the precision
 * every kernel and greedy step works in (as submodlib stores its kernel in float). Rejects NaN/Inf so a bad
 * value cannot silently poison a selection.
 */
export async function readMatrix(file: string): Promise<Matrix> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new NpyError(file, `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return decodeMatrix(file, bytes);
}

export function decodeMatrix(file: string, bytes: Uint8Array): Matrix {
  const header = parseHeader(file, bytes);
  const type = DTYPES[header.descr];
  if (type === undefined) {
    throw new NpyError(
      file,
      `unsupported dtype '${header.descr}' (expected little-endian float32 '<f4' or float64 '<f8')`,
    );
  }
  if (header.fortranOrder)
    throw new NpyError(file, 'Fortran-order arrays are not supported (save with C order)');
  if (header.shape.length !== 2) {
    throw new NpyError(
      file,
      `expected a 2-D array, got ${header.shape.length}-D shape (${header.shape.join(', ')})`,
    );
  }
  const [rows, cols] = header.shape as [number, number];
  if (rows === 0 || cols === 0) throw new NpyError(file, `empty matrix (shape ${rows}×${cols})`);
  const count = rows * cols;
  const expected = header.dataOffset + count * type.bytes;
  if (bytes.length < expected) {
    throw new NpyError(
      file,
      `truncated data: shape ${rows}×${cols} needs ${expected} bytes, file has ${bytes.length}`,
    );
  }
  // Copy into a fresh, aligned buffer: the file buffer's offset need not be a multiple of the element size.
  // (Uint8Array's slice copies; a Node Buffer's own slice would return a view into a shared pool.)
  const raw = Uint8Array.prototype.slice.call(bytes, header.dataOffset, expected);
  const data =
    type.dtype === 'float32'
      ? new Float32Array(raw.buffer, 0, count)
      : Float32Array.from(new Float64Array(raw.buffer, 0, count));
  const source = type.dtype === 'float32' ? data : new Float64Array(raw.buffer, 0, count);
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(source[i])) {
      const r = Math.floor(i / cols);
      throw new NpyError(file, `non-finite value ${source[i]} at row ${r}, column ${i - r * cols}`);
    }
  }
  return { rows, cols, data, sourceDtype: type.dtype };
}
