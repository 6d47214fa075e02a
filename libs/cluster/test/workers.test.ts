import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CHUNK_BYTES,
  type LocalWorkers,
  similarityMatrixFromWorkers,
  startLocalWorkers,
  WorkerConnection,
  WorkerPool,
} from '@smartmix/cluster';
import { inProcessDotProducts, kernelValueCount } from '@smartmix/submodular';
import { upperAreaBoundary } from '../src/worker-kernel.js';
import { spawnWorker, WORKER_COMMAND } from './spawn-worker.js';

function seeded(count: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
}

describe('workers over gRPC on loopback', () => {
  let workers: LocalWorkers;
  before(async () => {
    workers = await startLocalWorkers(WORKER_COMMAND, 3);
  });
  after(async () => {
    await workers.stop();
  });

  it('answer health checks with their capabilities', async () => {
    for (const w of workers.connections) {
      assert.match(w.address, /^127\.0\.0\.1:\d+$/);
      const health = await w.health();
      assert.equal(health.version, 'test');
      assert.equal(health.device, 'cpu');
      assert.equal(health.threads, 1);
      assert.ok(health.rssBytes > 0);
    }
  });

  it('compute a similarity matrix bit-identical to the in-process one, for 1, 2 and 3 workers, streamed in chunks', async () => {
    const n = 1100;
    const d = 1024; // 4.5 MB of rows and 4.8 MB of results: both above one gRPC message, so both are chunked
    assert.ok(n * d * 4 > CHUNK_BYTES && n * n * 4 > CHUNK_BYTES);
    const rows = seeded(n * d, 11);
    const expected = await inProcessDotProducts()(rows, n, d);
    for (const count of [1, 2, 3]) {
      const actual = await similarityMatrixFromWorkers(
        new WorkerPool(workers.connections.slice(0, count)),
        rows,
        n,
        d,
      );
      assert.ok(Buffer.from(actual.buffer).equals(Buffer.from(expected.buffer)), `${count} workers`);
    }
    for (const w of workers.connections)
      assert.equal((await w.health()).storedMatrices, 0, 'uploads are dropped afterwards');
  });

  it('report an unreachable worker clearly and quickly', async () => {
    const dead = new WorkerConnection('127.0.0.1:1');
    const start = Date.now();
    await assert.rejects(dead.health(3000), /worker 127\.0\.0\.1:1: Health: unreachable/);
    assert.ok(Date.now() - start < 3500);
    dead.close();
  });
});

describe('local workers follow their coordinator', () => {
  it('exit when the coordinator is killed (SIGKILL), leaving no orphan', async () => {
    const { spawn } = await import('node:child_process');
    const { createInterface } = await import('node:readline');
    const script = fileURLToPath(new URL('./coordinator-process.ts', import.meta.url));
    const coordinator = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: coordinator.stdout! }).once('line', resolve),
    );
    const pids = JSON.parse(line) as number[];
    const { readFileSync } = await import('node:fs');
    // Alive means present and not a zombie: an orphan's exit is reaped by whatever init the machine runs, if any.
    const alive = (pid: number) => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
      } catch {
        return false;
      }
    };
    assert.equal(pids.length, 2);
    assert.ok(pids.every(alive));
    coordinator.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(pids.filter(alive), [], 'workers still running after their coordinator died');
  });
});

describe('row ranges for the upper half of a kernel', () => {
  it('give every worker the same share of the upper half, from row 0 to row n', () => {
    const area = (from: number, to: number) => {
      let sum = 0;
      for (let r = from; r < to; r++) sum += 1000 - r;
      return sum;
    };
    for (const parts of [1, 2, 3, 4, 7]) {
      const bounds = Array.from({ length: parts + 1 }, (_, w) => upperAreaBoundary(1000, w / parts));
      assert.equal(bounds[0], 0);
      assert.equal(bounds[parts], 1000);
      const shares = bounds.slice(1).map((end, w) => area(bounds[w]!, end));
      // Rows are whole: shares differ by at most about one row (≤ 1,000 entries) from the exact 500,500 / parts.
      for (const share of shares) assert.ok(Math.abs(share - 500_500 / parts) <= 1000, `${parts}: ${shares}`);
    }
  });
});

describe('streaming calls that fail on the worker', () => {
  it("end at once with the worker's status, not at the deadline", async () => {
    const worker = await spawnWorker();
    // A deadline far beyond the bounded wait below: an answer within it can only be the worker's status.
    const client = new WorkerConnection(worker.address, undefined, { deadlineMs: 60_000 });
    try {
      const started = performance.now();
      await assert.rejects(
        client.similarityRows({ id: 'no-such-matrix', rows: 8, dim: 4 }, 0, 8, () => {}),
        /SimilarityRows.*no matrix 'no-such-matrix'/,
      );
      await assert.rejects(
        client.partialGains('no-such-shard', Int32Array.of(0), 1),
        /PartialGains.*no-such-shard/,
      );
      assert.ok(performance.now() - started < 10_000, 'the calls waited for their deadline');
    } finally {
      client.close();
      worker.stop();
    }
  });
});

describe('state a coordinator leaves behind', () => {
  it('is dropped by the worker once unused for its idle TTL', async () => {
    const worker = await spawnWorker({ args: ['--idle-state-ttl', '1'] });
    const client = new WorkerConnection(worker.address);
    try {
      await client.putRows(seeded(64 * 4, 5), 64, 4);
      assert.equal((await client.health()).storedMatrices, 1);
      // Sweeps run every second; the matrix is gone within a few (bounded wait).
      let stored = 1;
      for (let tries = 0; tries < 50 && stored > 0; tries++) {
        await new Promise((r) => setTimeout(r, 200));
        stored = (await client.health()).storedMatrices;
      }
      assert.equal(stored, 0);
    } finally {
      client.close();
      worker.stop();
    }
  });
});

describe('shared-token authentication', () => {
  const TOKEN = 's3cret-token-for-tests';
  let workers: LocalWorkers;
  let address: string;
  before(async () => {
    // A worker started with its own token (as `smartmix worker` with SMARTMIX_WORKER_TOKEN set).
    const worker = await spawnWorker({ env: { SMARTMIX_WORKER_TOKEN: TOKEN } });
    address = worker.address;
    workers = { connections: [], stop: async () => worker.stop() };
  });
  after(() => workers.stop());

  it('refuses calls without the token or with a wrong one, and never echoes a token', async () => {
    for (const token of [undefined, 'wrong-token']) {
      const client = new WorkerConnection(address, token);
      await assert.rejects(client.health(), (err: Error) => {
        assert.match(err.message, /refused: missing or wrong worker token/);
        assert.ok(!err.message.includes(TOKEN) && !err.message.includes('wrong-token'));
        return true;
      });
      await assert.rejects(client.putRows(new Float32Array(4), 1, 4), /refused/);
      client.close();
    }
  });

  it('serves calls that carry the token', async () => {
    const client = new WorkerConnection(address, TOKEN);
    assert.equal((await client.health()).version, 'test');
    const rows = seeded(300 * 8, 3);
    const matrix = await similarityMatrixFromWorkers(new WorkerPool([client]), rows, 300, 8);
    assert.equal(matrix.length, kernelValueCount('upper', 300));
    client.close();
  });
});
