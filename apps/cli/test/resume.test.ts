import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CliProcess, findSharedData } from './cli-process.js';
import { runCli } from './run-cli.js';

const T0_MINI = findSharedData('data/t0-mini');
const dir = await mkdtemp(join(tmpdir(), 'cli-resume-'));
after(() => rm(dir, { recursive: true, force: true }));

/** A job with many stage-2 groups (164 on t0-mini), so that a kill can land in the middle of stage 2. */
const mixArgs = (store: string, out: string) => [
  'mix',
  // The hashing embedder: embedding 37k prompts with the model on 2 cores would dwarf what is tested here.
  '--embedder',
  'hashing',
  '--input',
  T0_MINI ?? '',
  '--num-tasks',
  '120',
  '--budget',
  '20000',
  '--store',
  store,
  '--out',
  out,
];

/** Finished stage-2 orders in a local store (content keys are 64 hex digits; temporary files are not). */
const ordersIn = (store: string) =>
  existsSync(join(store, 'stage2-orders'))
    ? readdirSync(join(store, 'stage2-orders')).filter((n) => /^[0-9a-f]{64}$/.test(n)).length
    : 0;

const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

describe('mix --resume after a crash in stage 2', { skip: T0_MINI === undefined && 'no t0-mini' }, () => {
  it('recomputes nothing that finished and writes what an uninterrupted run writes', async () => {
    const full = await runCli(mixArgs(join(dir, 'store-full'), join(dir, 'full')));
    assert.equal(full.code, 0, full.stderr);
    const groups = manifestOf(join(dir, 'full')).cache.stage2OrdersComputed;
    assert.ok(groups > 100);

    // Killed with SIGKILL (no clean-up of any kind) once a few orders are stored.
    const store = join(dir, 'store');
    const crashed = new CliProcess(mixArgs(store, join(dir, 'resumed')));
    const deadline = Date.now() + 120_000;
    while (ordersIn(store) < 10 && crashed.child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    const finished = ordersIn(store);
    assert.ok(finished >= 10 && finished < groups, `killed after ${finished} of ${groups} orders`);
    assert.ok(!existsSync(join(dir, 'resumed')), 'no partial output');

    const resumed = await runCli([...mixArgs(store, join(dir, 'resumed')), '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const manifest = manifestOf(join(dir, 'resumed'));
    assert.deepEqual(manifest.cache.artifacts, {
      'task-embeddings': { computed: 0, reused: 1 },
      stage1: { computed: 0, reused: 1 },
      'stage2-order': { computed: groups - finished, reused: finished },
      mixture: { computed: 1, reused: 0 },
    });
    assert.equal(manifest.execution.resume, true);

    for (const file of ['mixture.jsonl', 'budgets.csv']) {
      assert.ok(
        readFileSync(join(dir, 'resumed', file)).equals(readFileSync(join(dir, 'full', file))),
        `${file} differs from the uninterrupted run's`,
      );
    }
    // The two runs used different stores (so the full run could not reuse anything); all else must agree.
    const strip = (m: { parameters: object; spec: object }) => ({
      ...m,
      parameters: { ...m.parameters, store: null },
      spec: { ...m.spec, store: null },
      execution: null,
      timings: null,
      cache: null,
    });
    assert.deepEqual(strip(manifest), strip(manifestOf(join(dir, 'full'))));
  });

  it('the manifest records lineage: each artifact with the keys it was computed from', () => {
    const { lineage } = manifestOf(join(dir, 'full'));
    const byKind = (kind: string) => lineage.filter((e: { kind: string }) => e.kind === kind);
    const [taskEmbeddings] = byKind('task-embeddings');
    const [stage1] = byKind('stage1');
    assert.match(taskEmbeddings.key, /^task-embeddings\/[0-9a-f]{64}$/);
    assert.equal(stage1.inputs.taskEmbeddings, taskEmbeddings.key);
    const orders = byKind('stage2-order');
    assert.equal(orders.length, manifestOf(join(dir, 'full')).cache.stage2OrdersComputed);
    for (const order of orders) {
      assert.match(order.key, /^stage2-orders\/[0-9a-f]{64}$/);
      assert.ok(existsSync(join(dir, 'store-full', order.key)), order.key);
      assert.match(order.inputs.group, /^.+\/(zs|fs)_(opt|noopt)$/);
    }
    const [mixture] = byKind('mixture');
    assert.equal(mixture.inputs.stage1, stage1.key);
    const stored = join(dir, 'store-full', mixture.key);
    assert.ok(readFileSync(stored).equals(readFileSync(join(dir, 'full', 'mixture.jsonl'))));
  });

  it("keeps the job's manifest in the store under a key of the job's identity", () => {
    const manifest = manifestOf(join(dir, 'full'));
    assert.match(manifest.output.stored.manifest, /^jobs\/[0-9a-f]{64}$/);
    assert.deepEqual(
      JSON.parse(readFileSync(join(dir, 'store-full', manifest.output.stored.manifest), 'utf8')),
      manifest,
    );
    // The same job run against another store is the same job: same key.
    assert.equal(manifestOf(join(dir, 'resumed')).output.stored.manifest, manifest.output.stored.manifest);
  });
});
