import { USE_LITE_MAX_LENGTH } from './use-lite-graph.js';

/** Ids 0–5 of the USE-Lite vocabulary: unknown, <s>, </s> and three spare control symbols, never matched in text. */
const RESERVED_IDS = 6;

/**
 * The USE-Lite SentencePiece vocabulary (`[piece, score][]`) as an HF tokenizers file: NFKC, the ▁ dummy prefix and
 * space replacement, Unigram segmentation, no special tokens around the text, inputs clipped at 128 tokens as the
 * model does.
 */
export function useLiteTokenizerJson(vocab: [string, number | null][]): Record<string, unknown> {
  return {
    version: '1.0',
    truncation: { direction: 'Right', max_length: USE_LITE_MAX_LENGTH, strategy: 'LongestFirst', stride: 0 },
    padding: null,
    added_tokens: vocab.slice(1, RESERVED_IDS).map(([content], i) => ({ id: i + 1, content, special: true })),
    normalizer: { type: 'NFKC' },
    pre_tokenizer: { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: false },
    post_processor: null,
    decoder: { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: false },
    model: { type: 'Unigram', unk_id: 0, vocab, byte_fallback: false },
  };
}
