import type { Normalize } from './normalizer.js';
import type { PreTokenize } from './pre-tokenizer.js';

export interface Encoding {
  /** Token ids, special tokens included. */
  ids: Int32Array;
  /** Whether tokens were cut off to fit the maximum length. */
  truncated: boolean;
}

export interface TokenizerParts {
  normalize: Normalize;
  preTokenize: PreTokenize;
  /** Appends the ids of one word's pieces (WordPiece, Unigram). */
  model: (word: string, out: number[]) => void;
  unkId: number;
  /** Special tokens around a single sequence, e.g. [CLS] … [SEP]. */
  prefixIds: number[];
  suffixIds: number[];
  padId: number;
  /** Largest token id the tokenizer can emit (vocabulary and added tokens). */
  maxId: number;
  /** The model's longest input, when the tokenizer file says (its `truncation.max_length`). */
  maxLength?: number;
}

/** A tokenizer as HF tokenizers runs one: normalise, split into words, split words into pieces, truncate, add the special tokens. */
export class Tokenizer {
  constructor(readonly parts: TokenizerParts) {}

  get padId(): number {
    return this.parts.padId;
  }

  get maxId(): number {
    return this.parts.maxId;
  }

  /** Encodes one text into at most `maxLength` ids (special tokens included), truncating at the end as HF does. */
  encode(text: string, maxLength: number): Encoding {
    const { prefixIds, suffixIds } = this.parts;
    const room = maxLength - prefixIds.length - suffixIds.length;
    if (room < 1) throw new RangeError(`max length ${maxLength} leaves no room besides the special tokens`);
    const pieces: number[] = [];
    for (const word of this.parts.preTokenize(this.parts.normalize(text))) {
      this.parts.model(word, pieces);
      // Long texts are cut anyway: stop once one piece more than fits is known.
      if (pieces.length > room) break;
    }
    const truncated = pieces.length > room;
    const ids = new Int32Array(prefixIds.length + Math.min(pieces.length, room) + suffixIds.length);
    ids.set(prefixIds, 0);
    ids.set(truncated ? pieces.slice(0, room) : pieces, prefixIds.length);
    ids.set(suffixIds, ids.length - suffixIds.length);
    return { ids, truncated };
  }
}
