import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildModel } from '@smartmix/onnx';

/**
 * A tiny BERT-shaped sentence encoder for tests, with its tokenizer.json: word and token-type embeddings, a
 * masked mean over the sequence mixed back into every token (so padding that leaks in changes the result), and a
 * tanh projection. `referenceTokenVectors` computes the same in plain JS.
 */
export const VOCAB = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  'the',
  'cat',
  'sat',
  'on',
  'mat',
  'dog',
  '##s',
  'run',
  '##ning',
  'hello',
  'world',
  ',',
  '.',
  '!',
  'cafe',
];
export const HIDDEN = 8;

function seeded(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
}

export const WEIGHTS = {
  word: seeded(VOCAB.length * HIDDEN, 1),
  type: seeded(2 * HIDDEN, 2),
  context: seeded(HIDDEN * HIDDEN, 3),
  out: seeded(HIDDEN * HIDDEN, 4),
};

export interface TinyModelOptions {
  /** Rows of the word-embedding table (default: the vocabulary size). */
  embeddingRows?: number;
  /** Input names, to build models that do not take what an embedder feeds. */
  inputNames?: [string, string, string];
  /** A learned position table of this many rows (as BERT's 512), which longer inputs overflow. */
  positions?: number;
}

export function tinyBertModel(options: TinyModelOptions = {}): Uint8Array {
  const rows = options.embeddingRows ?? VOCAB.length;
  const [ids, mask, types] = options.inputNames ?? ['input_ids', 'attention_mask', 'token_type_ids'];
  const word = new Float32Array(rows * HIDDEN);
  word.set(WEIGHTS.word.subarray(0, Math.min(rows, VOCAB.length) * HIDDEN));
  const int = (name: string) => ({ name, elemType: 'INT64' as const, shape: ['batch', 'length'] });
  // Without a position table the words' embeddings go straight on; with one, its rows are added by position.
  const positionNodes = options.positions
    ? [
        { op: 'Shape', inputs: [ids], outputs: ['shape'] },
        { op: 'Gather', inputs: ['shape', 'index1'], outputs: ['length'] },
        { op: 'Range', inputs: ['zero', 'length', 'one'], outputs: ['range'] },
        { op: 'Gather', inputs: ['pos', 'range'], outputs: ['pe'] },
        { op: 'Add', inputs: ['we0', 'pe'], outputs: ['we'] },
      ]
    : [{ op: 'Identity', inputs: ['we0'], outputs: ['we'] }];
  const positionWeights = options.positions
    ? [
        {
          name: 'pos',
          dims: [options.positions, HIDDEN],
          data: new Float32Array(options.positions * HIDDEN),
        },
        { name: 'index1', dims: [], data: BigInt64Array.of(1n) },
        { name: 'zero', dims: [], data: BigInt64Array.of(0n) },
        { name: 'one', dims: [], data: BigInt64Array.of(1n) },
      ]
    : [];
  return buildModel({
    name: 'tiny_bert',
    inputs: [int(ids), int(mask), int(types)],
    outputs: [{ name: 'last_hidden_state', elemType: 'FLOAT', shape: ['batch', 'length', HIDDEN] }],
    initializers: [
      { name: 'word', dims: [rows, HIDDEN], data: word },
      { name: 'type', dims: [2, HIDDEN], data: WEIGHTS.type },
      { name: 'wc', dims: [HIDDEN, HIDDEN], data: WEIGHTS.context },
      { name: 'wo', dims: [HIDDEN, HIDDEN], data: WEIGHTS.out },
      { name: 'axis1', dims: [1], data: BigInt64Array.from([1n]) },
      { name: 'axis2', dims: [1], data: BigInt64Array.from([2n]) },
      ...positionWeights,
    ],
    nodes: [
      { op: 'Gather', inputs: ['word', ids], outputs: ['we0'] },
      ...positionNodes,
      { op: 'Gather', inputs: ['type', types], outputs: ['te'] },
      { op: 'Add', inputs: ['we', 'te'], outputs: ['e'] },
      { op: 'Cast', inputs: [mask], outputs: ['mf'], attributes: { to: 1 } },
      { op: 'Unsqueeze', inputs: ['mf', 'axis2'], outputs: ['m3'] },
      { op: 'Mul', inputs: ['e', 'm3'], outputs: ['em'] },
      { op: 'ReduceSum', inputs: ['em', 'axis1'], outputs: ['s'], attributes: { keepdims: 1 } },
      { op: 'ReduceSum', inputs: ['m3', 'axis1'], outputs: ['c'], attributes: { keepdims: 1 } },
      { op: 'Div', inputs: ['s', 'c'], outputs: ['ctx'] },
      { op: 'MatMul', inputs: ['ctx', 'wc'], outputs: ['ctxp'] },
      { op: 'Add', inputs: ['e', 'ctxp'], outputs: ['x'] },
      { op: 'MatMul', inputs: ['x', 'wo'], outputs: ['y'] },
      { op: 'Tanh', inputs: ['y'], outputs: ['last_hidden_state'] },
    ],
  });
}

/** The model's token vectors for one unpadded sequence, in float64. */
export function referenceTokenVectors(ids: readonly number[]): number[][] {
  const e = ids.map((id) =>
    Array.from({ length: HIDDEN }, (_, f) => WEIGHTS.word[id * HIDDEN + f]! + WEIGHTS.type[f]!),
  );
  const ctx = Array.from({ length: HIDDEN }, (_, f) => e.reduce((s, v) => s + v[f]!, 0) / e.length);
  const matVec = (v: number[], w: Float32Array) =>
    Array.from({ length: HIDDEN }, (_, j) => v.reduce((s, x, i) => s + x * w[i * HIDDEN + j]!, 0));
  const ctxp = matVec(ctx, WEIGHTS.context);
  return e.map((v) =>
    matVec(
      v.map((x, f) => x + ctxp[f]!),
      WEIGHTS.out,
    ).map(Math.tanh),
  );
}

/** Pooled (mean or first token) and optionally L2-normalised reference sentence vector. */
export function referenceEmbedding(
  ids: readonly number[],
  pooling: 'mean' | 'cls',
  normalize: boolean,
): number[] {
  const tokens = referenceTokenVectors(ids);
  const pooled =
    pooling === 'cls'
      ? tokens[0]!
      : Array.from({ length: HIDDEN }, (_, f) => tokens.reduce((s, v) => s + v[f]!, 0) / tokens.length);
  if (!normalize) return pooled;
  const norm = Math.hypot(...pooled);
  return pooled.map((x) => x / norm);
}

/** An HF tokenizers JSON for VOCAB, as `BertTokenizerFast` writes it (uncased). */
export function tinyTokenizerJson(vocab: readonly string[] = VOCAB): Record<string, unknown> {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map((content) => ({
      id: vocab.indexOf(content),
      content,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
    },
  };
}

/** Writes the model and tokenizer into `dir`; returns their paths. */
export async function writeTinyBert(
  dir: string,
  options: TinyModelOptions & { vocab?: readonly string[] } = {},
): Promise<{ model: string; tokenizer: string }> {
  const model = join(dir, 'tiny-bert.onnx');
  const tokenizer = join(dir, 'tokenizer.json');
  await writeFile(model, tinyBertModel(options));
  await writeFile(tokenizer, JSON.stringify(tinyTokenizerJson(options.vocab)));
  return { model, tokenizer };
}
