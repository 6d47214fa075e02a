import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  facilityLocationPartsOnWorkers,
  type LocalWorkers,
  similarityMatrixFromWorkers,
  startLocalWorkers,
  WorkerPool,
} from '@smartmix/cluster';
import {
  blockCount,
  createRng,
  FacilityLocationShard,
  type GainOracle,
  inProcessDotProducts,
  normalizeRows,
  ShardedFacilityLocation,
  SUMMATION_BLOCK_ROWS,
} from '@smartmix/submodular';
import { WORKER_COMMAND } from './spawn-worker.js';

// Four summation blocks, so four workers each own one; d small to keep the test quick.
const N = 3 * SUMMATION_BLOCK_ROWS + 700;
const D = 8;

function clusteredRows(seed: number): Float32Array {
  const rng = createRng(seed);
  const centres = Float32Array.from({ length: 8 * D }, () => rng.nextFloat() - 0.5);
  const x = Float32Array.from(
    { length: N * D },
    (_, i) => centres[(Math.floor(i / D) % 8) * D + (i % D)]! + 0.2 * (rng.nextFloat() - 0.5),
  );
  return normalizeRows(x, N, D);
}

/**
 * Greedy rounds over a fixed candidate sample, every gain recorded; `between(round)` runs after each commit. The
 * later rounds read kept open rows, and a replacement worker rebuilds its shard by replaying the commits.
 */
async function trace(
  oracle: GainOracle & { value(): Promise<number> },
  between = async (_round: number) => {},
) {
  const rng = createRng(4);
  const candidates = Int32Array.from({ length: 1500 }, () => Math.floor(rng.nextFloat() * N));
  const gains: number[][] = [];
  const taken = new Set<number>();
  for (let round = 0; round < 5; round++) {
    const g = await oracle.gains(candidates);
    gains.push([...g]);
    let best = -1;
    g.forEach((value, c) => {
      if (!taken.has(candidates[c]!) && (best < 0 || value > g[best]!)) best = c;
    });
    taken.add(candidates[best]!);
    await oracle.commit(candidates[best]!);
    await between(round);
  }
  return { gains, value: await oracle.value() };
}

describe('sharded facility location on real workers', () => {
  let workers: LocalWorkers;
  let rows: Float32Array;
  let expected: Awaited<ReturnType<typeof trace>>;
  before(async () => {
    assert.equal(blockCount(N), 4);
    workers = await startLocalWorkers(WORKER_COMMAND, 4);
    rows = clusteredRows(7);
    const inProcess = await FacilityLocationShard.create(rows, N, D, { firstBlock: 0, endBlock: 4 });
    expected = await trace(new ShardedFacilityLocation(N, [inProcess]));
    await inProcess.release();
  });
  after(() => workers.stop());

  for (const count of [1, 2, 4]) {
    it(`gives the in-process gains and value bit for bit with ${count} worker${count > 1 ? 's' : ''}`, async () => {
      const pool = new WorkerPool(workers.connections.slice(0, count));
      const oracle = new ShardedFacilityLocation(N, await facilityLocationPartsOnWorkers(pool, rows, N, D));
      assert.deepEqual(await trace(oracle), expected);
      await oracle.release();
      for (const w of workers.connections) assert.equal((await w.health()).storedMatrices, 0, 'rows dropped');
    });
  }
});

describe('a worker killed with SIGKILL', () => {
  it('loses no work: its shard moves to another worker, which replays the selection; the same bits result', async () => {
    const rows = clusteredRows(7);
    const inProcess = await FacilityLocationShard.create(rows, N, D, { firstBlock: 0, endBlock: 4 });
    const expected = await trace(new ShardedFacilityLocation(N, [inProcess]));
    await inProcess.release();

    const workers = await startLocalWorkers(WORKER_COMMAND, 3);
    try {
      const losses: string[] = [];
      const pool = new WorkerPool(workers.connections, (lost, cause, replacement) =>
        losses.push(`${lost.address} -> ${replacement.address}: ${cause.message}`),
      );
      const victim = workers.connections[1]!;
      const pid = (await victim.health()).pid;
      const oracle = new ShardedFacilityLocation(N, await facilityLocationPartsOnWorkers(pool, rows, N, D));
      const actual = await trace(oracle, async (round) => {
        if (round === 1) process.kill(pid, 'SIGKILL');
      });
      await oracle.release();
      assert.deepEqual(actual, expected);
      assert.equal(losses.length, 1, losses.join('\n'));
      assert.ok(losses[0]!.startsWith(`${victim.address} -> `));
      assert.equal(pool.alive().length, 2);

      // The dense path too: a lost worker's rows are computed by another, bit for bit.
      const n = 600;
      const small = clusteredRows(3).subarray(0, n * D);
      const matrix = await similarityMatrixFromWorkers(new WorkerPool(workers.connections), small, n, D);
      const reference = await inProcessDotProducts()(small, n, D);
      assert.ok(Buffer.from(matrix.buffer).equals(Buffer.from(reference.buffer)));
    } finally {
      await workers.stop();
    }
  });
});
