import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { keyProblem } from './keys.js';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The key under which an artifact computed from `parts` is cached: `${kind}/${sha256 of canonical JSON}`.
 * `parts` should hold everything the result depends on, including the caller's own code-version string, so
 * that changing an input or the algorithm yields a new key instead of a stale hit.
 */
export function contentKey(kind: string, parts: unknown): string {
  const problem = keyProblem(kind);
  if (problem !== undefined) {
    throw new TypeError(`contentKey: invalid kind ${JSON.stringify(kind)}: ${problem}`);
  }
  return `${kind}/${sha256Hex(canonicalJson(parts))}`;
}
