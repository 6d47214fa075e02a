import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatasetError } from './errors.js';
import { DATA_FILE } from './formats.js';

const KINDS = '.jsonl, .jsonl.gz or .parquet';

/**
 * Resolves input paths to data files: a file is taken as is (its name must say its format); a directory means every
 * .jsonl, .jsonl.gz and .parquet file directly inside it, in name order (code-unit order, so the same on every
 * machine and locale). A file listed twice would make every one of its ids a duplicate, so it is refused here,
 * where the message can say why.
 */
export async function listInputFiles(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) throw new DatasetError('(input)', null, null, 'no input paths given');
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new DatasetError(path, null, null, 'no such file or directory');
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => DATA_FILE.test(name)).sort();
      if (names.length === 0) throw new DatasetError(path, null, null, `directory holds no ${KINDS} files`);
      files.push(...names.map((name) => join(path, name)));
    } else if (DATA_FILE.test(path)) {
      files.push(path);
    } else {
      throw new DatasetError(path, null, null, `not a ${KINDS} file`);
    }
  }
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(resolve(file))) throw new DatasetError(file, null, null, 'input file given more than once');
    seen.add(resolve(file));
  }
  return files;
}
