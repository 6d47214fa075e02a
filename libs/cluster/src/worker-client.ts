import * as grpc from '@grpc/grpc-js';
import { type ShardBlocks, type TopKLists, TopKListsBuilder, topKWidth } from '@smartmix/submodular';
import { tokenMetadata } from './auth.js';
import type { CommitRequest } from './generated/smartmix/v1/CommitRequest.js';
import type { EmbedderSpec } from './generated/smartmix/v1/EmbedderSpec.js';
import type { FloatRows__Output } from './generated/smartmix/v1/FloatRows.js';
import type { HealthResponse__Output } from './generated/smartmix/v1/HealthResponse.js';
import type { OpenShardRequest } from './generated/smartmix/v1/OpenShardRequest.js';
import type { PartialGainsRequest } from './generated/smartmix/v1/PartialGainsRequest.js';
import type { PartialSums__Output } from './generated/smartmix/v1/PartialSums.js';
import type { RowsChunk } from './generated/smartmix/v1/RowsChunk.js';
import type { RowsHandle__Output } from './generated/smartmix/v1/RowsHandle.js';
import type { ShardHandle, ShardHandle__Output } from './generated/smartmix/v1/ShardHandle.js';
import type { TopKChunk__Output } from './generated/smartmix/v1/TopKChunk.js';
import type { WorkerClient } from './generated/smartmix/v1/Worker.js';
import {
  bytesOf,
  CHANNEL_OPTIONS,
  rowsPerChunk,
  toFloat32,
  toFloat64,
  toInt32,
  workerProto,
} from './protocol.js';
import { RemoteEmbedder } from './remote-embedder.js';
import { clientTimingInterceptor, countingDefinition, type RpcObserver } from './rpc-observer.js';
import { rpcError, WorkerError } from './worker-error.js';

export { WorkerError };

/** How long one call may take before the worker counts as lost (default one hour: a first full evaluation of a
 * large shard on CPU is long). */
export const DEFAULT_CALL_DEADLINE_MS = 3_600_000;

export interface ConnectionOptions {
  /** TLS or plain text (default). */
  credentials?: grpc.ChannelCredentials;
  /** Longest time one call may take (default DEFAULT_CALL_DEADLINE_MS). */
  deadlineMs?: number;
  /** The name the worker's TLS certificate must carry, when it differs from the dialled host. */
  serverName?: string;
  /** Told of every call's duration, status and message sizes (metrics). */
  observer?: RpcObserver;
}

/** Serialized message bytes moved over one connection (before HTTP/2 framing). */
export interface Traffic {
  sent: number;
  received: number;
}

/** Rows [rowStart, rowStart + rows) of a dot-product matrix, columns [colStart, colStart + cols), row-major. */
export interface SimilarityChunk {
  rowStart: number;
  rows: number;
  cols: number;
  colStart: number;
  values: Float32Array;
}

/** The coordinator's handle on one worker. */
export class WorkerConnection {
  private readonly client: WorkerClient;

  /** What this connection moved so far, for outputs and benchmarks (counted where messages are serialized). */
  readonly traffic: Traffic = { sent: 0, received: 0 };

  private readonly metadata: grpc.Metadata;

  constructor(
    readonly address: string,
    token?: string,
    private readonly options: ConnectionOptions = {},
  ) {
    this.metadata = tokenMetadata(token);
    const { observer } = options;
    // Every message's size is counted once, where it is serialized: into `traffic`, and for the metrics observer.
    const counter: RpcObserver = {
      call: (method, seconds, code) => observer?.call(method, seconds, code),
      bytes: (method, direction, bytes) => {
        this.traffic[direction] += bytes;
        observer?.bytes(method, direction, bytes);
      },
    };
    const Worker = grpc.makeGenericClientConstructor(
      countingDefinition(workerProto().smartmix.v1.Worker.service, counter),
      'Worker',
    );
    // A worker found by DNS is dialled by IP; its certificate names the Service, so TLS checks that name.
    const channel = {
      ...CHANNEL_OPTIONS,
      ...(options.serverName ? { 'grpc.ssl_target_name_override': options.serverName } : {}),
      ...(observer ? { interceptors: [clientTimingInterceptor(observer)] } : {}),
    };
    this.client = new Worker(
      address,
      options.credentials ?? grpc.credentials.createInsecure(),
      channel,
    ) as unknown as WorkerClient;
  }

  private callOptions(): grpc.CallOptions {
    return { deadline: Date.now() + (this.options.deadlineMs ?? DEFAULT_CALL_DEADLINE_MS) };
  }

  /** A unary call as a promise, its failure as a WorkerError. */
  private unary<Req, Res>(
    method: string,
    call: (
      request: Req,
      metadata: grpc.Metadata,
      options: grpc.CallOptions,
      callback: (err: grpc.ServiceError | null, value?: Res) => void,
    ) => unknown,
    request: Req,
  ): Promise<Res> {
    return new Promise((resolve, reject) => {
      call.call(this.client, request, this.metadata, this.callOptions(), (err, value) =>
        err ? reject(rpcError(this.address, method, err)) : resolve(value!),
      );
    });
  }

  health(deadlineMs = 10_000): Promise<HealthResponse__Output> {
    return new Promise((resolve, reject) => {
      this.client.health({}, this.metadata, { deadline: Date.now() + deadlineMs }, (err, reply) =>
        err ? reject(rpcError(this.address, 'Health', err)) : resolve(reply!),
      );
    });
  }

  /** Opens a facility-location shard owning blocks [firstBlock, endBlock) over a stored matrix. */
  async openShard(handle: RowsHandle__Output, blocks: ShardBlocks, openBudgetBytes = 0): Promise<string> {
    const request = { rowsId: handle.id, function: 'fl', ...blocks, openBudgetBytes };
    const reply = await this.unary<OpenShardRequest, ShardHandle__Output>(
      'OpenShard',
      this.client.openShard,
      request,
    );
    return reply.id;
  }

  /** Per-block partial gains (candidates × width, float64) of a shard, after committing `commitFirst` if given. */
  partialGains(
    shardId: string,
    candidates: Int32Array,
    width: number,
    commitFirst?: Int32Array,
  ): Promise<Float64Array> {
    const request = {
      shardId,
      candidates: bytesOf(candidates),
      commitFirst: bytesOf(commitFirst ?? new Int32Array(0)),
    };
    return this.partialSums('PartialGains', this.client.partialGains, request, candidates.length, width);
  }

  /** Per-block column sums Σ_j K[j,k] (candidates × width, float64) of a shard. */
  columnSums(shardId: string, candidates: Int32Array, width: number): Promise<Float64Array> {
    const request = { shardId, candidates: bytesOf(candidates) };
    return this.partialSums('ColumnSums', this.client.columnSums, request, candidates.length, width);
  }

  private partialSums(
    method: string,
    start: (
      request: PartialGainsRequest,
      metadata: grpc.Metadata,
      options: grpc.CallOptions,
    ) => grpc.ClientReadableStream<PartialSums__Output>,
    request: PartialGainsRequest,
    count: number,
    width: number,
  ): Promise<Float64Array> {
    return new Promise((resolve, reject) => {
      const out = new Float64Array(count * width);
      const call = start.call(this.client, request, this.metadata, this.callOptions());
      call.on('data', (chunk: PartialSums__Output) => {
        if (chunk.width !== width || chunk.first + chunk.count > count) {
          call.cancel();
          reject(new WorkerError(`worker ${this.address}: ${method}: answer does not fit the request`));
          return;
        }
        out.set(toFloat64(chunk.values), chunk.first * width);
      });
      call.on('error', (err: grpc.ServiceError) => reject(rpcError(this.address, method, err)));
      call.on('end', () => resolve(out));
    });
  }

  /** Each query's k largest similarities among the rows of `blocks` of a stored matrix, best first. */
  topK(handle: RowsHandle__Output, blocks: ShardBlocks, queries: Int32Array, k: number): Promise<TopKLists> {
    return new Promise((resolve, reject) => {
      const out = new TopKListsBuilder(queries.length, topKWidth(handle.rows, blocks, k));
      const call = this.client.topK(
        { rowsId: handle.id, ...blocks, k, queries: bytesOf(queries) },
        this.metadata,
        this.callOptions(),
      );
      call.on('data', (chunk: TopKChunk__Output) => {
        try {
          out.add(chunk.first, {
            count: chunk.count,
            width: chunk.width,
            indices: toInt32(chunk.indices),
            values: toFloat32(chunk.values),
          });
        } catch {
          call.cancel();
          reject(new WorkerError(`worker ${this.address}: TopK: answer does not fit the request`));
        }
      });
      call.on('error', (err: grpc.ServiceError) => reject(rpcError(this.address, 'TopK', err)));
      call.on('end', () => resolve(out));
    });
  }

  async commit(shardId: string, elements: Int32Array): Promise<void> {
    await this.unary<CommitRequest, unknown>('Commit', this.client.commit, {
      shardId,
      elements: bytesOf(elements),
    });
  }

  async shardValue(shardId: string): Promise<Float64Array> {
    const reply = await this.unary<ShardHandle, PartialSums__Output>('ShardValue', this.client.shardValue, {
      id: shardId,
    });
    return toFloat64(reply.values);
  }

  async closeShard(shardId: string): Promise<void> {
    await this.unary<ShardHandle, unknown>('CloseShard', this.client.closeShard, { id: shardId });
  }

  /**
   * Uploads a row-major float32 matrix in chunks of whole rows, waiting for the stream to drain whenever gRPC's
   * buffer is full: at most a few chunks are ever queued, not a serialized copy of the whole matrix.
   */
  putRows(data: Float32Array, rows: number, dim: number): Promise<RowsHandle__Output> {
    let settled = false;
    let call: grpc.ClientWritableStream<RowsChunk> | undefined;
    const answer = new Promise<RowsHandle__Output>((resolve, reject) => {
      call = this.client.putRows(this.metadata, this.callOptions(), (err, handle) => {
        settled = true;
        return err ? reject(rpcError(this.address, 'PutRows', err)) : resolve(handle!);
      });
    });
    // The answer may fail while chunks are still being written (the worker died, the channel was closed): it is
    // observed here and handed to the caller once the writing loop has stopped.
    answer.catch(() => {});
    const upload = async () => {
      const step = rowsPerChunk(4 * dim);
      try {
        for (let start = 0; start < rows && !settled; start += step) {
          const end = Math.min(rows, start + step);
          const values = bytesOf(data.subarray(start * dim, end * dim));
          if (!call!.write({ dim, values })) {
            await Promise.race([
              new Promise((resolve) => call!.once('drain', resolve)),
              answer.catch(() => {}),
            ]);
          }
        }
        call!.end();
      } catch (err) {
        // A write on a call that already failed: its answer carries the reason.
        if (!settled)
          throw new WorkerError(`worker ${this.address}: PutRows: ${(err as Error).message}`, true);
      }
    };
    return upload().then(() => answer);
  }

  /**
   * Streams rows [rowStart, rowEnd) of the stored matrix's dot-product matrix into `onRows`, chunk by chunk: whole
   * rows, or with `upper` each chunk's rows from its first row's tile column on (`colStart`).
   */
  similarityRows(
    handle: RowsHandle__Output,
    rowStart: number,
    rowEnd: number,
    onRows: (chunk: SimilarityChunk) => void,
    upper = false,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const call = this.client.similarityRows(
        { rowsId: handle.id, rowStart, rowEnd, upper },
        this.metadata,
        this.callOptions(),
      );
      call.on('data', (chunk: FloatRows__Output) => {
        const { rowStart, rows, cols, colStart } = chunk;
        onRows({ rowStart, rows, cols, colStart, values: toFloat32(chunk.values) });
      });
      call.on('error', (err: grpc.ServiceError) => reject(rpcError(this.address, 'SimilarityRows', err)));
      call.on('end', resolve);
    });
  }

  /** Opens an Embed stream: the worker opens the embedder `spec` names and then embeds batches sent to it. */
  openEmbedder(spec: EmbedderSpec): RemoteEmbedder {
    // No deadline on the call, which lasts the whole embedding: every answer on it has its own.
    const call = this.client.embed(this.metadata);
    return new RemoteEmbedder(this.address, call, spec, this.options.deadlineMs ?? DEFAULT_CALL_DEADLINE_MS);
  }

  async dropRows(handle: RowsHandle__Output): Promise<void> {
    await this.unary<RowsHandle__Output, unknown>('DropRows', this.client.dropRows, handle);
  }

  close(): void {
    this.client.close();
  }
}
