import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from './errors.js';

const DATA_FILE = /\.(jsonl|jsonl\.gz|parquet)$/;

/**
 * Resolves input paths to data files: a file is taken as is; a directory means every .jsonl, .jsonl.gz and
 * .parquet file directly inside it, in name order (README.md, stats.json and the like are not data).
 */
export async function listInputFiles(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) throw new DatasetError('(input)', null, null, 'no input paths given');
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new DatasetError(path, null, null, 'no such file or directory');
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => DATA_FILE.test(name)).sort();
      if (names.length === 0)
        throw new DatasetError(path, null, null, 'directory holds no .jsonl, .jsonl.gz or .parquet files');
      files.push(...names.map((name) => join(path, name)));
    } else if (DATA_FILE.test(path)) {
      files.push(path);
    } else {
      throw new DatasetError(path, null, null, 'not a .jsonl, .jsonl.gz or .parquet file');
    }
  }
  return files;
}
