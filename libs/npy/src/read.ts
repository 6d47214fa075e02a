import { open } from 'node:fs/promises';
import { NpyError } from './errors.js';
import { type NpyHeader, parseHeader } from './header.js';

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
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw new NpyError(file, `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    // Read the header first, then the data straight into an aligned buffer: one copy of the matrix, not two.
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, 65536));
    await handle.read(head, 0, head.length, 0);
    const header = parseHeader(file, head);
    const type = checkHeader(file, header);
    const [rows, cols] = header.shape as [number, number];
    const expected = header.dataOffset + rows * cols * type.bytes;
    if (size < expected) {
      throw new NpyError(
        file,
        `truncated data: shape ${rows}×${cols} needs ${expected} bytes, file has ${size}`,
      );
    }
    const raw = new Uint8Array(rows * cols * type.bytes);
    await handle.read(raw, 0, raw.length, header.dataOffset);
    return toMatrix(file, raw, rows, cols, type.dtype);
  } finally {
    await handle.close();
  }
}

function checkHeader(file: string, header: NpyHeader): { dtype: Matrix['sourceDtype']; bytes: number } {
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
  return type;
}

/** Views the raw little-endian bytes (in a buffer of their own) as float32, narrowing float64; rejects NaN/Inf. */
function toMatrix(
  file: string,
  raw: Uint8Array,
  rows: number,
  cols: number,
  dtype: Matrix['sourceDtype'],
): Matrix {
  const count = rows * cols;
  const source =
    dtype === 'float32' ? new Float32Array(raw.buffer, 0, count) : new Float64Array(raw.buffer, 0, count);
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(source[i])) {
      const r = Math.floor(i / cols);
      throw new NpyError(file, `non-finite value ${source[i]} at row ${r}, column ${i - r * cols}`);
    }
  }
  const data = source instanceof Float32Array ? source : Float32Array.from(source);
  return { rows, cols, data, sourceDtype: dtype };
}

/** Decodes a whole .npy file held in memory. */
export function decodeMatrix(file: string, bytes: Uint8Array): Matrix {
  const header = parseHeader(file, bytes);
  const type = checkHeader(file, header);
  const [rows, cols] = header.shape as [number, number];
  const expected = header.dataOffset + rows * cols * type.bytes;
  if (bytes.length < expected) {
    throw new NpyError(
      file,
      `truncated data: shape ${rows}×${cols} needs ${expected} bytes, file has ${bytes.length}`,
    );
  }
  // Uint8Array's slice copies into a fresh, aligned buffer (a Node Buffer's own slice would be a view).
  return toMatrix(
    file,
    Uint8Array.prototype.slice.call(bytes, header.dataOffset, expected),
    rows,
    cols,
    type.dtype,
  );
}
