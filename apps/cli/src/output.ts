import { writeFileAtomically } from '@smartmix/storage/atomic-file';

/** Writes text to stdout ('-') or atomically to a file (temp + rename), so a failed run leaves no partial file. */
export async function writeTextOutput(target: string, text: string): Promise<void> {
  if (target === '-') {
    process.stdout.write(text);
    return;
  }
  await writeFileAtomically(target, text);
}

/** Writes JSON (indented, one trailing newline) as writeTextOutput does. */
export function writeJsonOutput(target: string, value: unknown): Promise<void> {
  return writeTextOutput(target, `${JSON.stringify(value, null, 2)}\n`);
}
