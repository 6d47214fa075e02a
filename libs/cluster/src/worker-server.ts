import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import { createSimilarityBlockRunner, type DeviceOptions, type SimilarityBlockRunner } from '@smartmix/onnx';
import { isAuthorized, UNAUTHENTICATED } from './auth.js';
import { embedHandler } from './embed-service.js';
import type { FloatRows } from './generated/smartmix/v1/FloatRows.js';
import type { HealthResponse } from './generated/smartmix/v1/HealthResponse.js';
import type { RowsChunk__Output } from './generated/smartmix/v1/RowsChunk.js';
import type { RowsHandle, RowsHandle__Output } from './generated/smartmix/v1/RowsHandle.js';
import type { SimilarityRowsRequest__Output } from './generated/smartmix/v1/SimilarityRowsRequest.js';
import type { WorkerHandlers } from './generated/smartmix/v1/Worker.js';
import { IdleMap } from './idle-map.js';
import { bytesOf, CHANNEL_OPTIONS, rowsPerChunk, toFloat32, workerProto } from './protocol.js';
import { countingDefinition, type RpcObserver, serverTimingInterceptor } from './rpc-observer.js';
import { failStream, rpcFailure, type StoredRows, shardHandlers } from './shard-service.js';
import { type ServerTlsFiles, serverCredentials } from './tls.js';
import { topKHandler } from './top-k-service.js';

export interface WorkerServerOptions extends DeviceOptions {
  version: string;
  /** Shared token every call must carry (see auth.ts); none: calls are not authenticated. */
  token?: string;
  /** TLS certificate files (plain text when absent). */
  tls?: ServerTlsFiles;
  /** Told of every call's duration, status and message sizes (metrics). */
  observer?: RpcObserver;
  /** Matrices and shards unused this long are dropped (their coordinator is gone); default two hours. */
  idleStateTtlMs?: number;
}

/** Longer than a call's default deadline: state in use by a live coordinator is touched far more often. */
export const DEFAULT_IDLE_STATE_TTL_MS = 2 * 3_600_000;

const fail = rpcFailure;
const INSTANCE_ID = randomBytes(8).toString('hex');

/**
 * The worker's state and RPC handlers: matrices uploaded by coordinators, a GEMM runner built on first use, and the
 * embedders coordinators asked for.
 */
function handlers(options: WorkerServerOptions): WorkerHandlers {
  const ttl = options.idleStateTtlMs ?? DEFAULT_IDLE_STATE_TTL_MS;
  const matrices = new IdleMap<StoredRows>(ttl);
  let runner: Promise<SimilarityBlockRunner> | undefined;
  const getRunner = () => (runner ??= createSimilarityBlockRunner(options));
  return {
    ...shardHandlers(matrices, options, ttl),
    ...embedHandler(options, ttl),
    ...topKHandler(matrices, getRunner),
    Health(_call, callback) {
      const reply: HealthResponse = {
        version: options.version,
        device: options.device ?? 'cpu',
        threads: options.threads ?? availableParallelism(),
        rssBytes: process.memoryUsage().rss,
        storedMatrices: matrices.size,
        pid: process.pid,
        instanceId: INSTANCE_ID,
      };
      callback(null, reply);
    },

    PutRows(call, callback) {
      const chunks: Buffer[] = [];
      let dim = 0;
      let bytes = 0;
      let refused = false;
      call.on('data', (chunk: RowsChunk__Output) => {
        if (refused) return;
        if (dim === 0) dim = chunk.dim;
        if (chunk.dim !== dim || dim === 0 || chunk.values.length % (4 * dim) !== 0) {
          // Answered at once (the caller stops sending); the rest of the upload is ignored.
          refused = true;
          const detail = `PutRows: chunk of ${chunk.values.length} bytes is not whole rows of dim ${chunk.dim}`;
          callback(fail(grpc.status.INVALID_ARGUMENT, detail));
          return;
        }
        chunks.push(chunk.values);
        bytes += chunk.values.length;
      });
      call.on('end', () => {
        if (refused) return;
        if (dim === 0) return callback(fail(grpc.status.INVALID_ARGUMENT, 'PutRows: no rows'));
        const id = randomBytes(8).toString('hex');
        const rows = bytes / (4 * dim);
        matrices.set(id, { rows, dim, data: toFloat32(Buffer.concat(chunks, bytes)) });
        const handle: RowsHandle = { id, rows, dim };
        callback(null, handle);
      });
    },

    async SimilarityRows(call) {
      const request: SimilarityRowsRequest__Output = call.request;
      const matrix = matrices.get(request.rowsId);
      if (!matrix)
        return failStream(call, grpc.status.NOT_FOUND, `SimilarityRows: no matrix '${request.rowsId}'`);
      const { rows: n, dim, data } = matrix;
      if (request.rowEnd > n || request.rowStart >= request.rowEnd) {
        const range = `[${request.rowStart}, ${request.rowEnd})`;
        return failStream(call, grpc.status.OUT_OF_RANGE, `SimilarityRows: rows ${range} outside 0…${n}`);
      }
      try {
        const gemm = await getRunner();
        for (let start = request.rowStart; start < request.rowEnd; ) {
          if (call.cancelled) return;
          const colStart = request.upper ? start & ~3 : 0;
          const cols = n - colStart;
          const rows = Math.min(rowsPerChunk(4 * cols), request.rowEnd - start);
          const a = data.subarray(start * dim, (start + rows) * dim);
          const values = await gemm.run(a, rows, data.subarray(colStart * dim), cols, dim);
          const message: FloatRows = { rowStart: start, rows, cols, colStart, values: bytesOf(values) };
          start += rows;
          // Backpressure: wait for the transport to drain before computing the next chunk.
          if (!call.write(message)) await new Promise((resolve) => call.once('drain', resolve));
        }
        call.end();
      } catch (err) {
        failStream(call, grpc.status.INTERNAL, `SimilarityRows: ${(err as Error).message}`);
      }
    },

    DropRows(call, callback) {
      const handle: RowsHandle__Output = call.request;
      matrices.delete(handle.id);
      callback(null, {});
    },
  };
}

export interface RunningWorker {
  /** host:port actually bound (port 0 picks a free one). */
  address: string;
  /** Stops taking calls and lets calls in flight finish, cutting them off after `graceMs` (default 10 s). */
  shutdown(graceMs?: number): Promise<void>;
}

type AnyCall = { metadata: grpc.Metadata; emit?: (event: 'error', err: Error) => void };

/** Refuses every call without the shared token, before its handler runs. */
function authenticated(all: WorkerHandlers, token: string | undefined): WorkerHandlers {
  if (token === undefined) return all;
  const guarded: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(all)) {
    guarded[name] = (call: AnyCall, callback?: (err: Error) => void) => {
      if (isAuthorized(call.metadata, token))
        return (handler as (c: AnyCall, cb?: unknown) => unknown)(call, callback);
      if (callback) return callback(UNAUTHENTICATED);
      // A streaming call sends an error status when its stream emits the error (destroy() would send none).
      call.emit?.('error', UNAUTHENTICATED);
    };
  }
  return guarded as unknown as WorkerHandlers;
}

/** Starts a worker's gRPC server on `listen` (host:port). */
export function startWorkerServer(listen: string, options: WorkerServerOptions): Promise<RunningWorker> {
  const { observer } = options;
  const server = new grpc.Server({
    ...CHANNEL_OPTIONS,
    ...(observer ? { interceptors: [serverTimingInterceptor(observer)] } : {}),
  });
  const service = workerProto().smartmix.v1.Worker.service;
  server.addService(
    observer ? countingDefinition(service, observer) : service,
    authenticated(handlers(options), options.token),
  );
  const credentials = serverCredentials(options.tls);
  return new Promise((resolve, reject) => {
    server.bindAsync(listen, credentials, (err, port) => {
      if (err) return reject(new Error(`cannot listen on ${listen}: ${err.message}`));
      const host = listen.slice(0, listen.lastIndexOf(':'));
      resolve({
        address: `${host}:${port}`,
        shutdown: (graceMs = 10_000) =>
          new Promise<void>((done) => {
            // A partial-gains call over a large shard can run for minutes; a stopping pod should not.
            const cutOff = setTimeout(() => server.forceShutdown(), graceMs);
            server.tryShutdown(() => {
              clearTimeout(cutOff);
              done();
            });
          }),
      });
    });
  });
}
