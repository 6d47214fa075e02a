import { readFile } from 'node:fs/promises';
import { EmbeddingError } from '../errors.js';
import {
  bertNormalizer,
  type Normalize,
  sequence as normalizerSequence,
  stripAccents,
} from './normalizer.js';
import {
  bertPreTokenize,
  metaspace,
  type PreTokenize,
  sequence as preTokenizerSequence,
  whitespace,
  whitespaceSplit,
} from './pre-tokenizer.js';
import { Tokenizer } from './tokenizer.js';
import { unigram } from './unigram.js';
import { wordPiece } from './wordpiece.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the parts of an HF `tokenizer.json` that BERT-style (WordPiece) models use; anything else is refused. */
export async function loadTokenizer(file: string): Promise<Tokenizer> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new EmbeddingError(file, code ? `cannot read tokenizer (${code})` : 'tokenizer is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new EmbeddingError(file, `tokenizer is not valid JSON (${(err as Error).message})`);
  }
  return parseTokenizer(file, json);
}

export function parseTokenizer(file: string, json: unknown): Tokenizer {
  const fail = (field: string, problem: string): never => {
    throw new EmbeddingError(file, `${field}: ${problem}`);
  };
  if (!isObject(json)) return fail('(root)', 'expected an HF tokenizers JSON object');
  if (!isObject(json.model)) return fail('model', 'missing');
  const addedTokens = Array.isArray(json.added_tokens) ? json.added_tokens.filter(isObject) : [];
  const pieces = pieceModel(json.model, addedTokens, fail);
  const idOf = new Map(pieces.vocab);
  let maxId = pieces.maxId;
  for (const t of addedTokens) {
    if (typeof t.content === 'string' && Number.isInteger(t.id) && (t.id as number) >= 0) {
      idOf.set(t.content, t.id as number);
      maxId = Math.max(maxId, t.id as number);
    }
  }
  const special = (field: string, token: unknown): number => {
    if (typeof token !== 'string') return fail(field, 'expected a token');
    const id = idOf.get(token);
    return id ?? fail(field, `special token '${token}' is not in the vocabulary`);
  };
  const unkId = pieces.unkId ?? special('model.unk_token', json.model.unk_token ?? '[UNK]');
  const [prefixIds, suffixIds] = postProcessor(json.post_processor, special, fail);
  const padding = isObject(json.padding) ? json.padding : undefined;
  const padId =
    padding && Number.isInteger(padding.pad_id) ? (padding.pad_id as number) : (idOf.get('[PAD]') ?? unkId);
  const truncation = isObject(json.truncation) ? json.truncation : undefined;
  return new Tokenizer({
    normalize: normalizer(json.normalizer, fail),
    preTokenize: preTokenizer(json.pre_tokenizer, fail),
    model: pieces.build(unkId),
    unkId,
    prefixIds,
    suffixIds,
    padId,
    maxId,
    maxLength:
      truncation && Number.isInteger(truncation.max_length) ? (truncation.max_length as number) : undefined,
  });
}

interface PieceModel {
  /** Token → id, for looking up special tokens. */
  vocab: Map<string, number>;
  maxId: number;
  /** The unknown id, when the model names it by id (Unigram). */
  unkId?: number;
  build(unkId: number): (word: string, out: number[]) => void;
}

function pieceModel(model: Json, addedTokens: Json[], fail: Fail): PieceModel {
  if (model.type === 'WordPiece') {
    if (!isObject(model.vocab)) return fail('model.vocab', 'expected an object of token → id');
    const vocab = new Map<string, number>();
    for (const [token, id] of Object.entries(model.vocab)) {
      if (!Number.isInteger(id) || (id as number) < 0)
        fail(`model.vocab[${JSON.stringify(token)}]`, 'not an id');
      vocab.set(token, id as number);
    }
    return {
      vocab,
      maxId: Math.max(-1, ...vocab.values()),
      build: (unkId) => {
        const config = {
          vocab,
          unkId,
          continuingSubwordPrefix:
            typeof model.continuing_subword_prefix === 'string' ? model.continuing_subword_prefix : '##',
          maxInputCharsPerWord: Number.isInteger(model.max_input_chars_per_word)
            ? (model.max_input_chars_per_word as number)
            : 100,
        };
        return (word, out) => wordPiece(word, config, out);
      },
    };
  }
  if (model.type === 'Unigram') {
    if (!Array.isArray(model.vocab)) return fail('model.vocab', 'expected an array of [piece, score]');
    const pieces = model.vocab.map((entry, id) => {
      const [piece, score] = Array.isArray(entry) ? entry : [];
      if (typeof piece !== 'string' || (score !== null && typeof score !== 'number')) {
        return fail(`model.vocab[${id}]`, 'expected [piece, score]');
      }
      return [piece, score] as const;
    });
    const unkId = model.unk_id;
    if (!Number.isInteger(unkId) || (unkId as number) < 0 || (unkId as number) >= pieces.length) {
      return fail('model.unk_id', 'expected the id of a vocabulary entry');
    }
    // Special tokens stand for themselves only; text never turns into them.
    const excluded = new Set(addedTokens.filter((t) => t.special === true).map((t) => t.id as number));
    return {
      vocab: new Map(pieces.map(([piece], id) => [piece, id])),
      maxId: pieces.length - 1,
      unkId: unkId as number,
      build: () => unigram({ pieces, unkId: unkId as number, excluded }),
    };
  }
  return fail(
    'model.type',
    `'${String(model.type)}' is not supported (WordPiece, as BERT, gte, bge use; Unigram)`,
  );
}

type Fail = (field: string, problem: string) => never;

function normalizer(spec: unknown, fail: Fail, field = 'normalizer'): Normalize {
  if (spec === null || spec === undefined) return (t) => t;
  if (!isObject(spec)) return fail(field, 'expected an object');
  switch (spec.type) {
    case 'BertNormalizer':
      return bertNormalizer({
        cleanText: spec.clean_text !== false,
        handleChineseChars: spec.handle_chinese_chars !== false,
        stripAccents: typeof spec.strip_accents === 'boolean' ? spec.strip_accents : null,
        lowercase: spec.lowercase !== false,
      });
    case 'Lowercase':
      return (t) => t.toLowerCase();
    case 'StripAccents':
      return stripAccents;
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD': {
      const form = spec.type;
      return (t) => t.normalize(form);
    }
    case 'Strip':
      return (t) => t.trim();
    case 'Sequence':
      if (!Array.isArray(spec.normalizers)) return fail(`${field}.normalizers`, 'expected an array');
      return normalizerSequence(
        spec.normalizers.map((n, i) => normalizer(n, fail, `${field}.normalizers[${i}]`)),
      );
    default:
      return fail(`${field}.type`, `'${String(spec.type)}' is not supported`);
  }
}

function preTokenizer(spec: unknown, fail: Fail, field = 'pre_tokenizer'): PreTokenize {
  if (spec === null || spec === undefined) return whitespaceSplit;
  if (!isObject(spec)) return fail(field, 'expected an object');
  switch (spec.type) {
    case 'BertPreTokenizer':
      return bertPreTokenize;
    case 'WhitespaceSplit':
      return whitespaceSplit;
    case 'Whitespace':
      return whitespace;
    case 'Metaspace':
      return metaspace(
        typeof spec.replacement === 'string' ? spec.replacement : '\u2581',
        spec.prepend_scheme !== 'never' && spec.add_prefix_space !== false,
        spec.split !== false,
      );
    case 'Sequence':
      if (!Array.isArray(spec.pretokenizers)) return fail(`${field}.pretokenizers`, 'expected an array');
      return preTokenizerSequence(
        spec.pretokenizers.map((p, i) => preTokenizer(p, fail, `${field}.pretokenizers[${i}]`)),
      );
    default:
      return fail(`${field}.type`, `'${String(spec.type)}' is not supported`);
  }
}

/** The special-token ids placed before and after a single sequence. */
function postProcessor(
  spec: unknown,
  special: (field: string, token: unknown) => number,
  fail: Fail,
): [number[], number[]] {
  const field = 'post_processor';
  if (spec === null || spec === undefined) return [[], []];
  if (!isObject(spec)) return fail(field, 'expected an object');
  if (spec.type === 'BertProcessing') {
    const cls = Array.isArray(spec.cls) ? spec.cls[0] : undefined;
    const sep = Array.isArray(spec.sep) ? spec.sep[0] : undefined;
    return [[special(`${field}.cls`, cls)], [special(`${field}.sep`, sep)]];
  }
  if (spec.type === 'TemplateProcessing') {
    if (!Array.isArray(spec.single)) return fail(`${field}.single`, 'expected an array');
    const before: number[] = [];
    const after: number[] = [];
    let seenSequence = false;
    spec.single.forEach((piece, i) => {
      if (isObject(piece) && isObject(piece.Sequence)) {
        seenSequence = true;
      } else if (isObject(piece) && isObject(piece.SpecialToken)) {
        // The template names a special token; `special_tokens` maps the name to its ids when they differ.
        const name = piece.SpecialToken.id;
        const entry =
          isObject(spec.special_tokens) && typeof name === 'string' ? spec.special_tokens[name] : undefined;
        const ids =
          isObject(entry) && Array.isArray(entry.ids) && entry.ids.every(Number.isInteger)
            ? (entry.ids as number[])
            : [special(`${field}.single[${i}]`, name)];
        (seenSequence ? after : before).push(...ids);
      } else {
        fail(`${field}.single[${i}]`, 'expected a Sequence or SpecialToken');
      }
    });
    if (!seenSequence) return fail(`${field}.single`, 'has no Sequence');
    return [before, after];
  }
  return fail(`${field}.type`, `'${String(spec.type)}' is not supported`);
}
