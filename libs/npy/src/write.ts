import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { formatHeader } from './header.js';

/**
 * Writes a float32 C-order .npy file atomically: the bytes go to a temporary file beside the target, which is
 * renamed over it only once complete, so a crash never leaves a partial artifact under the final name.
 */
export async function writeMatrix(
  file: string,
  data: Float32Array,
  rows: number,
  cols: number,
): Promise<void> {
  if (data.length !== rows * cols)
    throw new RangeError(`writeMatrix: ${data.length} values do not fill ${rows}×${cols}`);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.write(formatHeader('<f4', [rows, cols]));
    await handle.write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  await rename(temp, file);
}
