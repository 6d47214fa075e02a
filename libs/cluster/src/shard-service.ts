import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import type { DeviceOptions } from '@smartmix/onnx';
import { FacilityLocationShard } from '@smartmix/submodular';
import type { OpenShardRequest__Output } from './generated/smartmix/v1/OpenShardRequest.js';
import type { PartialGainsRequest__Output } from './generated/smartmix/v1/PartialGainsRequest.js';
import type { PartialSums } from './generated/smartmix/v1/PartialSums.js';
import type { WorkerHandlers } from './generated/smartmix/v1/Worker.js';
import { IdleMap } from './idle-map.js';
import { bytesOf, rowsPerChunk, toInt32 } from './protocol.js';

export interface StoredRows {
  rows: number;
  dim: number;
  data: Float32Array;
}

export type ShardHandlers = Pick<
  WorkerHandlers,
  'OpenShard' | 'PartialGains' | 'ColumnSums' | 'Commit' | 'ShardValue' | 'CloseShard'
>;

export const rpcFailure = (code: grpc.status, details: string) =>
  Object.assign(new Error(details), { code, details });

/**
 * Ends a server-streaming call with an error status. Emitted, not destroy()ed: grpc-js sends the status of an
 * emitted error, while a destroyed stream sends none and the caller waits for its deadline.
 */
export function failStream(
  call: { emit(event: 'error', err: Error): unknown },
  code: grpc.status,
  details: string,
): void {
  call.emit('error', rpcFailure(code, details));
}

/**
 * The worker's side of the sharded facility-location oracle (and of graph cut's column totals): shards over matrices
 * uploaded with PutRows, each owning whole summation blocks, answering per-block partial sums (libs/submodular's
 * FacilityLocationShard does the work).
 */
export function shardHandlers(
  matrices: IdleMap<StoredRows>,
  device: DeviceOptions,
  idleTtlMs: number,
): ShardHandlers {
  // A shard unused for the TTL belongs to a coordinator that is gone: release its GEMM session too.
  const shards = new IdleMap<{ shard: FacilityLocationShard; rowsId: string }>(
    idleTtlMs,
    (_id, { shard }) => {
      void shard.release();
    },
  );
  const shardOf = (id: string, method: string) => {
    const entry = shards.get(id);
    if (!entry) throw rpcFailure(grpc.status.NOT_FOUND, `${method}: no shard '${id}'`);
    matrices.get(entry.rowsId); // the shard's rows are in use too (a replacement shard may be opened over them)
    return entry.shard;
  };
  // Unary handlers: any thrown error becomes the call's status (INVALID_ARGUMENT unless it carries a code).
  const unary =
    <Req, Res>(method: string, run: (request: Req) => Promise<Res>) =>
    (call: { request: Req }, callback: (err: Error | null, value?: Res) => void) => {
      run(call.request).then(
        (value) => callback(null, value),
        (err: Error & { code?: grpc.status }) =>
          callback(rpcFailure(err.code ?? grpc.status.INVALID_ARGUMENT, `${method}: ${err.message}`)),
      );
    };

  // Server-streaming handlers: per-candidate rows of per-block partial sums, in chunks of whole candidates.
  const streamPartials =
    (
      method: string,
      compute: (
        shard: FacilityLocationShard,
        candidates: Int32Array,
        request: PartialGainsRequest__Output,
      ) => Promise<Float64Array>,
    ) =>
    async (call: grpc.ServerWritableStream<PartialGainsRequest__Output, PartialSums>) => {
      try {
        const shard = shardOf(call.request.shardId, method);
        const candidates = toInt32(call.request.candidates);
        const width = shard.endBlock - shard.firstBlock;
        const values = await compute(shard, candidates, call.request);
        const step = rowsPerChunk(8 * width);
        for (let first = 0; first < candidates.length; first += step) {
          if (call.cancelled) return;
          const count = Math.min(step, candidates.length - first);
          const message: PartialSums = {
            first,
            count,
            width,
            values: bytesOf(values.subarray(first * width, (first + count) * width)),
          };
          if (!call.write(message)) await new Promise((resolve) => call.once('drain', resolve));
        }
        call.end();
      } catch (err) {
        const e = err as Error & { code?: grpc.status };
        failStream(call, e.code ?? grpc.status.INVALID_ARGUMENT, `${method}: ${e.message}`);
      }
    };

  return {
    OpenShard: unary('OpenShard', async (request: OpenShardRequest__Output) => {
      const matrix = matrices.get(request.rowsId);
      if (!matrix) throw rpcFailure(grpc.status.NOT_FOUND, `no matrix '${request.rowsId}'`);
      if (request.function !== 'fl')
        throw new Error(`function '${request.function}' is not sharded (only fl)`);
      const shard = await FacilityLocationShard.create(
        matrix.data,
        matrix.rows,
        matrix.dim,
        { firstBlock: request.firstBlock, endBlock: request.endBlock },
        { ...device, openBudgetBytes: request.openBudgetBytes || undefined },
      );
      const id = randomBytes(8).toString('hex');
      shards.set(id, { shard, rowsId: request.rowsId });
      return { id };
    }),

    PartialGains: streamPartials('PartialGains', (shard, candidates, request) =>
      shard.partialGains(
        candidates,
        request.commitFirst.length > 0 ? toInt32(request.commitFirst) : undefined,
      ),
    ),
    ColumnSums: streamPartials('ColumnSums', (shard, candidates) => shard.columnSums(candidates)),

    Commit: unary('Commit', async (request: { shardId: string; elements: Buffer }) => {
      await shardOf(request.shardId, 'Commit').commit(toInt32(request.elements));
      return {};
    }),

    ShardValue: unary('ShardValue', async (request: { id: string }) => {
      const shard = shardOf(request.id, 'ShardValue');
      const values = await shard.valueParts();
      return { first: 0, count: 1, width: values.length, values: bytesOf(values) };
    }),

    CloseShard: unary('CloseShard', async (request: { id: string }) => {
      await shards.delete(request.id)?.shard.release();
      return {};
    }),
  };
}
