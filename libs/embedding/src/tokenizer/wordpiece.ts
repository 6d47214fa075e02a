/** WordPiece (Schuster & Nakajima 2012, as BERT uses it): greedy longest-match-first over a fixed vocabulary. */
export interface WordPieceConfig {
  vocab: Map<string, number>;
  unkId: number;
  continuingSubwordPrefix: string;
  maxInputCharsPerWord: number;
}

/** Appends the ids of one word's pieces to `out`; a word with any unmatched part becomes one unknown token. */
export function wordPiece(word: string, config: WordPieceConfig, out: number[]): void {
  const chars = Array.from(word);
  if (chars.length > config.maxInputCharsPerWord) {
    out.push(config.unkId);
    return;
  }
  const first = out.length;
  let start = 0;
  while (start < chars.length) {
    let end = chars.length;
    let id: number | undefined;
    while (end > start) {
      const piece = chars.slice(start, end).join('');
      id = config.vocab.get(start > 0 ? config.continuingSubwordPrefix + piece : piece);
      if (id !== undefined) break;
      end--;
    }
    if (id === undefined) {
      out.length = first;
      out.push(config.unkId);
      return;
    }
    out.push(id);
    start = end;
  }
}
