import { StoreError } from './errors.js';

// One portable character set for every backend: safe as a file name on any OS and as an S3 key without
// escaping. '~' is deliberately excluded so the local store can name its temporary files with it.
const SEGMENT = /^[A-Za-z0-9._=-]+$/;

/** Why `key` is not a valid artifact key, or undefined when it is. */
export function keyProblem(key: string): string | undefined {
  if (typeof key !== 'string' || key === '') return 'keys must be non-empty strings';
  if (key.startsWith('/')) return "keys must not start with '/'";
  for (const segment of key.split('/')) {
    if (segment === '') return "keys must not contain empty segments ('//' or a trailing '/')";
    if (segment === '.' || segment === '..') return `segment '${segment}' is not allowed`;
    if (!SEGMENT.test(segment)) {
      return `segment ${JSON.stringify(segment)} may only contain A-Z a-z 0-9 . _ = -`;
    }
  }
  return undefined;
}

export function isValidKey(key: string): boolean {
  return keyProblem(key) === undefined;
}

/** Throws a StoreError naming the store and key unless `key` is valid. */
export function checkKey(location: string, key: string): void {
  const problem = keyProblem(key);
  if (problem !== undefined) throw new StoreError(location, `invalid key: ${problem}`, { key });
}

/** A list prefix is either '' (everything) or a valid key naming a "directory" of keys. */
export function checkPrefix(location: string, prefix: string): void {
  if (prefix !== '') checkKey(location, prefix);
}
