import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type LocalWorkers, startLocalWorkers, topKPartsOnWorkers, WorkerPool } from '@smartmix/cluster';
import {
  blockCount,
  InProcessTopKPart,
  nearestNeighborKernel,
  normalizeRows,
  SUMMATION_BLOCK_ROWS,
} from '@smartmix/submodular';
import { WORKER_COMMAND } from './spawn-worker.js';

// Three summation blocks, so three workers each own one; values rounded so that exact ties are common.
const n = 2 * SUMMATION_BLOCK_ROWS + 50;
const d = 16;
let s = 7;
const rows = normalizeRows(
  Float32Array.from({ length: n * d }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.round((s / 2 ** 32 - 0.5) * 4) / 4;
  }),
  n,
  d,
);

describe('top-k similarities on real workers', () => {
  let workers: LocalWorkers;
  before(async () => {
    workers = await startLocalWorkers(WORKER_COMMAND, 3);
  });
  after(() => workers.stop());

  it('build the in-process kNN kernel exactly, for 1, 2 and 3 workers, and drop the rows afterwards', async () => {
    const k = 25;
    const local = await InProcessTopKPart.create(rows, n, d, { firstBlock: 0, endBlock: blockCount(n) });
    const expected = await nearestNeighborKernel(n, k, [local]);
    await local.release();
    for (const count of [1, 2, 3]) {
      const pool = new WorkerPool(workers.connections.slice(0, count));
      const parts = await topKPartsOnWorkers(pool, rows, n, d);
      assert.equal(parts.length, count);
      const kernel = await nearestNeighborKernel(n, k, parts);
      await Promise.all(parts.map((part) => part.release()));
      assert.deepEqual(kernel.neighbors, expected.neighbors, `${count} workers`);
      assert.deepEqual(kernel.similarities, expected.similarities, `${count} workers`);
    }
    for (const w of workers.connections) assert.equal((await w.health()).storedMatrices, 0);
  });

  it('stream long lists in several messages, and refuse a bad request as one line, not as a lost worker', async () => {
    const worker = workers.connections[0]!;
    const handle = await worker.putRows(rows, n, d);
    try {
      // Every row as neighbour: 8·n bytes per query, several batches and messages of whole queries.
      const queries = Int32Array.from({ length: 150 }, (_, q) => (q * 97) % n);
      const blocks = { firstBlock: 1, endBlock: 3 };
      const received = worker.traffic.received;
      const remote = await worker.topK(handle, blocks, queries, n);
      assert.ok(worker.traffic.received - received > 4 * 2 ** 20, 'above one message');
      const local = await InProcessTopKPart.create(rows, n, d, blocks);
      const expected = await local.topK(queries, n);
      await local.release();
      assert.equal(
        remote.width,
        n - SUMMATION_BLOCK_ROWS,
        'a part owning fewer rows than k answers all of them',
      );
      assert.deepEqual(remote.indices, expected.indices);
      assert.deepEqual(remote.values, expected.values);
      await assert.rejects(
        worker.topK(handle, { firstBlock: 2, endBlock: 4 }, queries, 5),
        (err: Error & { lost?: boolean }) =>
          /TopK: top-k blocks \[2, 4\) are not a range of the 3 blocks/.test(err.message) &&
          err.lost === false,
      );
      await assert.rejects(worker.topK(handle, blocks, Int32Array.of(n), 5), /not in the ground set/);
    } finally {
      await worker.dropRows(handle);
    }
  });
});
