/**
 * Where smartmix caches artifacts. Keys are '/'-separated relative paths of [A-Za-z0-9._=-] segments; every
 * implementation validates them the same way so a key that works locally also works on S3 and vice versa.
 */
export interface ArtifactStore {
  /** e.g. "file:///abs/path" or "s3://bucket/prefix"; never includes credentials. */
  readonly location: string;
  /** The stored bytes, or undefined when the key is absent. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Atomic: readers see the old object or the whole new one, never a part. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  has(key: string): Promise<boolean>;
  /** Removing an absent key is not an error. */
  delete(key: string): Promise<void>;
  /** Every key under `prefix/` ('' lists everything), as full keys, sorted by code unit. */
  list(prefix: string): Promise<string[]>;
}

/** The embedded default: a directory beside wherever smartmix runs. */
export const DEFAULT_STORE = './.smartmix';
