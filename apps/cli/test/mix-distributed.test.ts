import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collect, lineMatching, runCli, spawnCli } from './run-cli.js';

// A distributed mix under failure: real worker processes on 127.0.0.1, killed or stopped while stage 2 runs.
const T0_MINI = fileURLToPath(new URL('../../../../shared/data/t0-mini/', import.meta.url));
const present = existsSync(T0_MINI);
const dir = await mkdtemp(join(tmpdir(), 'cli-mix-distributed-'));
const TOKEN = 'mix-distributed-test-token';
const workers: ReturnType<typeof spawnCli>[] = [];
after(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const mixArgs = (out: string, store: string, more: string[]) => [
  'mix',
  // The hashing embedder: this is about stage 2 on workers, not about embedding 37k prompts on 2 cores.
  '--embedder',
  'hashing',
  '--input',
  T0_MINI,
  '--num-tasks',
  '100',
  '--budget',
  '6000',
  '--store',
  store,
  '--out',
  out,
  ...more,
];

/** A standalone `smartmix worker` on a free loopback port; resolves with its address. */
async function startWorker(): Promise<{ address: string; pid: number }> {
  const child = spawnCli(['worker', '--listen', '127.0.0.1:0'], { env: { SMARTMIX_WORKER_TOKEN: TOKEN } });
  workers.push(child);
  const line = await lineMatching(child.stdout, /^smartmix worker listening on /);
  return { address: line.slice('smartmix worker listening on '.length), pid: child.pid! };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls (bounded) until none of the processes is alive. */
async function allGone(pids: number[], timeoutMs = 15_000): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (!pids.some(isRunning)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('smartmix mix when workers fail or the job is stopped', { skip: !present && 'no t0-mini' }, () => {
  it('finishes with byte-identical output when a worker is killed (SIGKILL) in the middle of stage 2', async () => {
    const reference = join(dir, 'in-process');
    const alone = await runCli(mixArgs(reference, join(dir, 'store-a'), []));
    assert.equal(alone.code, 0, alone.stderr);

    const started = await Promise.all([startWorker(), startWorker(), startWorker()]);
    const out = join(dir, 'distributed');
    const job = spawnCli(
      mixArgs(out, join(dir, 'store-b'), ['--worker-addresses', started.map((w) => w.address).join(',')]),
      { env: { SMARTMIX_WORKER_TOKEN: TOKEN } },
    );
    const finished = collect(job);
    // The first finished group proves stage 2 is under way; many groups are still to come.
    await lineMatching(job.stderr, /^stage 2: 1\/\d+ /);
    process.kill(started[1]!.pid, 'SIGKILL');
    const run = await finished;
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(`warning: worker ${started[1]!.address}: .*its work moves to worker`),
    );
    for (const file of ['mixture.jsonl', 'budgets.csv']) {
      assert.ok(readFileSync(join(reference, file)).equals(readFileSync(join(out, file))), file);
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.cache.stage2OrdersReused, 0, 'every order was computed on the workers');
  });

  it('stops cleanly on SIGTERM: exit 143, local workers gone, no output, one line saying why', async () => {
    const out = join(dir, 'stopped');
    const job = spawnCli(mixArgs(out, join(dir, 'store-c'), ['--workers', '2']));
    const finished = collect(job);
    await lineMatching(job.stderr, /^stage 2: 1\/\d+ /);
    const localWorkers = execFileSync('ps', ['-o', 'pid=', '--ppid', String(job.pid)], { encoding: 'utf8' })
      .trim()
      .split(/\s+/)
      .map(Number);
    assert.equal(localWorkers.length, 2, 'the job runs two local worker processes');
    job.kill('SIGTERM');
    const run = await finished;
    assert.equal(run.code, 143, run.stderr);
    assert.match(run.stderr, /^received SIGTERM: stopping$/m);
    assert.doesNotMatch(run.stderr, /warning|internal error/);
    assert.equal(existsSync(out), false);
    assert.ok(await allGone(localWorkers), 'local workers stop with their coordinator');
  });
});
