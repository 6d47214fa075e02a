/**
 * Bad input from the user (a flag, a file, a value): reported as one line `error: ...` with exit code 2, as
 * opposed to an internal failure (exit 1 with a stack trace).
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** Library error classes that describe bad input rather than a bug. */
const INPUT_ERROR_NAMES = new Set([
  'InputError',
  'NpyError',
  'DatasetError',
  'SelectionInputError',
  'AllocationError',
  'StoreError',
  'TokenError',
  'TlsError',
  'MetricsError',
  'SpecError',
  'EmbeddingError',
]);

/** Errors of the environment (an unreachable worker): one line too, but exit code 1. */
const OPERATIONAL_ERROR_NAMES = new Set(['WorkerError']);

export function isOperationalError(err: unknown): err is Error {
  return err instanceof Error && OPERATIONAL_ERROR_NAMES.has(err.name);
}

export function isInputError(err: unknown): err is Error {
  return err instanceof Error && INPUT_ERROR_NAMES.has(err.name);
}
