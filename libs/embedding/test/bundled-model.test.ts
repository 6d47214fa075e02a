import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Tokenizer as ReferenceTokenizer } from '@tensorflow-models/universal-sentence-encoder';
import '@tensorflow/tfjs-backend-cpu';
import { readCollection } from '@smartmix/dataset';
import { bundledModel, bundledModelDir, embedStream, OnnxEmbedder } from '@smartmix/embedding';
import * as tfc from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';

const T0_MINI = fileURLToPath(new URL('../../../../shared/data/t0-mini/', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../../samples/t0-sample/', import.meta.url));
const PROMPTS = 120;

/** Every k-th prompt of the collection, so that many tasks, templates and lengths (below and above 128) are in. */
async function realPrompts(): Promise<string[]> {
  const all: string[] = [];
  for await (const r of readCollection([existsSync(T0_MINI) ? T0_MINI : SAMPLE])) all.push(r.prompt);
  const step = Math.floor(all.length / PROMPTS);
  return Array.from({ length: PROMPTS }, (_, i) => all[i * step]!);
}

/** The original: TF.js graph model from the installed package, run on TF.js's pure-JS CPU backend. */
async function originalModel() {
  const dir = bundledModelDir();
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  const [group] = json.weightsManifest;
  const shards = await Promise.all(group.paths.map((p: string) => readFile(join(dir, p))));
  await tf.setBackend('cpu');
  const graph = await tfc.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: group.weights,
      weightData: new Uint8Array(Buffer.concat(shards)).buffer,
    }),
  );
  const vocab = JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8'));
  const tokenizer = new ReferenceTokenizer(vocab);
  return {
    tokenizer,
    /** One text at a time, as the TF.js package feeds it: all its tokens, the graph clips at 128 itself. */
    async embed(text: string): Promise<Float32Array> {
      const ids = tokenizer.encode(text);
      const output = (await graph.executeAsync({
        indices: tf.tensor2d(
          ids.flatMap((_, j) => [0, j]),
          [ids.length, 2],
          'int32',
        ),
        values: tf.tensor1d(ids, 'int32'),
      })) as tf.Tensor;
      const data = output.dataSync() as Float32Array;
      output.dispose();
      return data;
    },
  };
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('bundled default model (Universal Sentence Encoder Lite converted to ONNX)', async () => {
  const { model, tokenizer } = await bundledModel();
  const embedder = await OnnxEmbedder.open({ model, tokenizer, threads: 1 });

  it('tokenizes real prompts exactly as the original tokenizer and embeds them within 1e-4 of the original model', async () => {
    const prompts = await realPrompts();
    const original = await originalModel();
    let longer = 0;
    for (const text of prompts) {
      const expected = original.tokenizer.encode(text);
      if (expected.length > 128) longer++;
      assert.deepEqual(Array.from(embedder.encode(text).ids), expected.slice(0, 128), text.slice(0, 80));
    }
    assert.ok(longer > 0, 'some prompts are longer than the 128 tokens the model reads');
    // Batched and length-sorted here, one at a time there: padding must not change anything.
    const rows: Float32Array[] = [];
    const stream = embedStream(
      embedder,
      prompts.map((text, i) => ({ id: String(i), text })),
      { batchSize: 16 },
    );
    for await (const window of stream) {
      for (let r = 0; r < window.ids.length; r++) rows.push(window.vectors.slice(r * 512, (r + 1) * 512));
    }
    let worst = 0;
    for (const [i, text] of prompts.entries()) {
      const expected = await original.embed(text);
      rows[i]!.forEach((v, f) => {
        worst = Math.max(worst, Math.abs(v - expected[f]!));
      });
    }
    assert.ok(worst <= 1e-4, `largest difference ${worst}`);
  });

  it('puts paraphrases closer together than unrelated sentences', async () => {
    const pairs: [string, string, string][] = [
      ['How old are you?', 'What is your age?', 'The train leaves from platform nine.'],
      ['The cat sat on the mat.', 'A cat was sitting on the rug.', 'Interest rates rose again this quarter.'],
      [
        'Translate this sentence into French.',
        'Render the following sentence in French.',
        'My dog loves to swim.',
      ],
      [
        'What is the capital of France?',
        'Which city is the capital of France?',
        'Add two cups of flour to the bowl.',
      ],
      [
        'Summarize the article below.',
        'Write a short summary of this article.',
        'The striker scored twice in the final.',
      ],
      [
        'Is this movie review positive or negative?',
        'Does the review express a positive or negative opinion?',
        'Water boils at one hundred degrees.',
      ],
    ];
    const texts = pairs.flat();
    const vectors = new Float32Array(texts.length * 512);
    await embedder.embed(
      texts.map((t) => embedder.encode(t)),
      vectors,
    );
    const row = (i: number) => vectors.subarray(i * 512, (i + 1) * 512);
    pairs.forEach(([a], p) => {
      const paraphrase = cosine(row(3 * p), row(3 * p + 1));
      const unrelated = cosine(row(3 * p), row(3 * p + 2));
      assert.ok(paraphrase > unrelated + 0.1, `${a}: paraphrase ${paraphrase} vs unrelated ${unrelated}`);
    });
  });
});
