import { planShards, type ShardBlocks, type TopKLists, type TopKPart } from '@smartmix/submodular';
import type { WorkerConnection } from './worker-client.js';
import { RowsOnWorkers, type WorkerPool } from './worker-pool.js';

/**
 * A top-k part answered by a worker. It holds no state there beyond the uploaded rows, so when its worker is lost the
 * same request simply goes to a replacement (which gets the rows first): the answer is the same bits either way.
 */
class RemoteTopKPart implements TopKPart {
  readonly firstBlock: number;
  readonly endBlock: number;

  constructor(
    private readonly pool: WorkerPool,
    private readonly rows: RowsOnWorkers,
    blocks: ShardBlocks,
    private worker: WorkerConnection,
  ) {
    this.firstBlock = blocks.firstBlock;
    this.endBlock = blocks.endBlock;
  }

  topK(queries: Int32Array, k: number): Promise<TopKLists> {
    const blocks = { firstBlock: this.firstBlock, endBlock: this.endBlock };
    return this.pool.run(this.worker, async (worker) => {
      this.worker = worker;
      return worker.topK(await this.rows.on(worker), blocks, queries, k);
    });
  }

  release(): Promise<void> {
    return this.rows.release();
  }
}

/**
 * Top-k parts on the pool's workers: balanced block ranges, one per worker (fewer when the ground set has fewer blocks
 * than there are workers), each worker holding the normalised rows once.
 */
export async function topKPartsOnWorkers(
  pool: WorkerPool,
  rows: Float32Array,
  n: number,
  d: number,
): Promise<TopKPart[]> {
  const workers = pool.alive();
  const plan = planShards(n, workers.length);
  const uploads = new RowsOnWorkers(rows, n, d, plan.length);
  return plan.map((blocks, s) => new RemoteTopKPart(pool, uploads, blocks, workers[s]!));
}
