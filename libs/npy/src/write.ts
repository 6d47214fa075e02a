import { writeFileAtomically } from '@smartmix/storage/atomic-file';
import { formatHeader } from './header.js';

/**
 * Writes a float32 C-order .npy file atomically (temporary file, fsync, rename), so a crash never leaves a partial
 * artifact under the final name.
 */
export async function writeMatrix(
  file: string,
  data: Float32Array,
  rows: number,
  cols: number,
): Promise<void> {
  if (data.length !== rows * cols)
    throw new RangeError(`writeMatrix: ${data.length} values do not fill ${rows}×${cols}`);
  await writeFileAtomically(file, async (handle) => {
    await handle.write(formatHeader('<f4', [rows, cols]));
    await handle.write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  });
}
