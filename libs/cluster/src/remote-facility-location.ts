import { type FacilityLocationPart, planShards, type ShardBlocks } from '@smartmix/submodular';
import type { WorkerConnection } from './worker-client.js';
import { RowsOnWorkers, type WorkerPool } from './worker-pool.js';

/**
 * A facility-location shard held by a worker. It remembers the elements committed so far, so when its worker is lost
 * it reopens the shard on a replacement and replays them (the memo is a max over the chosen columns, so the replay
 * rebuilds it exactly); kept open rows are a cache and are simply rebuilt. Answers are the same bits either way.
 */
class RemoteFacilityLocationPart implements FacilityLocationPart {
  readonly firstBlock: number;
  readonly endBlock: number;
  private shard: { worker: WorkerConnection; id: Promise<string> } | undefined;
  private readonly committed: number[] = [];

  constructor(
    private readonly pool: WorkerPool,
    private readonly rows: RowsOnWorkers,
    blocks: ShardBlocks,
    private worker: WorkerConnection,
    private readonly openBudgetBytes: number,
  ) {
    this.firstBlock = blocks.firstBlock;
    this.endBlock = blocks.endBlock;
  }

  private get width(): number {
    return this.endBlock - this.firstBlock;
  }

  /** Runs `call` against this part's shard, (re)opening it on whichever worker the pool hands out. */
  private withShard<T>(call: (worker: WorkerConnection, shardId: string) => Promise<T>): Promise<T> {
    return this.pool.run(this.worker, async (worker) => {
      if (this.shard?.worker !== worker) {
        this.worker = worker;
        this.shard = { worker, id: this.open(worker) };
      }
      return call(worker, await this.shard.id);
    });
  }

  private async open(worker: WorkerConnection): Promise<string> {
    const blocks = { firstBlock: this.firstBlock, endBlock: this.endBlock };
    const id = await worker.openShard(await this.rows.on(worker), blocks, this.openBudgetBytes);
    if (this.committed.length > 0) await worker.commit(id, Int32Array.from(this.committed));
    return id;
  }

  async partialGains(candidates: Int32Array, commitFirst?: Int32Array): Promise<Float64Array> {
    const gains = await this.withShard((worker, id) =>
      worker.partialGains(id, candidates, this.width, commitFirst),
    );
    // Only now part of what a replacement replays; if the call failed, the retry carried them anyway.
    if (commitFirst) this.committed.push(...commitFirst);
    return gains;
  }

  columnSums(candidates: Int32Array): Promise<Float64Array> {
    return this.withShard((worker, id) => worker.columnSums(id, candidates, this.width));
  }

  async commit(elements: Int32Array): Promise<void> {
    await this.withShard((worker, id) => worker.commit(id, elements));
    this.committed.push(...elements);
  }

  valueParts(): Promise<Float64Array> {
    return this.withShard((worker, id) => worker.shardValue(id));
  }

  async release(): Promise<void> {
    const shard = this.shard;
    this.shard = undefined;
    if (shard) await shard.id.then((id) => shard.worker.closeShard(id)).catch(() => {});
    await this.rows.release();
  }
}

/**
 * Facility-location shards on the pool's workers: balanced block ranges, one per worker (fewer when the ground set
 * has fewer blocks than there are workers), each worker holding the normalised rows once.
 */
export async function facilityLocationPartsOnWorkers(
  pool: WorkerPool,
  rows: Float32Array,
  n: number,
  d: number,
  openBudgetBytes = 0,
): Promise<FacilityLocationPart[]> {
  const workers = pool.alive();
  const plan = planShards(n, workers.length);
  // Every worker holding a shard holds the rows once, while any shard may still need them (a replay after a loss).
  const uploads = new RowsOnWorkers(rows, n, d, plan.length);
  return plan.map(
    (blocks, s) => new RemoteFacilityLocationPart(pool, uploads, blocks, workers[s]!, openBudgetBytes),
  );
}
