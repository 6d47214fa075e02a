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
