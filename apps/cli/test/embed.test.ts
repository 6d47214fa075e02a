import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readCollection } from '@smartmix/dataset';
import { OnnxEmbedder } from '@smartmix/embedding';
import { readMatrix } from '@smartmix/npy';
import { VOCAB, writeTinyBert } from '../../../libs/embedding/test/tiny-bert.js';
import { runCli } from './run-cli.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/t0-sample/', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'cli-embed-'));
after(() => rm(dir, { recursive: true, force: true }));
const tiny = await writeTinyBert(dir);
const modelFlags = ['--model', tiny.model, '--tokenizer', tiny.tokenizer, '--threads', '1'];

const events = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown> & { event: string });

describe('smartmix embed', () => {
  const store = join(dir, 'store');
  const embed = (out: string, more: string[] = []) =>
    runCli([
      'embed',
      '--input',
      SAMPLE,
      '--out',
      join(out, 'E.npy'),
      '--ids-out',
      join(out, 'ids.json'),
      '--store',
      store,
      ...modelFlags,
      ...more,
    ]);

  it('writes one float32 row per record, in collection order, as the library computes them; a rerun embeds nothing', async () => {
    const out = join(dir, 'first');
    await mkdir(out);
    const run = await embed(out, ['--batch-size', '16']);
    assert.equal(run.code, 0, run.stderr);
    const prompts: string[] = [];
    const collectionIds: string[] = [];
    for await (const r of readCollection([SAMPLE])) {
      collectionIds.push(r.id);
      prompts.push(r.prompt);
    }
    const ids = JSON.parse(readFileSync(join(out, 'ids.json'), 'utf8'));
    assert.deepEqual(ids, collectionIds);
    const matrix = await readMatrix(join(out, 'E.npy'));
    assert.deepEqual([matrix.rows, matrix.cols], [prompts.length, 8]);
    const embedder = await OnnxEmbedder.open({ ...tiny, threads: 1 });
    for (const r of [0, 1, 700, prompts.length - 1]) {
      const expected = new Float32Array(8);
      await embedder.embed([embedder.encode(prompts[r]!)], expected);
      const row = matrix.data.subarray(r * 8, (r + 1) * 8);
      row.forEach((v, f) => assert.ok(Math.abs(v - expected[f]!) < 1e-5, `row ${r}: ${row} vs ${expected}`));
    }
    await embedder.release();
    // Not a terminal: structured JSON lines on stderr, ending with a summary.
    const log = events(run.stderr);
    assert.equal(log[0]!.event, 'start');
    const done = log.at(-1)!;
    assert.equal(done.event, 'done');
    assert.equal(done.rows, prompts.length);
    assert.equal(done.embedded, new Set(prompts).size);
    assert.ok((done.truncated as number) > 0, 'some t0 prompts are longer than 512 word pieces');

    const again = join(dir, 'again');
    await mkdir(again);
    const rerun = await embed(again);
    assert.equal(rerun.code, 0, rerun.stderr);
    const summary = events(rerun.stderr).at(-1)!;
    assert.deepEqual([summary.embedded, summary.batches, summary.cached], [0, 0, prompts.length]);
    assert.deepEqual(readFileSync(join(again, 'E.npy')), readFileSync(join(out, 'E.npy')));
  });

  it('falls back to CPU with one warning when CUDA is unavailable, or fails with --strict-device', async () => {
    const out = join(dir, 'cuda');
    await mkdir(out);
    const fallback = await embed(out, ['--device', 'cuda', '--no-cache']);
    assert.equal(fallback.code, 0, fallback.stderr);
    const log = events(fallback.stderr);
    const warnings = log.filter((e) => e.event === 'warning');
    // On a machine with a working CUDA provider there is nothing to fall back from.
    if (log.find((e) => e.event === 'start')!.device === 'cpu') {
      assert.equal(warnings.length, 1);
      assert.match(String(warnings[0]!.message), /CUDA execution provider unavailable/);
      const strict = await embed(join(dir, 'cuda'), ['--device', 'cuda', '--strict-device']);
      assert.equal(strict.code, 2);
      assert.match(strict.stderr, /^error: .*tiny-bert\.onnx: CUDA device 0 unavailable/);
      assert.equal(strict.stderr.trim().split('\n').length, 1);
    }
  });
});

describe('smartmix embed without --model', () => {
  it('uses the bundled Universal Sentence Encoder Lite: 512-d unit vectors, paraphrases closest', async () => {
    const input = join(dir, 'paraphrases.jsonl');
    const texts = ['How old are you?', 'What is your age?', 'Add two cups of flour to the bowl.'];
    await writeFile(
      input,
      texts
        .map((prompt, i) =>
          JSON.stringify({ id: `p${i}`, task: 't', template_type: 'zs_opt', prompt, response: 'r' }),
        )
        .join('\n'),
    );
    const out = join(dir, 'bundled');
    await mkdir(out);
    const run = await runCli([
      'embed',
      '--input',
      input,
      '--out',
      join(out, 'E.npy'),
      '--ids-out',
      join(out, 'ids.json'),
      '--no-cache',
      '--threads',
      '1',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const matrix = await readMatrix(join(out, 'E.npy'));
    assert.deepEqual([matrix.rows, matrix.cols], [3, 512]);
    const row = (r: number) => matrix.data.subarray(r * 512, (r + 1) * 512);
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    assert.ok(Math.abs(dot(row(0), row(0)) - 1) < 1e-5);
    assert.ok(dot(row(0), row(1)) > dot(row(0), row(2)));
  });
});

describe('smartmix embed refuses bad input: one line, exit 2, no output', () => {
  const bad = async (name: string, args: string[], message: RegExp, input = SAMPLE) => {
    const out = join(dir, `bad-${name}`);
    await mkdir(out, { recursive: true });
    const run = await runCli([
      'embed',
      '--input',
      input,
      '--out',
      join(out, 'E.npy'),
      '--ids-out',
      join(out, 'ids.json'),
      '--no-cache',
      ...args,
    ]);
    assert.equal(run.code, 2, `${name}: ${run.stderr}`);
    assert.match(run.stderr, message, name);
    assert.equal(run.stderr.trim().split('\n').length, 1, `${name}: ${run.stderr}`);
    assert.deepEqual(await readdir(out), [], `${name} leaves nothing`);
  };
  const record = (prompt: string) =>
    JSON.stringify({ id: 'a', task: 't', template_type: 'zs_opt', prompt, response: 'r' });

  it('missing, corrupt or mismatched model and tokenizer', async () => {
    await bad(
      'no-model',
      ['--model', join(dir, 'absent.onnx'), '--tokenizer', tiny.tokenizer],
      /absent\.onnx: cannot read model \(ENOENT\)/,
    );
    const corrupt = join(dir, 'corrupt.onnx');
    await writeFile(corrupt, new Uint8Array(64).fill(7));
    await bad(
      'corrupt',
      ['--model', corrupt, '--tokenizer', tiny.tokenizer],
      /corrupt\.onnx: not a loadable ONNX model/,
    );
    await bad('half', ['--model', tiny.model], /--model and --tokenizer go together/);
    const mismatch = join(dir, 'mismatch');
    await mkdir(mismatch);
    const small = await writeTinyBert(mismatch, { embeddingRows: VOCAB.length - 1 });
    await bad(
      'mismatch',
      ['--model', small.model, '--tokenizer', tiny.tokenizer],
      /tokenizer\.json: does not match the model/,
    );
    await bad('device', [...modelFlags, '--device', 'gpu'], /--device: invalid device 'gpu'/);
  });

  it('non-UTF-8 and empty prompts, named by file and line', async () => {
    const latin1 = join(dir, 'latin1.jsonl');
    await writeFile(
      latin1,
      Buffer.concat([Buffer.from(`${record('ok')}\n`), Buffer.from(`${record('caf\xe9')}\n`, 'latin1')]),
    );
    await bad('latin1', modelFlags, /latin1\.jsonl:2: invalid UTF-8/, latin1);
    const empty = join(dir, 'empty.jsonl');
    await writeFile(empty, `${record('  ')}\n`);
    await bad('empty', modelFlags, /empty\.jsonl:1: prompt: empty/, empty);
  });
});

describe('smartmix mix without --embeddings', () => {
  const mix = (out: string, more: string[]) =>
    runCli([
      'mix',
      '--input',
      SAMPLE,
      '--num-tasks',
      '40',
      '--budget',
      '100',
      '--store',
      join(dir, 'mix-store'),
      '--out',
      out,
      ...more,
    ]);

  it('embeds the prompts with the ONNX model named by --model, reusing cached vectors on a rerun', async () => {
    const first = await mix(join(dir, 'mix-a'), modelFlags);
    assert.equal(first.code, 0, first.stderr);
    const manifest = JSON.parse(readFileSync(join(dir, 'mix-a', 'manifest.json'), 'utf8'));
    assert.match(manifest.embeddings.embedder, /^onnx:[0-9a-f]{64}$/);
    assert.equal(manifest.embeddings.dim, 8);
    assert.match(first.stderr, /embeddings: [1-9]\d* embedded, \d+ reused/);
    const second = await mix(join(dir, 'mix-b'), modelFlags);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /embeddings: 0 embedded, 1320 reused/);
    assert.deepEqual(
      readFileSync(join(dir, 'mix-b', 'mixture.jsonl')),
      readFileSync(join(dir, 'mix-a', 'mixture.jsonl')),
    );
  });

  it('uses the hashing embedder when asked to, and refuses model settings it would ignore', async () => {
    const run = await mix(join(dir, 'mix-h'), ['--embedder', 'hashing']);
    assert.equal(run.code, 0, run.stderr);
    const manifest = JSON.parse(readFileSync(join(dir, 'mix-h', 'manifest.json'), 'utf8'));
    assert.equal(manifest.embeddings.embedder, 'hashing-v1');
    const contradictory = await mix(join(dir, 'mix-h2'), ['--embedder', 'hashing', ...modelFlags]);
    assert.equal(contradictory.code, 2);
    assert.match(contradictory.stderr, /^error: command line: embedding: onnx settings need model: onnx\n$/);
    assert.equal(existsSync(join(dir, 'mix-h2')), false);
  });
});
