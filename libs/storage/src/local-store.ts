import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomically } from './atomic-file.js';
import { ownedBytes } from './bytes.js';
import { StoreError } from './errors.js';
import { checkKey, checkPrefix, isValidKey } from './keys.js';
import type { ArtifactStore } from './store.js';

// A key whose path runs into a file where a directory is expected (ENOTDIR) or names a directory of other
// keys (EISDIR) is simply absent, as it would be on S3.
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** Artifacts as plain files under a root directory (created on first write). */
export class LocalDirectoryStore implements ArtifactStore {
  readonly root: string;
  readonly location: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.location = pathToFileURL(this.root).href;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const file = this.pathOf(key);
    try {
      return ownedBytes(await readFile(file));
    } catch (err) {
      if (isAbsent(err)) return undefined;
      throw this.failure(key, 'cannot read', err);
    }
  }

  /**
   * Writes atomically (atomic-file.ts): readers see the old file or the new one. '~' cannot occur in a key, so the
   * temporary names never collide with keys and list() never returns them.
   */
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomically(file, bytes);
    } catch (err) {
      throw this.failure(key, 'cannot write', err);
    }
  }

  async has(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    try {
      return (await stat(file)).isFile();
    } catch (err) {
      if (isAbsent(err)) return false;
      throw this.failure(key, 'cannot stat', err);
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await unlink(file);
    } catch (err) {
      if (!isAbsent(err)) throw this.failure(key, 'cannot delete', err);
    }
  }

  async list(prefix: string): Promise<string[]> {
    checkPrefix(this.location, prefix);
    const keys: string[] = [];
    await this.collect(prefix, keys);
    return keys.sort();
  }

  /** Depth-first walk adding every file whose path is a valid key (which skips temporary files). */
  private async collect(dir: string, keys: string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(join(this.root, dir), { withFileTypes: true });
    } catch (err) {
      if (isAbsent(err)) return;
      throw new StoreError(this.location, `cannot list '${dir}' (${errorCode(err)})`, { cause: err });
    }
    for (const entry of entries) {
      const key = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (!isValidKey(key)) continue;
      if (entry.isDirectory()) await this.collect(key, keys);
      else if (entry.isFile()) keys.push(key);
    }
  }

  private pathOf(key: string): string {
    checkKey(this.location, key);
    return join(this.root, ...key.split('/'));
  }

  private failure(key: string, what: string, err: unknown): StoreError {
    return new StoreError(this.location, `${what} (${errorCode(err)})`, { key, cause: err });
  }
}

function isAbsent(err: unknown): boolean {
  return ABSENT.has((err as NodeJS.ErrnoException).code ?? '');
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}
