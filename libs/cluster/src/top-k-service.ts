import * as grpc from '@grpc/grpc-js';
import type { SimilarityBlockRunner } from '@smartmix/onnx';
import { forEachTopKBatch, type TopKLists } from '@smartmix/submodular';
import type { TopKChunk } from './generated/smartmix/v1/TopKChunk.js';
import type { TopKRequest__Output } from './generated/smartmix/v1/TopKRequest.js';
import type { WorkerHandlers } from './generated/smartmix/v1/Worker.js';
import type { IdleMap } from './idle-map.js';
import { bytesOf, rowsPerChunk, toInt32 } from './protocol.js';
import { rpcFailure, type StoredRows } from './shard-service.js';

/**
 * The worker's side of kNN kernels: each query's top k among the rows of some blocks of a stored matrix
 * (libs/submodular's forEachTopKBatch does the work). Stateless: a lost worker's queries are simply asked again.
 * Batches are streamed as they finish, waiting for the transport to drain, so a worker holds one batch at a time.
 */
export function topKHandler(
  matrices: IdleMap<StoredRows>,
  runner: () => Promise<SimilarityBlockRunner>,
): Pick<WorkerHandlers, 'TopK'> {
  return {
    async TopK(call: grpc.ServerWritableStream<TopKRequest__Output, TopKChunk>) {
      const request = call.request;
      try {
        const matrix = matrices.get(request.rowsId);
        if (!matrix) throw rpcFailure(grpc.status.NOT_FOUND, `no matrix '${request.rowsId}'`);
        const queries = toInt32(request.queries);
        if (queries.length === 0) throw new Error('no queries');
        const blocks = { firstBlock: request.firstBlock, endBlock: request.endBlock };
        const { rows, dim, data } = matrix;
        await forEachTopKBatch(
          await runner(),
          data,
          rows,
          dim,
          blocks,
          queries,
          request.k,
          async (first, lists) => {
            for (const chunk of chunks(first, lists)) {
              // Stops the remaining batches too: nobody will read them.
              if (call.cancelled) throw new Error('cancelled by the caller');
              if (!call.write(chunk)) await new Promise((resolve) => call.once('drain', resolve));
            }
          },
        );
        call.end();
      } catch (err) {
        const e = err as Error & { code?: grpc.status };
        // An 'error' event is how grpc-js ends a server stream with a status; destroy() would end it with none,
        // leaving the caller waiting until its deadline.
        call.emit('error', rpcFailure(e.code ?? grpc.status.INVALID_ARGUMENT, e.message));
      }
    },
  };
}

/** One batch's lists as messages of whole queries, each below the chunk size. */
function* chunks(first: number, lists: TopKLists): Generator<TopKChunk> {
  const { width } = lists;
  const step = rowsPerChunk(8 * width);
  for (let q = 0; q < lists.count; q += step) {
    const count = Math.min(step, lists.count - q);
    yield {
      first: first + q,
      count,
      width,
      indices: bytesOf(lists.indices.subarray(q * width, (q + count) * width)),
      values: bytesOf(lists.values.subarray(q * width, (q + count) * width)),
    };
  }
}
