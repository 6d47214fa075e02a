import { StoreError } from './errors.js';
import { RequestTimeoutError } from './s3-transport.js';

/** What an S3 error message may name: nothing here is secret. */
export interface S3Context {
  location: string;
  bucket: string;
  endpoint: string;
  anonymous: boolean;
}

const DENIED = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
]);
const NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The S3 error code (NoSuchKey, AccessDenied, …), socket errno, or failing that the error's name. */
export function errorCode(err: unknown): string {
  return String((err as { code?: unknown }).code ?? (err as Error).name);
}

export function missingBucket(context: S3Context): StoreError {
  return new StoreError(context.location, `bucket '${context.bucket}' does not exist`);
}

/**
 * Turns a minio or socket error into one StoreError line. Store-wide problems (missing bucket, unreachable
 * endpoint) name only the location; anything else also names the key and the operation.
 */
export function s3Failure(context: S3Context, op: string, err: unknown, key?: string): StoreError {
  const { location, endpoint } = context;
  const code = errorCode(err);
  const message = (err as Error).message;
  if (err instanceof RequestTimeoutError) {
    return new StoreError(location, `${endpoint} did not respond within ${err.timeoutMs} ms`, { cause: err });
  }
  if (code === 'NoSuchBucket') return missingBucket(context);
  if (code === 'ECONNREFUSED') {
    return new StoreError(location, `cannot connect to ${endpoint} (connection refused)`, { cause: err });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new StoreError(location, `cannot resolve the host of ${endpoint} (${code})`, { cause: err });
  }
  if (NETWORK.has(code)) {
    return new StoreError(location, `cannot reach ${endpoint} (${code})`, { cause: err });
  }
  if (DENIED.has(code)) {
    const hint = context.anonymous
      ? 'no credentials are configured: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY'
      : 'check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY';
    return new StoreError(location, `${op}: access denied by ${endpoint} (${code}: ${message}); ${hint}`, {
      key,
      cause: err,
    });
  }
  return new StoreError(location, `${op} failed (${code}: ${message})`, { key, cause: err });
}
