import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EmbeddingError, parseTokenizer } from '@smartmix/embedding';
import { tinyTokenizerJson, VOCAB } from './tiny-bert.js';

const id = (token: string) => VOCAB.indexOf(token);
const ids = (...tokens: string[]) => tokens.map(id);

describe('WordPiece tokenizer from tokenizer.json', () => {
  const tokenizer = parseTokenizer('tok.json', tinyTokenizerJson());

  it('lower-cases, strips accents, splits punctuation and words into pieces, adds [CLS] … [SEP]', () => {
    const cases: [string, number[]][] = [
      ['The cat sat on the mat.', ids('[CLS]', 'the', 'cat', 'sat', 'on', 'the', 'mat', '.', '[SEP]')],
      ['Dogs\trunning!', ids('[CLS]', 'dog', '##s', 'run', '##ning', '!', '[SEP]')],
      ['Café,hello  world', ids('[CLS]', 'cafe', ',', 'hello', 'world', '[SEP]')],
      // A word with any part outside the vocabulary is one unknown token, not a partial match.
      ['cats zebra', ids('[CLS]', 'cat', '##s', '[UNK]', '[SEP]')],
      ['   ', ids('[CLS]', '[SEP]')],
    ];
    for (const [text, expected] of cases) {
      const encoding = tokenizer.encode(text, 512);
      assert.deepEqual(Array.from(encoding.ids), expected, text);
      assert.equal(encoding.truncated, false);
    }
  });

  it('truncates to the maximum length, special tokens included, and says so', () => {
    const encoding = tokenizer.encode('the cat sat on the mat', 5);
    assert.deepEqual(Array.from(encoding.ids), ids('[CLS]', 'the', 'cat', 'sat', '[SEP]'));
    assert.equal(encoding.truncated, true);
    assert.equal(tokenizer.encode('the cat sat', 5).truncated, false);
  });

  it('reads BertProcessing post-processors as well', () => {
    const json = tinyTokenizerJson();
    json.post_processor = { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] };
    assert.deepEqual(
      Array.from(parseTokenizer('t', json).encode('hello', 8).ids),
      ids('[CLS]', 'hello', '[SEP]'),
    );
  });

  it('refuses tokenizers it cannot reproduce, naming the field', () => {
    const bpe = tinyTokenizerJson();
    (bpe.model as Record<string, unknown>).type = 'BPE';
    assert.throws(() => parseTokenizer('t.json', bpe), {
      name: 'EmbeddingError',
      message: /^t\.json: model\.type: 'BPE' is not supported/,
    });
    const noSep = tinyTokenizerJson();
    delete (noSep.model as { vocab: Record<string, number> }).vocab['[SEP]'];
    noSep.added_tokens = (noSep.added_tokens as { content: string }[]).filter((t) => t.content !== '[SEP]');
    (noSep.post_processor as Record<string, unknown>).special_tokens = undefined;
    assert.throws(
      () => parseTokenizer('t.json', noSep),
      /post_processor\.single\[2\]: special token '\[SEP\]' is not in the vocabulary/,
    );
    assert.throws(() => parseTokenizer('t.json', []), EmbeddingError);
  });
});

describe('Unigram tokenizer from tokenizer.json', () => {
  const vocab: [string, number | null][] = [
    ['<unk>', 0],
    ['<s>', 0],
    ['▁', -2],
    ['▁the', -1],
    ['▁th', -1.5],
    ['e', -2],
    ['▁cat', -1.2],
    ['c', -3],
    ['a', -3],
    ['t', -3],
    ['s', -2.5],
  ];
  const tokenizer = parseTokenizer('u.json', {
    added_tokens: [{ id: 1, content: '<s>', special: true }],
    normalizer: { type: 'NFKC' },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: false },
    model: { type: 'Unigram', unk_id: 0, vocab },
    truncation: { max_length: 6 },
  });
  const encode = (text: string) => Array.from(tokenizer.encode(text, 64).ids);

  it('picks the best-scoring segmentation, with a dummy ▁ prefix and ▁ for spaces', () => {
    // ▁the (-1) beats ▁th + e (-3.5); ▁cat (-1.2) beats ▁ c a t (-11); s is a piece of its own.
    assert.deepEqual(encode('the cats'), [3, 6, 10]);
  });

  it('turns a run of characters no piece covers into one unknown token, never into a special token', () => {
    assert.deepEqual(encode('the ☃☃ cat'), [3, 2, 0, 6]);
    assert.deepEqual(encode('<s>'), [2, 0, 10, 0]);
  });

  it('takes its default maximum length from the file', () => {
    assert.equal(tokenizer.parts.maxLength, 6);
  });
});
