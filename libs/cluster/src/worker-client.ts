import * as grpc from '@grpc/grpc-js';
import { tokenMetadata } from './auth.js';
import type { FloatRows__Output } from './generated/smartmix/v1/FloatRows.js';
import type { HealthResponse__Output } from './generated/smartmix/v1/HealthResponse.js';
import type { RowsHandle__Output } from './generated/smartmix/v1/RowsHandle.js';
import type { WorkerClient } from './generated/smartmix/v1/Worker.js';
import { CHANNEL_OPTIONS, fromFloat32, rowsPerChunk, toFloat32, workerProto } from './protocol.js';

/** A worker that cannot be reached or failed a call: an operational error, reported as one line. */
export class WorkerError extends Error {
  override name = 'WorkerError';
}

function rpcError(address: string, method: string, err: grpc.ServiceError): WorkerError {
  const reason =
    err.code === grpc.status.UNAVAILABLE
      ? `unreachable (${err.details})`
      : err.code === grpc.status.UNAUTHENTICATED
        ? 'refused: missing or wrong worker token'
        : err.details || err.message;
  return new WorkerError(`worker ${address}: ${method}: ${reason}`);
}

/** The coordinator's handle on one worker. */
export class WorkerConnection {
  private readonly client: WorkerClient;

  private readonly metadata: grpc.Metadata;

  constructor(
    readonly address: string,
    token?: string,
  ) {
    this.metadata = tokenMetadata(token);
    const Worker = workerProto().smartmix.v1.Worker;
    this.client = new Worker(
      address,
      grpc.credentials.createInsecure(),
      CHANNEL_OPTIONS,
    ) as unknown as WorkerClient;
  }

  health(deadlineMs = 10_000): Promise<HealthResponse__Output> {
    return new Promise((resolve, reject) => {
      this.client.health({}, this.metadata, { deadline: Date.now() + deadlineMs }, (err, reply) =>
        err ? reject(rpcError(this.address, 'Health', err)) : resolve(reply!),
      );
    });
  }

  /** Uploads a row-major float32 matrix in chunks of whole rows. */
  putRows(data: Float32Array, rows: number, dim: number): Promise<RowsHandle__Output> {
    return new Promise((resolve, reject) => {
      const call = this.client.putRows(this.metadata, (err, handle) =>
        err ? reject(rpcError(this.address, 'PutRows', err)) : resolve(handle!),
      );
      const step = rowsPerChunk(4 * dim);
      for (let start = 0; start < rows; start += step) {
        const end = Math.min(rows, start + step);
        call.write({ dim, values: fromFloat32(data.subarray(start * dim, end * dim)) });
      }
      call.end();
    });
  }

  /** Streams rows [rowStart, rowEnd) of the stored matrix's dot-product matrix into `onRows`. */
  similarityRows(
    handle: RowsHandle__Output,
    rowStart: number,
    rowEnd: number,
    onRows: (rowStart: number, rows: number, cols: number, values: Float32Array) => void,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const call = this.client.similarityRows({ rowsId: handle.id, rowStart, rowEnd }, this.metadata);
      call.on('data', (chunk: FloatRows__Output) =>
        onRows(chunk.rowStart, chunk.rows, chunk.cols, toFloat32(chunk.values)),
      );
      call.on('error', (err: grpc.ServiceError) => reject(rpcError(this.address, 'SimilarityRows', err)));
      call.on('end', resolve);
    });
  }

  dropRows(handle: RowsHandle__Output): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.dropRows(handle, this.metadata, (err) =>
        err ? reject(rpcError(this.address, 'DropRows', err)) : resolve(),
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
