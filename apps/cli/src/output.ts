import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/** Writes text to stdout ('-') or atomically to a file (temp + rename), so a failed run leaves no partial file. */
export async function writeTextOutput(target: string, text: string): Promise<void> {
  if (target === '-') {
    process.stdout.write(text);
    return;
  }
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Writes JSON (indented, one trailing newline) as writeTextOutput does. */
export function writeJsonOutput(target: string, value: unknown): Promise<void> {
  return writeTextOutput(target, `${JSON.stringify(value, null, 2)}\n`);
}
