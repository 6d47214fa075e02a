import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeMatrix } from '@smartmix/npy';
import { type CliRun, runCli } from './run-cli.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/submodular/', import.meta.url));
const present = existsSync(FIXTURES);
const dir = await mkdtemp(join(tmpdir(), 'cli-select-'));
after(() => rm(dir, { recursive: true, force: true }));
const emb = (c: string) => `${FIXTURES}embeddings/${c}.npy`;

describe('smartmix select', { skip: !present && 'no ../shared' }, () => {
  it('reproduces a submodlib record through the CLI with the stored kernel', async () => {
    const records = JSON.parse(readFileSync(`${FIXTURES}results.json`, 'utf8'));
    const record = records.find(
      (r: { case: string; variant: string; optimizer: string; budget: number }) =>
        r.case === 'dup300_d16' && r.variant === 'gc' && r.optimizer === 'lazy' && r.budget === 299,
    );
    const out = join(dir, 'gc.json');
    const run = await runCli([
      'select',
      '--embeddings',
      emb('dup300_d16'),
      '--kernel',
      `${FIXTURES}kernels/dup300_d16_cosine.npy`,
      '--function',
      'gc',
      '--lambda',
      '0.4',
      '--budget',
      '299',
      '--optimizer',
      'lazy',
      '--out',
      out,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(result.order, record.order);
    assert.equal(result.kernel, 'given');
    assert.ok(Math.abs(result.value - record.value) <= 1e-5 * Math.abs(record.value));
  });

  it('builds the data kernel itself and writes to stdout by default', async () => {
    const run = await runCli([
      'select',
      '--embeddings',
      emb('c60_d16'),
      '--function',
      'fl',
      '--kernel-mode',
      'data',
      '--budget',
      '5',
      '--optimizer',
      'naive',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.order.length, 5);
    assert.deepEqual(Object.keys(result).slice(0, 3), ['order', 'gains', 'value']);
  });

  it('runs the stochastic optimizers reproducibly by seed', async () => {
    const args = [
      'select',
      '--embeddings',
      emb('c500_d32'),
      '--function',
      'fl',
      '--budget',
      '20',
      '--optimizer',
      'lazier',
      '--seed',
      '4',
      '--epsilon',
      '0.1',
    ];
    const [a, b] = await Promise.all([runCli(args), runCli(args)]);
    assert.equal(a.code, 0, a.stderr);
    const withoutTimes = (text: string) => ({ ...JSON.parse(text), seconds: null });
    assert.deepEqual(withoutTimes(a.stdout), withoutTimes(b.stdout));
    assert.equal(withoutTimes(a.stdout).seed, 4);
  });
});

describe('smartmix select rejects bad input with exit code 2, one line and no output', {
  skip: !present && 'no ../shared',
}, async () => {
  const bad = join(dir, 'bad');
  const oneD = join(dir, 'one-d.npy');
  const nonSquare = join(dir, 'nonsquare.npy');
  const otherSize = join(dir, 'other.npy');
  const nan = join(dir, 'nan.npy');
  await writeFile(
    oneD,
    Buffer.concat([
      Buffer.from(
        "\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }" +
          ' '.repeat(55) +
          '\n',
        'latin1',
      ),
      Buffer.alloc(12),
    ]),
  );
  await writeMatrix(nonSquare, new Float32Array(60 * 59), 60, 59);
  await writeMatrix(otherSize, new Float32Array(59 * 59), 59, 59);
  await writeMatrix(nan, Float32Array.from([1, Number.NaN, 0, 1]), 2, 2);
  const cases: [string, string[], RegExp][] = [
    [
      'budget ≥ n',
      ['--embeddings', emb('c60_d16'), '--function', 'fl', '--budget', '60'],
      /budget must be an integer in \[1, 59\]/,
    ],
    [
      'budget ≤ 0',
      ['--embeddings', emb('c60_d16'), '--function', 'fl', '--budget', '0'],
      /--budget: expected an integer ≥ 1/,
    ],
    [
      'unknown function',
      ['--embeddings', emb('c60_d16'), '--function', 'dpp', '--budget', '3'],
      /--function: unknown value 'dpp'/,
    ],
    [
      'unknown optimizer',
      ['--embeddings', emb('c60_d16'), '--function', 'fl', '--budget', '3', '--optimizer', 'fast'],
      /--optimizer: unknown value 'fast'/,
    ],
    [
      'unreadable file',
      ['--embeddings', join(dir, 'none.npy'), '--function', 'fl', '--budget', '3'],
      /none\.npy: cannot read file/,
    ],
    [
      '1-D array',
      ['--embeddings', oneD, '--function', 'fl', '--budget', '1'],
      /expected a 2-D array, got 1-D/,
    ],
    ['NaN', ['--embeddings', nan, '--function', 'fl', '--budget', '1'], /non-finite value NaN/],
    [
      'kernel not square',
      ['--embeddings', emb('c60_d16'), '--kernel', nonSquare, '--function', 'fl', '--budget', '3'],
      /kernel is not square \(60×59\)/,
    ],
    [
      'kernel of another size',
      ['--embeddings', emb('c60_d16'), '--kernel', otherSize, '--function', 'fl', '--budget', '3'],
      /kernel is 59×59 but the embeddings have 60 rows/,
    ],
    [
      'λ for facility location',
      ['--embeddings', emb('c60_d16'), '--function', 'fl', '--lambda', '2', '--budget', '3'],
      /lambda does not apply to fl/,
    ],
    ...sparseCases(),
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const run = await runCli(['select', ...args, '--out', bad]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.equal(existsSync(bad), false);
      assert.deepEqual(
        (await readdir(dir)).filter((f) => f.endsWith('.tmp')),
        [],
      );
    });
  }
});

/** Sparse mode's bad inputs: facility location only, with a number of neighbours in [1, n], no given kernel. */
function sparseCases(): [string, string[], RegExp][] {
  const sparse = (fn: string, k: string) => [
    '--embeddings',
    emb('c60_d16'),
    '--function',
    fn,
    '--budget',
    '3',
    '--kernel-mode',
    'sparse',
    '--num-neighbors',
    k,
  ];
  return [
    ['sparse, k ≤ 0', sparse('fl', '0'), /--num-neighbors: expected an integer ≥ 1, got '0'/],
    [
      'sparse, k > n',
      sparse('fl', '61'),
      /number of neighbours must be an integer in \[1, 60\] for 60 elements, got 61/,
    ],
    ['sparse graph cut', sparse('gc', '5'), /sparse kernel mode applies only to fl, not gc/],
    ['sparse log-determinant', sparse('logdet', '5'), /sparse kernel mode applies only to fl, not logdet/],
    ['sparse without k', sparse('fl', '5').slice(0, -2), /sparse kernel mode needs a number of neighbours/],
    [
      'neighbours without sparse',
      ['--embeddings', emb('c60_d16'), '--function', 'fl', '--budget', '3', '--num-neighbors', '5'],
      /number of neighbours applies only to the sparse kernel mode/,
    ],
    [
      'sparse with a given kernel',
      [...sparse('fl', '5'), '--kernel', `${FIXTURES}kernels/c60_d16_cosine.npy`],
      /a given kernel is used as is: drop the kernel mode/,
    ],
  ];
}

describe('smartmix select --kernel-mode sparse', () => {
  it('gives byte-identical output in process and with 1, 2 and 4 worker processes (k-NN lists over 4 blocks)', async () => {
    // Four summation blocks, so four workers each own one; values on a coarse grid, so similarities tie often.
    const n = 3 * 8192 + 100;
    const d = 8;
    const file = join(dir, 'x-sparse.npy');
    await writeMatrix(
      file,
      Float32Array.from({ length: n * d }, (_, i) => Math.round(Math.sin(i * 0.37) * 3 + ((i * 7) % 5)) / 4),
      n,
      d,
    );
    const args = [
      'select',
      '--embeddings',
      file,
      '--function',
      'fl',
      '--budget',
      '300',
      '--kernel-mode',
      'sparse',
    ];
    const workers = ['0', '1', '2', '4'];
    const runs = await Promise.all(
      workers.map((w) => runCli([...args, '--num-neighbors', '10', '--workers', w])),
    );
    const results = runs.map((run) => {
      assert.equal(run.code, 0, run.stderr);
      const { seconds, placement, rpcBytes, ...result } = JSON.parse(run.stdout);
      assert.ok(seconds.kernel > 0);
      assert.equal(rpcBytes.received > 0, placement !== 'in process', placement);
      return JSON.stringify(result);
    });
    for (const [w, result] of results.entries()) assert.equal(result, results[0], `${workers[w]} workers`);
    const result = JSON.parse(results[0]!);
    assert.equal(result.kernel, 'sijs-knn');
    assert.equal(result.kernelMode, 'sparse');
    assert.equal(result.numNeighbors, 10);
    assert.equal(result.order.length, 300);
    assert.equal(new Set(result.order).size, 300);
  });
});

describe('smartmix select on local workers', { skip: !present && 'no ../shared' }, () => {
  it('gives the in-process result exactly with 1, 2 and 4 worker processes (fl, gc, logdet)', async () => {
    const runs = [
      { fn: 'fl', workers: ['0', '1', '2', '4'] },
      { fn: 'gc', workers: ['0', '4'] },
      { fn: 'logdet', workers: ['0', '4'] },
    ];
    for (const { fn, workers } of runs) {
      const args = ['select', '--embeddings', emb('c500_d32'), '--function', fn, '--budget', '120'];
      const outputs = await Promise.all(workers.map((w) => runCli([...args, '--workers', w])));
      const parsed = outputs.map((o) => {
        assert.equal(o.code, 0, o.stderr);
        return JSON.parse(o.stdout);
      });
      assert.deepEqual(
        parsed.map((p) => p.placement),
        workers.map((w) => (w === '0' ? 'in process' : `${w} local worker${w === '1' ? '' : 's'}`)),
      );
      for (const p of parsed.slice(1)) {
        assert.deepEqual(p.order, parsed[0].order, `${fn} on ${p.placement}`);
        assert.deepEqual(p.gains, parsed[0].gains, `${fn} on ${p.placement}`);
        assert.equal(p.value, parsed[0].value, `${fn} on ${p.placement}`);
      }
    }
  });

  it('fails with one line when a worker address is unreachable', async () => {
    const run = await runCli([
      'select',
      '--embeddings',
      emb('c60_d16'),
      '--function',
      'fl',
      '--budget',
      '3',
      '--worker-addresses',
      '127.0.0.1:1',
    ]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: worker 127\.0\.0\.1:1: Health: unreachable/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });
});

describe('smartmix select above the kernel memory limit', () => {
  it('runs facility location and graph cut blockwise, in process or sharded over 4 workers, with exactly the result of the materialised kernel', async () => {
    // The upper triangle of an 800×800 float32 kernel is 1.28 MB: above a 1 MiB limit.
    const file = join(dir, 'x800.npy');
    await writeMatrix(
      file,
      Float32Array.from({ length: 800 * 24 }, (_, i) => Math.sin(i * 0.37) + ((i * 7) % 5) * 0.1),
      800,
      24,
    );
    const args = ['select', '--embeddings', file, '--function', 'fl', '--budget', '80'];
    const gcArgs = ['select', '--embeddings', file, '--function', 'gc', '--budget', '80'];
    const logdetArgs = ['select', '--embeddings', file, '--function', 'logdet', '--budget', '80'];
    const [dense, blockwise, sharded, gcDense, gcBlockwise, gcSharded, logdet] = await Promise.all([
      runCli(args),
      runCli([...args, '--max-kernel-memory', '1']),
      runCli([...args, '--max-kernel-memory', '1', '--workers', '4']),
      runCli(gcArgs),
      runCli([...gcArgs, '--max-kernel-memory', '1']),
      runCli([...gcArgs, '--max-kernel-memory', '1', '--workers', '4']),
      runCli([...logdetArgs, '--max-kernel-memory', '1']),
    ]);
    const parse = (run: CliRun) => {
      assert.equal(run.code, 0, run.stderr);
      return JSON.parse(run.stdout);
    };
    for (const [function_, runs] of Object.entries({
      fl: [dense, blockwise, sharded],
      gc: [gcDense, gcBlockwise, gcSharded],
    })) {
      const [a, b, c] = runs.map(parse);
      assert.deepEqual(
        [a.kernel, b.kernel, c.kernel],
        ['sijs', 'sijs-blockwise', 'sijs-blockwise'],
        function_,
      );
      // Sharded over 4 worker processes: their partial sums added in block order give the same bits.
      assert.equal(c.placement, '4 local workers');
      for (const other of [b, c]) {
        assert.deepEqual(other.order, a.order, function_);
        assert.deepEqual(other.gains, a.gains, function_);
        assert.equal(other.value, a.value, function_);
      }
    }
    assert.equal(logdet.code, 2);
    assert.match(logdet.stderr, /800×800 kernel needs 1 MiB \(its upper triangle\), above the 1 MiB limit/);
  });
});
