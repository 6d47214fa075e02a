import * as grpc from '@grpc/grpc-js';

/**
 * A worker that cannot be reached or failed a call: an operational error, reported as one line. `lost` says the
 * worker (or its state) is gone — unreachable, timed out, killed mid-call, restarted — so its work can move to
 * another worker; a refused token or a rejected request is not a loss and is not retried.
 */
export class WorkerError extends Error {
  override name = 'WorkerError';
  constructor(
    message: string,
    readonly lost = false,
  ) {
    super(message);
  }
}

const LOST_CODES = new Set([
  grpc.status.UNAVAILABLE,
  grpc.status.DEADLINE_EXCEEDED,
  grpc.status.CANCELLED,
  grpc.status.INTERNAL,
  grpc.status.UNKNOWN,
  grpc.status.NOT_FOUND,
]);

export function rpcError(address: string, method: string, err: grpc.ServiceError): WorkerError {
  const reason =
    err.code === grpc.status.UNAVAILABLE
      ? `unreachable (${err.details})`
      : err.code === grpc.status.UNAUTHENTICATED
        ? 'refused: missing or wrong worker token'
        : err.code === grpc.status.DEADLINE_EXCEEDED
          ? 'no answer before the deadline'
          : err.details || err.message;
  return new WorkerError(`worker ${address}: ${method}: ${reason}`, LOST_CODES.has(err.code));
}
