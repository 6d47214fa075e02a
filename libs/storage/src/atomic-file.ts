import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A fresh temporary name beside `file` (same directory, so a rename onto `file` is atomic). Hidden, and with a '~',
 * which no store key and no name this project writes contains, so temporary files never pass for artifacts.
 */
export function temporaryPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}~${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `file` so that readers see the old file or the complete new one, never a part: `content` (bytes, text, or
 * a function writing through a file handle) goes to a temporary file beside it, which is fsynced and renamed over
 * it. On any failure the temporary file is removed and the error rethrown. (The directory entry is not fsynced: a
 * rename lost in a crash costs a recomputation, not a partial file.)
 */
export async function writeFileAtomically(
  file: string,
  content: Uint8Array | string | ((handle: FileHandle) => Promise<void>),
): Promise<void> {
  const temp = temporaryPathFor(file);
  try {
    const handle = await open(temp, 'wx');
    try {
      if (typeof content === 'function') await content(handle);
      else await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    // Best effort: the write error is the one worth reporting, not a failure to clean up after it.
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}
