import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  type EmbedderSpec,
  embedOnWorkers,
  WorkerConnection,
  type WorkerError,
  WorkerPool,
} from '@smartmix/cluster';
import { type BatchRunner, embedStream, OnnxEmbedder } from '@smartmix/embedding';
import { writeTinyBert } from '../../embedding/test/tiny-bert.js';
import { type SpawnedWorker, spawnWorker } from './spawn-worker.js';

// The workers' embedding service: real worker processes on 127.0.0.1 running a tiny model, against the same
// embedStream in process.
const TOKEN = 'embed-workers-test-token';
const dir = await mkdtemp(join(tmpdir(), 'embed-workers-'));
const files = await writeTinyBert(dir);
const spec: EmbedderSpec = {
  modelFile: files.model,
  tokenizerFile: files.tokenizer,
  pooling: 'mean',
  normalize: true,
  maxLength: 0,
};
const WORDS = ['the', 'cat', 'sat', 'on', 'mat', 'dogs', 'running', 'hello', 'world', 'café'];
// Texts of many lengths (so batches pad differently) and a few repeats.
const texts = Array.from({ length: 300 }, (_, i) =>
  Array.from({ length: 1 + ((i * 7) % 23) }, (_, w) => WORDS[(i + w * 3) % WORDS.length]).join(' '),
);

let embedder: OnnxEmbedder;
const workers: SpawnedWorker[] = [];
before(async () => {
  embedder = await OnnxEmbedder.open({ ...files, threads: 1 });
  workers.push(
    ...(await Promise.all([0, 1, 2].map(() => spawnWorker({ env: { SMARTMIX_WORKER_TOKEN: TOKEN } })))),
  );
});
after(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await embedder.release();
  await rm(dir, { recursive: true, force: true });
});

/** Every vector of `texts`, as embedStream yields them with `runner` (in process without one). */
async function embedAll(runner?: BatchRunner): Promise<Buffer> {
  const rows: Buffer[] = [];
  const items = texts.map((text, i) => ({ id: String(i), text }));
  for await (const window of embedStream(embedder, items, { batchSize: 8, windowSize: 128, runner })) {
    rows.push(Buffer.from(window.vectors.buffer, window.vectors.byteOffset, window.vectors.byteLength));
  }
  return Buffer.concat(rows);
}

const connect = (count: number, token = TOKEN) =>
  workers.slice(0, count).map((w) => new WorkerConnection(w.address, token));

describe('embedding on workers', () => {
  it('gives the bytes of the in-process run, on one worker and on two', async () => {
    const expected = await embedAll();
    for (const count of [1, 2]) {
      const connections = connect(count);
      const runner = await embedOnWorkers(new WorkerPool(connections), spec, embedder);
      assert.equal(runner.concurrency, 2 * count);
      assert.equal(runner.device, 'cpu');
      assert.ok((await embedAll(runner)).equals(expected), `${count} workers`);
      runner.close();
      for (const c of connections) c.close();
    }
  });

  it('sends a lost worker’s unanswered batches to another worker: same bytes, one warning', async () => {
    const expected = await embedAll();
    const connections = connect(3).slice(1); // workers 1 and 2: worker 2 is killed below
    const losses: string[] = [];
    const pool = new WorkerPool(connections, (lost, cause, replacement) =>
      losses.push(`${lost.address}: ${cause.message} → ${replacement.address}`),
    );
    const remote = await embedOnWorkers(pool, spec, embedder);
    let answered = 0;
    // Killed as soon as the first batch is back: the victim still has batches in flight.
    const killing: BatchRunner = {
      concurrency: remote.concurrency,
      run: async (batch) => {
        const vectors = await remote.run(batch);
        if (++answered === 1) workers[2]!.child.kill('SIGKILL');
        return vectors;
      },
    };
    assert.ok((await embedAll(killing)).equals(expected));
    assert.equal(losses.length, 1, losses.join('\n'));
    assert.match(losses[0]!, new RegExp(`^${workers[2]!.address}: worker ${workers[2]!.address}: Embed: `));
    remote.close();
    for (const c of connections) c.close();
  });
});

describe('embedding on workers refuses', () => {
  it('a worker whose embedder differs from the coordinator’s, in one line', async () => {
    const shorter = await OnnxEmbedder.open({ ...files, maxLength: 5, threads: 1 });
    const [connection] = connect(1);
    await assert.rejects(embedOnWorkers(new WorkerPool([connection!]), spec, shorter), (err: WorkerError) => {
      assert.equal(err.name, 'WorkerError');
      assert.equal(err.lost, false);
      assert.match(
        err.message,
        /^worker 127\.0\.0\.1:\d+: embeds with another model \(embedder [0-9a-f]{12}, dim 8; here: [0-9a-f]{12}, dim 8\)/,
      );
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
    connection!.close();
    await shorter.release();
  });

  it('a wrong token, and a model file the worker cannot read', async () => {
    const [wrong] = connect(1, 'wrong-token');
    await assert.rejects(
      embedOnWorkers(new WorkerPool([wrong!]), spec, embedder),
      /^WorkerError: worker 127\.0\.0\.1:\d+: Embed: refused: missing or wrong worker token$/,
    );
    wrong!.close();
    const [right] = connect(1);
    await assert.rejects(
      embedOnWorkers(new WorkerPool([right!]), { ...spec, modelFile: join(dir, 'absent.onnx') }, embedder),
      /Embed: .*absent\.onnx: cannot read model \(ENOENT\)$/,
    );
    right!.close();
  });
});
