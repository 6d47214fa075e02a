import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tinyTokenizerJson, writeTinyBert } from '../../../libs/embedding/test/tiny-bert.js';
import { collect, lineMatching, runCli, spawnCli } from './run-cli.js';

// Embedding on real worker processes on 127.0.0.1 with the bundled model, against the same run in process. The
// first 300 prompts of the sample: about a second of model time here.
const SAMPLE = fileURLToPath(new URL('../../../samples/t0-sample/t0-sample.jsonl', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'cli-embed-workers-'));
const TOKEN = 'embed-workers-cli-token';
const input = join(dir, 'slice.jsonl');
await writeFile(input, `${readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 300).join('\n')}\n`);
const workers: ReturnType<typeof spawnCli>[] = [];
after(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const events = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown> & { event: string });

/** `smartmix embed` of the slice into `out/` (created), without the cache: every vector is computed. */
async function embed(out: string, more: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  await mkdir(out, { recursive: true });
  const args = ['embed', '--input', input, '--out', join(out, 'E.npy'), '--ids-out', join(out, 'ids.json')];
  return spawnCli([...args, '--no-cache', '--batch-size', '8', ...more], options);
}

/** A standalone `smartmix worker` on a free loopback port, started in `cwd`; resolves with its address. */
async function startWorker(cwd?: string): Promise<{ address: string; pid: number }> {
  const child = spawnCli(['worker', '--listen', '127.0.0.1:0', '--threads', '1'], {
    env: { SMARTMIX_WORKER_TOKEN: TOKEN },
    cwd,
  });
  workers.push(child);
  const line = await lineMatching(child.stdout, /^smartmix worker listening on /);
  return { address: line.slice('smartmix worker listening on '.length), pid: child.pid! };
}

const bytes = (out: string, file: string) => readFileSync(join(out, file));

describe('smartmix embed on workers', () => {
  const reference = join(dir, 'in-process');

  it('writes the same bytes with 2 local workers as in process, and says where it ran', async () => {
    const alone = await collect(await embed(reference, ['--workers', '0']));
    assert.equal(alone.code, 0, alone.stderr);
    const out = join(dir, 'local-workers');
    const run = await collect(await embed(out, ['--workers', '2']));
    assert.equal(run.code, 0, run.stderr);
    assert.ok(bytes(out, 'E.npy').equals(bytes(reference, 'E.npy')), 'E.npy');
    assert.ok(bytes(out, 'ids.json').equals(bytes(reference, 'ids.json')), 'ids.json');
    const done = events(run.stderr).at(-1)!;
    assert.equal(done.placement, '2 local workers');
    assert.equal(done.embedded, events(alone.stderr).at(-1)!.embedded);
    assert.ok(
      (done.rpcBytes as { received: number }).received >= 300 * 512 * 4 * 0.9,
      'the vectors came by RPC',
    );
  });

  it('finishes with the same bytes and one warning when a worker is killed (SIGKILL) mid-embedding', async () => {
    const started = await Promise.all([startWorker(), startWorker()]);
    const out = join(dir, 'killed');
    const job = await embed(out, ['--worker-addresses', started.map((w) => w.address).join(',')], {
      env: { SMARTMIX_WORKER_TOKEN: TOKEN },
    });
    const finished = collect(job);
    // The start line comes once both workers have opened the model; the first batches are on their way.
    await lineMatching(job.stderr, /"event":"start"/);
    process.kill(started[1]!.pid, 'SIGKILL');
    const run = await finished;
    assert.equal(run.code, 0, run.stderr);
    const warnings = events(run.stderr).filter((e) => e.event === 'warning');
    assert.equal(warnings.length, 1, run.stderr);
    assert.match(
      String(warnings[0]!.message),
      new RegExp(
        `^worker ${started[1]!.address}: Embed: .*; its work moves to worker ${started[0]!.address}$`,
      ),
    );
    assert.ok(bytes(out, 'E.npy').equals(bytes(reference, 'E.npy')), 'E.npy');
  });

  it('refuses a worker whose model differs, and a wrong token: one line, exit 1, no output', async () => {
    // The same relative paths name different files for the coordinator and for the worker: its tokenizer cuts
    // texts at 16 tokens, the coordinator's does not.
    const here = join(dir, 'coordinator-files');
    const there = join(dir, 'worker-files');
    for (const d of [here, there]) await mkdir(d);
    await writeTinyBert(here);
    await writeTinyBert(there);
    await writeFile(
      join(there, 'tokenizer.json'),
      JSON.stringify({ ...tinyTokenizerJson(), truncation: { max_length: 16 } }),
    );
    const worker = await startWorker(there);
    const refused = async (name: string, token: string, message: RegExp) => {
      const out = join(dir, name);
      const run = await collect(
        await embed(
          out,
          [
            '--worker-addresses',
            worker.address,
            '--model',
            'tiny-bert.onnx',
            '--tokenizer',
            'tokenizer.json',
          ],
          { env: { SMARTMIX_WORKER_TOKEN: token }, cwd: here },
        ),
      );
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.deepEqual(await readdir(out), []);
    };
    await refused(
      'other-model',
      TOKEN,
      /^error: worker 127\.0\.0\.1:\d+: embeds with another model \(embedder [0-9a-f]{12}, dim 8; here: [0-9a-f]{12}, dim 8\): give every worker the same model and tokenizer files\n$/,
    );
    await refused(
      'wrong-token',
      'not-the-token',
      /^error: .*worker 127\.0\.0\.1:\d+: .*refused: missing or wrong worker token\n$/,
    );
  });
});

describe('smartmix mix with the default embedder on workers', () => {
  it('writes the same mixture with 2 local workers as in process', async () => {
    const mix = (out: string, workers: string) =>
      runCli([
        'mix',
        '--input',
        input,
        '--num-tasks',
        '10',
        '--budget',
        '60',
        '--store',
        join(dir, `mix-store-${workers}`),
        '--out',
        out,
        '--workers',
        workers,
      ]);
    const alone = await mix(join(dir, 'mix-0'), '0');
    assert.equal(alone.code, 0, alone.stderr);
    const run = await mix(join(dir, 'mix-2'), '2');
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /embeddings: [1-9]\d* embedded, \d+ reused, \d+ truncated to \d+ tokens, 2 local workers \(cpu\)$/m,
    );
    for (const file of ['mixture.jsonl', 'budgets.csv']) {
      assert.ok(bytes(join(dir, 'mix-0'), file).equals(bytes(join(dir, 'mix-2'), file)), file);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'mix-2', 'manifest.json'), 'utf8'));
    assert.equal(manifest.execution.embedding, '2 local workers (cpu)');
  });
});
