import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  type BatchRunner,
  EmbeddingCache,
  type EmbedStats,
  embedStream,
  inProcessRunner,
  OnnxEmbedder,
} from '@smartmix/embedding';
import { LocalDirectoryStore } from '@smartmix/storage';
import { referenceEmbedding, VOCAB, writeTinyBert } from './tiny-bert.js';

const dir = await mkdtemp(join(tmpdir(), 'embedder-'));
after(() => rm(dir, { recursive: true, force: true }));
const files = await writeTinyBert(dir);

const id = (token: string) => VOCAB.indexOf(token);
const TEXTS: [string, string[]][] = [
  ['The cat sat on the mat.', ['the', 'cat', 'sat', 'on', 'the', 'mat', '.']],
  ['hello', ['hello']],
  ['Dogs running!', ['dog', '##s', 'run', '##ning', '!']],
  ['Café, hello world', ['cafe', ',', 'hello', 'world']],
];
const tokenIds = (tokens: string[]) => [id('[CLS]'), ...tokens.map(id), id('[SEP]')];

function assertClose(actual: Float32Array, expected: number[], tolerance: number, what: string) {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]!) <= tolerance, `${what}[${i}]: ${v} vs ${expected[i]}`),
  );
}

async function collect(
  embedder: OnnxEmbedder,
  texts: string[],
  options: Parameters<typeof embedStream>[2] = {},
) {
  const stream = embedStream(
    embedder,
    texts.map((text, i) => ({ id: `t${i}`, text })),
    options,
  );
  const ids: string[] = [];
  const rows: Float32Array[] = [];
  let next = await stream.next();
  while (!next.done) {
    ids.push(...next.value.ids);
    rows.push(next.value.vectors);
    next = await stream.next();
  }
  const vectors = new Float32Array(rows.reduce((n, r) => n + r.length, 0));
  let offset = 0;
  for (const r of rows) {
    vectors.set(r, offset);
    offset += r.length;
  }
  return { ids, vectors, stats: next.value as EmbedStats };
}

describe('OnnxEmbedder on a tiny BERT-shaped model', () => {
  for (const [pooling, normalize] of [
    ['mean', true],
    ['cls', true],
    ['mean', false],
  ] as const) {
    it(`matches a plain-JS reference (${pooling} pooling, normalize ${normalize}) in padded, length-sorted batches`, async () => {
      const embedder = await OnnxEmbedder.open({ ...files, pooling, normalize, threads: 1 });
      assert.equal(embedder.dim, 8);
      // Batches of 3 over texts of different lengths: every batch pads, and the order inside differs from the input.
      const { ids, vectors } = await collect(
        embedder,
        TEXTS.map(([t]) => t),
        { batchSize: 3 },
      );
      assert.deepEqual(ids, ['t0', 't1', 't2', 't3']);
      TEXTS.forEach(([text, tokens], r) =>
        assertClose(
          vectors.subarray(r * 8, (r + 1) * 8),
          referenceEmbedding(tokenIds(tokens), pooling, normalize),
          1e-5,
          text,
        ),
      );
      await embedder.release();
    });
  }

  it('counts truncated texts, embeds a repeated text once and keeps the input order across windows', async () => {
    const embedder = await OnnxEmbedder.open({ ...files, maxLength: 5, threads: 1 });
    const texts = ['the cat sat on the mat', 'hello', 'the cat sat on the mat', 'cat', 'hello world', 'mat'];
    const runsBefore = embedder.runs;
    const { ids, vectors, stats } = await collect(embedder, texts, { batchSize: 2, windowSize: 4 });
    assert.deepEqual(
      ids,
      texts.map((_, i) => `t${i}`),
    );
    assert.deepEqual(
      { texts: stats.texts, embedded: stats.embedded, cached: stats.cached, truncated: stats.truncated },
      { texts: 6, embedded: 5, cached: 1, truncated: 2 },
    );
    // Window 1: 3 distinct texts in 2 batches; window 2: 2 texts in 1 batch.
    assert.equal(embedder.runs - runsBefore, 3);
    assertClose(
      vectors.subarray(0, 8),
      referenceEmbedding(tokenIds(['the', 'cat', 'sat']), 'mean', true),
      1e-5,
      'cut',
    );
    assert.deepEqual(vectors.subarray(0, 8), vectors.subarray(16, 24));
    await embedder.release();
  });

  it('reuses vectors from the artifact store: a rerun runs the model on nothing', async () => {
    const store = new LocalDirectoryStore(join(dir, 'store'));
    const embedder = await OnnxEmbedder.open({ ...files, threads: 1 });
    const texts = TEXTS.map(([t]) => t);
    const first = await collect(embedder, texts, {
      cache: new EmbeddingCache(store, embedder.id, embedder.dim),
    });
    assert.equal(first.stats.embedded, 4);
    const runs = embedder.runs;
    const second = await collect(embedder, [...texts].reverse(), {
      cache: new EmbeddingCache(store, embedder.id, embedder.dim),
    });
    assert.equal(embedder.runs, runs);
    assert.deepEqual(
      { embedded: second.stats.embedded, cached: second.stats.cached },
      { embedded: 0, cached: 4 },
    );
    for (let r = 0; r < 4; r++) {
      assert.deepEqual(
        second.vectors.subarray(r * 8, (r + 1) * 8),
        first.vectors.subarray((3 - r) * 8, (4 - r) * 8),
      );
    }
    // Other settings are another embedder: nothing is shared.
    const cls = await OnnxEmbedder.open({ ...files, pooling: 'cls', threads: 1 });
    assert.notEqual(cls.id, embedder.id);
    await Promise.all([embedder.release(), cls.release()]);
  });

  it('gives the same bytes when batches run several at once on a runner that answers out of order', async () => {
    const embedder = await OnnxEmbedder.open({ ...files, threads: 1 });
    const texts = Array.from({ length: 40 }, (_, i) => TEXTS[i % 4]![0] + ' cat'.repeat(i % 7) + ` ${i}`);
    const alone = await collect(embedder, texts, { batchSize: 3, windowSize: 16 });
    const local = inProcessRunner(embedder);
    let inFlight = 0;
    let mostInFlight = 0;
    const runner: BatchRunner = {
      concurrency: 4,
      async run(batch) {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        // Later batches of a window are shorter: answering them sooner reverses the order of completion.
        await new Promise((resolve) => setTimeout(resolve, batch.encodings[0]!.ids.length));
        inFlight--;
        return local.run(batch);
      },
    };
    const concurrent = await collect(embedder, texts, { batchSize: 3, windowSize: 16, runner });
    assert.equal(mostInFlight, 4);
    assert.deepEqual(concurrent.ids, alone.ids);
    assert.ok(Buffer.from(concurrent.vectors.buffer).equals(Buffer.from(alone.vectors.buffer)));
    assert.deepEqual(concurrent.stats, alone.stats);
    await embedder.release();
  });
});

describe('OnnxEmbedder refuses what it cannot run, in one line naming the file', () => {
  const open = (model: string, tokenizer = files.tokenizer) =>
    OnnxEmbedder.open({ model, tokenizer, threads: 1 });
  const variant = async (
    name: string,
    build: (d: string) => Promise<{ model: string; tokenizer: string }>,
  ) => {
    const d = join(dir, name);
    await mkdir(d, { recursive: true });
    return build(d);
  };

  it('a missing or corrupt model', async () => {
    await assert.rejects(open(join(dir, 'absent.onnx')), {
      name: 'EmbeddingError',
      message: /absent\.onnx: cannot read model \(ENOENT\)$/,
    });
    const corrupt = join(dir, 'corrupt.onnx');
    await writeFile(corrupt, 'not a model');
    await assert.rejects(open(corrupt), {
      name: 'EmbeddingError',
      message: /corrupt\.onnx: not a loadable ONNX model/,
    });
  });

  it('a model whose inputs are not those of a BERT-style encoder', async () => {
    const { model } = await variant('inputs', (d) =>
      writeTinyBert(d, { inputNames: ['ids', 'attention_mask', 'token_type_ids'] }),
    );
    await assert.rejects(open(model), {
      message: /model input 'ids' is not one of input_ids, attention_mask, token_type_ids$/,
    });
  });

  it('a tokenizer whose vocabulary is larger than the model embedding table', async () => {
    const { model } = await variant('small-table', (d) =>
      writeTinyBert(d, { embeddingRows: VOCAB.length - 3 }),
    );
    await assert.rejects(open(model), {
      name: 'EmbeddingError',
      message: new RegExp(`tokenizer\\.json: does not match the model: token id ${VOCAB.length - 1} fails`),
    });
  });

  it('a maximum length beyond the model position table', async () => {
    const { model, tokenizer } = await variant('positions', (d) => writeTinyBert(d, { positions: 16 }));
    const fits = await OnnxEmbedder.open({ model, tokenizer, maxLength: 16, threads: 1 });
    await fits.release();
    await assert.rejects(OnnxEmbedder.open({ model, tokenizer, maxLength: 17, threads: 1 }), {
      name: 'EmbeddingError',
      message: /tiny-bert\.onnx: cannot take 17 tokens \(lower --max-length\)/,
    });
  });

  it('a missing tokenizer', async () => {
    await assert.rejects(open(files.model, join(dir, 'none.json')), {
      message: /none\.json: cannot read tokenizer \(ENOENT\)$/,
    });
  });
});
