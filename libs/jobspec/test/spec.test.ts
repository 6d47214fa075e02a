import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  combinationDirName,
  isSweep,
  manifestSpec,
  mergeSpec,
  rebasePath,
  resolveJobSpec,
  sweepCombinations,
} from '@smartmix/jobspec';

const dir = await mkdtemp(join(tmpdir(), 'jobspec-'));
after(() => rm(dir, { recursive: true, force: true }));
const specDir = join(dir, 'specs');
await mkdir(specDir);

async function specFile(name: string, text: string): Promise<string> {
  const file = join(specDir, name);
  await writeFile(file, text);
  return file;
}

const MINIMAL = 'version: 1\ninputs: {paths: [data]}\nstage1: {numTasks: 8}\nbudget: 100\n';

describe('job specs', () => {
  it('fills every default and resolves paths against the spec file’s directory', async () => {
    const spec = await resolveJobSpec(await specFile('min.yaml', MINIMAL), {}, dir);
    assert.deepEqual(spec, {
      version: 1,
      inputs: {
        paths: ['specs/data'],
        fields: {
          id: 'id',
          task: 'task',
          templateType: 'template_type',
          prompt: 'prompt',
          response: 'response',
        },
      },
      embedding: {
        model: 'onnx',
        onnx: {
          modelFile: null,
          tokenizerFile: null,
          pooling: 'mean',
          normalize: true,
          maxLength: null,
          batchSize: 32,
        },
      },
      device: 'cpu',
      stage1: { function: 'gc', lambda: 0.4, numTasks: 8 },
      budget: 100,
      stage2: {
        function: 'fl',
        lambda: null,
        splitAbove: null,
        maxKernelMemory: 4096,
        fullOrderUpTo: 16_384,
      },
      mixer: { name: 'smart', cap: null, temperature: null, maxEpochs: null },
      seed: 23,
      store: './.smartmix',
      workers: 0,
    });
  });

  it('reads JSON as well as YAML, and a manifest through its spec section', async () => {
    const json = await specFile(
      'job.json',
      JSON.stringify({
        version: 1,
        inputs: { paths: ['d'] },
        stage1: { numTasks: 2, function: 'logdet' },
        budget: 5,
      }),
    );
    const spec = await resolveJobSpec(json, {}, specDir);
    assert.equal(spec.stage1.lambda, 1, 'log-det λ defaults to 1');
    const manifest = await specFile('manifest.json', JSON.stringify({ formatVersion: 1, tool: {}, spec }));
    // The recorded paths come back the same (the store's normalised: './.smartmix' is '.smartmix').
    assert.deepEqual(await resolveJobSpec(manifest, {}, specDir), { ...spec, store: '.smartmix' });
  });

  it('lays only the given overrides over the file', async () => {
    const file = await specFile(
      'over.yaml',
      `${MINIMAL}seed: 7\nmixer: {name: temperature, temperature: 3}\n`,
    );
    const spec = await resolveJobSpec(file, { budget: 50, mixer: { name: 'unimax' }, seed: undefined }, dir);
    assert.equal(spec.budget, 50);
    assert.equal(spec.seed, 7);
    assert.deepEqual(spec.mixer, { name: 'unimax', cap: null, temperature: 3, maxEpochs: null });
    assert.deepEqual(mergeSpec({ a: { b: 1, c: [1] } }, { a: { c: [2] } }), { a: { b: 1, c: [2] } });
  });

  const invalid: [string, string, string][] = [
    ['a wrong type', 'stage1: {numTasks: 8, lambda: high}', 'stage1.lambda: must be a number or null'],
    ['an unknown field', 'mixr: {name: smart}', 'mixr: unknown field'],
    ['an unknown mixer', 'mixer: {name: best}', 'mixer.name: must be one of smart, proportional'],
    ['a bad list item', 'budget: [10, 0]', 'budget[1]: must be ≥ 1'],
    ['a repeated sweep value', 'budget: [10, 10]', 'budget: items 0 and 1 repeat a value'],
    ['precomputed without ids', 'embedding: {model: precomputed, file: e.npy}', 'embedding.ids: missing'],
    [
      'files without precomputed',
      'embedding: {file: e.npy}',
      'embedding: file and ids need model: precomputed',
    ],
    [
      'onnx settings without the onnx model',
      'embedding: {model: hashing-v1, onnx: {pooling: cls}}',
      'embedding: onnx settings need model: onnx',
    ],
    [
      'a bad pooling',
      'embedding: {onnx: {pooling: max}}',
      'embedding.onnx.pooling: must be one of mean, cls',
    ],
    ['a bad device', 'device: gpu', 'device: must match'],
    ['a wrong version', 'version: 2', 'version: must be 1'],
  ];
  for (const [name, line, message] of invalid) {
    it(`names the path of ${name}`, async () => {
      // A later YAML key replaces the earlier one, so each case overrides one field of the minimal spec.
      const text = MINIMAL.split('\n')
        .filter((l) => !l.startsWith(`${line.split(':')[0]}:`))
        .join('\n');
      const file = await specFile('bad.yaml', `${text}\n${line}\n`);
      await assert.rejects(resolveJobSpec(file, {}, dir), (err: Error) => {
        assert.equal(err.name, 'SpecError');
        assert.ok(err.message.startsWith(`${file}: ${message}`), err.message);
        return true;
      });
    });
  }

  it('reports a missing required field and malformed YAML with its line', async () => {
    await assert.rejects(
      resolveJobSpec(
        await specFile('nob.yaml', 'version: 1\ninputs: {paths: [d]}\nstage1: {numTasks: 2}\n'),
        {},
      ),
      /nob\.yaml: budget: missing$/,
    );
    await assert.rejects(
      resolveJobSpec(await specFile('broken.yaml', 'version: 1\ninputs: {paths: [d]\nbudget: 3\n'), {}),
      /broken\.yaml:\d+: malformed YAML/,
    );
    await assert.rejects(resolveJobSpec(await specFile('list.yaml', '- 1\n'), {}), /must be a mapping/);
  });

  it('expands sweeps, M′ outer, and names their directories', async () => {
    const spec = await resolveJobSpec(undefined, {
      inputs: { paths: ['d'] },
      stage1: { numTasks: [16, 64] },
      budget: [100, 25000],
    });
    assert.ok(isSweep(spec));
    const combos = sweepCombinations(spec);
    assert.deepEqual(combos.map(combinationDirName), ['m16-n100', 'm16-n25000', 'm64-n100', 'm64-n25000']);
    assert.equal(combos[3]!.stage1.function, 'gc');
    assert.ok(!isSweep(combos[0]!));
  });

  it('accepts the example spec of the README', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const example = /```yaml\n(version: 1\n[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README shows a spec');
    const spec = await resolveJobSpec(await specFile('readme.yaml', example), {}, specDir);
    assert.deepEqual(sweepCombinations(spec).map(combinationDirName), [
      'm64-n150',
      'm64-n300',
      'm128-n150',
      'm128-n300',
    ]);
  });

  it('records paths relative to the manifest, without out', async () => {
    const spec = sweepCombinations(
      await resolveJobSpec(
        undefined,
        { inputs: { paths: ['data/x.jsonl'] }, stage1: { numTasks: 2 }, budget: 3, out: 'o' },
        '/work/p',
      ),
    )[0]!;
    const recorded = manifestSpec(spec, '/work/p/out/m2', '/work/p');
    assert.deepEqual(recorded.inputs.paths, ['../../data/x.jsonl']);
    assert.equal(recorded.store, '../../.smartmix');
    assert.equal('out' in recorded, false);
    assert.equal(rebasePath('s3://bucket/p', '/a', '/b'), 's3://bucket/p');
    assert.equal(rebasePath('x', '/tmp/a', '/work/b'), '/tmp/a/x', 'no common directory: absolute');
  });
});
