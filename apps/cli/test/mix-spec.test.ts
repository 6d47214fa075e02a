import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/t0-sample', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'cli-mix-spec-'));
after(() => rm(dir, { recursive: true, force: true }));

const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
const rowsOf = (out: string) => readFileSync(join(out, 'mixture.jsonl'), 'utf8').trim().split('\n').length;
const sameBytes = (a: string, b: string) => {
  for (const file of ['mixture.jsonl', 'budgets.csv']) {
    assert.ok(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), `${file}: ${a} vs ${b}`);
  }
};

describe('smartmix mix --spec', () => {
  const jobDir = join(dir, 'job');
  const spec = join(jobDir, 'job.yaml');

  it('runs a YAML spec whose relative paths are relative to the spec file', async () => {
    await mkdir(jobDir);
    await writeFile(
      spec,
      [
        'version: 1',
        `inputs: {paths: [${JSON.stringify(SAMPLE)}]}`,
        'stage1: {function: gc, lambda: 0.5, numTasks: 64}',
        'budget: 300',
        'mixer: {name: smart}',
        'seed: 5',
        'store: store',
        'out: out/a',
      ].join('\n'),
    );
    const run = await runCli(['mix', '--spec', spec], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const out = join(jobDir, 'out', 'a');
    assert.equal(rowsOf(out), 300);
    assert.ok(existsSync(join(jobDir, 'store', 'stage2-orders')), 'the store is where the spec put it');
    const manifest = manifestOf(out);
    assert.equal(manifest.parameters.taskFunction.lambda, 0.5);
    assert.equal(manifest.parameters.seed, 5);
    assert.deepEqual(manifest.spec.stage1, { function: 'gc', lambda: 0.5, numTasks: 64 });
    assert.equal(manifest.spec.store, '../../store', 'paths are recorded relative to the manifest');
    assert.equal('out' in manifest.spec, false);
  });

  it('reproduces the mixture byte for byte from its manifest, from another directory and a fresh store', async () => {
    const again = join(dir, 'again');
    const run = await runCli(
      [
        'mix',
        '--spec',
        join(jobDir, 'out', 'a', 'manifest.json'),
        '--store',
        join(dir, 'fresh'),
        '--out',
        again,
      ],
      { cwd: tmpdir() },
    );
    assert.equal(run.code, 0, run.stderr);
    sameBytes(join(jobDir, 'out', 'a'), again);
    assert.ok(manifestOf(again).cache.stage2OrdersComputed > 0, 'the orders were computed again, not copied');
  });

  it('lets the flags actually given override the file, and keeps the rest', async () => {
    const out = join(dir, 'override');
    const run = await runCli(
      ['mix', '--spec', spec, '--budget', '150', '--mixer', 'temperature', '--out', out],
      {
        cwd: dir,
      },
    );
    assert.equal(run.code, 0, run.stderr);
    const manifest = manifestOf(out);
    assert.equal(rowsOf(out), 150);
    assert.equal(manifest.spec.budget, 150);
    assert.equal(manifest.spec.mixer.name, 'temperature');
    assert.equal(manifest.spec.seed, 5, 'not given: the spec’s seed, not the flag’s default');
    assert.equal(manifest.spec.stage1.lambda, 0.5);
  });

  const invalid: [string, string, RegExp][] = [
    [
      'a field of the wrong type',
      'stage1: {numTasks: 8, lambda: high}',
      /bad\.yaml: stage1\.lambda: must be a number/,
    ],
    ['an unknown field', 'stage1: {numTasks: 8, numTask: 8}', /bad\.yaml: stage1\.numTask: unknown field/],
    [
      'a list item out of range',
      'stage1: {numTasks: [8, 0]}',
      /bad\.yaml: stage1\.numTasks\[1\]: must be ≥ 1/,
    ],
  ];
  for (const [name, line, message] of invalid) {
    it(`rejects ${name} with its path, exit code 2 and no output`, async () => {
      const file = join(dir, 'bad.yaml');
      await writeFile(file, `version: 1\ninputs: {paths: [x]}\nbudget: 10\n${line}\nout: bad-out\n`);
      const run = await runCli(['mix', '--spec', file], { cwd: dir });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.equal(existsSync(join(dir, 'bad-out')), false);
    });
  }

  it('still asks for the flags a run without a spec needs', async () => {
    const run = await runCli(['mix', '--input', SAMPLE, '--num-tasks', '4', '--out', join(dir, 'x')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: required option '--budget <n>' not specified$/m);
  });
});

describe('smartmix mix sweeps', () => {
  const store = join(dir, 'sweep-store');
  const out = join(dir, 'sweep');
  const combos = ['m32-n100', 'm32-n150', 'm64-n100', 'm64-n150'];

  it('writes one mixture per (M′, N′) and an index, computing each stage-2 order once', async () => {
    const run = await runCli([
      'mix',
      '--input',
      SAMPLE,
      '--num-tasks',
      '32,64',
      '--budget',
      '100,150',
      '--store',
      store,
      '--out',
      out,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const index = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    assert.deepEqual(
      index.mixtures.map((m: { dir: string }) => m.dir),
      combos,
    );
    assert.deepEqual((await readdir(out)).sort(), [...combos, 'sweep.json']);
    const groups = new Set<string>();
    let computed = 0;
    for (const [i, name] of combos.entries()) {
      const manifest = manifestOf(join(out, name));
      const [m, n] = name.slice(1).split('-n').map(Number);
      assert.equal(manifest.spec.stage1.numTasks, m);
      assert.equal(manifest.spec.budget, n);
      assert.equal(rowsOf(join(out, name)), n);
      assert.equal(Object.keys(manifest.budgets).length, m);
      for (const g of manifest.stage2.groups) groups.add(`${g.task}/${g.templateType}`);
      const { stage2OrdersComputed, stage2OrdersReused } = manifest.cache;
      assert.equal(stage2OrdersComputed + stage2OrdersReused, manifest.stage2.groups.length);
      computed += stage2OrdersComputed;
      assert.deepEqual(index.mixtures[i].cache, manifest.cache);
      for (const stage of ['stage1', 'stage2', 'write'])
        assert.equal(typeof index.mixtures[i].timings[stage], 'number');
    }
    assert.equal(computed, groups.size, 'every group’s order was computed exactly once across the sweep');
    assert.equal((await readdir(join(store, 'stage2-orders'))).length, groups.size);
  });

  it('gives each sweep mixture the bytes of the same mixture run alone', async () => {
    const alone = join(dir, 'alone');
    const run = await runCli(['mix', '--spec', join(out, 'm64-n100', 'manifest.json'), '--out', alone]);
    assert.equal(run.code, 0, run.stderr);
    sameBytes(join(out, 'm64-n100'), alone);
    assert.equal(manifestOf(alone).cache.stage2OrdersComputed, 0, 'the sweep’s stored orders are reused');
  });

  it('takes the sweep lists from a spec', async () => {
    const file = join(dir, 'sweep.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        inputs: { paths: [SAMPLE] },
        stage1: { numTasks: [64] },
        budget: [100, 150],
        store,
        out: join(dir, 'spec-sweep'),
      }),
    );
    const run = await runCli(['mix', '--spec', file]);
    assert.equal(run.code, 0, run.stderr);
    for (const name of ['m64-n100', 'm64-n150']) {
      sameBytes(join(out, name), join(dir, 'spec-sweep', name));
      assert.equal(manifestOf(join(dir, 'spec-sweep', name)).cache.stage2OrdersComputed, 0);
    }
  });
});
