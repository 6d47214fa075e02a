import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';

/** An unreadable or empty token file: bad input, reported as one line (never with the token). */
export class TokenError extends Error {
  override name = 'TokenError';
}

/** The environment variable holding the shared worker token. */
export const TOKEN_ENV = 'SMARTMIX_WORKER_TOKEN';
const HEADER = 'authorization';

/**
 * The shared token, from `--token-file` (first line, trimmed) or SMARTMIX_WORKER_TOKEN; undefined when neither is
 * set. The token itself never appears in any message.
 */
export function resolveToken(tokenFile?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(tokenFile, 'utf8');
    } catch (err) {
      throw new TokenError(
        `${tokenFile}: cannot read the worker token (${(err as NodeJS.ErrnoException).code})`,
      );
    }
    const token = text.split('\n')[0]!.trim();
    if (token.length === 0) throw new TokenError(`${tokenFile}: the worker token file is empty`);
    return token;
  }
  const fromEnv = env[TOKEN_ENV]?.trim();
  return fromEnv ? fromEnv : undefined;
}

/** Call metadata carrying the token (empty metadata when there is none). */
export function tokenMetadata(token: string | undefined): grpc.Metadata {
  const metadata = new grpc.Metadata();
  if (token !== undefined) metadata.set(HEADER, `Bearer ${token}`);
  return metadata;
}

/** Whether a call's metadata carries the expected token (compared in constant time). */
export function isAuthorized(metadata: grpc.Metadata, token: string | undefined): boolean {
  if (token === undefined) return true;
  const presented = metadata.get(HEADER)[0];
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(`Bearer ${token}`);
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const UNAUTHENTICATED = Object.assign(new Error('missing or wrong worker token'), {
  code: grpc.status.UNAUTHENTICATED,
  details: 'missing or wrong worker token',
});
