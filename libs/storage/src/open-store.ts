import { fileURLToPath } from 'node:url';
import { StoreError } from './errors.js';
import { LocalDirectoryStore } from './local-store.js';
import type { S3StoreOptions } from './s3-config.js';
import { S3Store } from './s3-store.js';
import type { ArtifactStore } from './store.js';

/**
 * Opens the store a user named: `s3://bucket/prefix` (options apply only here), `file:///abs/dir`, or a plain
 * directory path such as DEFAULT_STORE.
 */
export function openStore(url: string, options: S3StoreOptions = {}): ArtifactStore {
  if (url === '') throw new StoreError('(empty)', 'no store location given');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return new LocalDirectoryStore(url);
  if (scheme === 's3') return new S3Store(url, options);
  if (scheme === 'file') {
    try {
      return new LocalDirectoryStore(fileURLToPath(url));
    } catch (err) {
      throw new StoreError(url, `not a usable file URL (${(err as Error).message})`, { cause: err });
    }
  }
  // Only the scheme is echoed: the rest of an unknown URL may carry credentials.
  throw new StoreError(
    `${scheme}://…`,
    'unsupported store URL scheme (use s3://, file:// or a directory path)',
  );
}
