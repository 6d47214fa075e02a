/**
 * Unigram language-model segmentation (Kudo 2018), as SentencePiece and the TF.js Universal Sentence Encoder
 * tokenizer run it: the best-scoring segmentation of a word into vocabulary pieces over the lattice of all matches.
 * Reproduced details that decide ties and unknown characters, so that ids equal the reference tokenizer's:
 * candidates ending at the same position are tried in order of their start, a later one wins a tie, a position no
 * piece reaches scores 0 and is then treated as unset, a character no piece covers becomes the unknown id, and a
 * run of unknowns becomes one.
 */
export interface UnigramConfig {
  /** [piece, log-probability score] by id; a null score counts as 0 (as JavaScript arithmetic makes it). */
  pieces: readonly (readonly [string, number | null])[];
  unkId: number;
  /** Ids never matched inside text (control symbols, special tokens). */
  excluded: ReadonlySet<number>;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  id: number;
}

const newNode = (): TrieNode => ({ children: new Map(), id: -1 });

export function unigram(config: UnigramConfig): (word: string, out: number[]) => void {
  const root = newNode();
  const scores = new Float64Array(config.pieces.length);
  const lengths = new Int32Array(config.pieces.length).fill(1);
  config.pieces.forEach(([piece, score], id) => {
    scores[id] = score ?? 0;
    lengths[id] = Array.from(piece).length;
    if (config.excluded.has(id) || piece.length === 0) return;
    let node = root;
    for (const ch of piece) {
      let next = node.children.get(ch);
      if (!next) {
        next = newNode();
        node.children.set(ch, next);
      }
      node = next;
    }
    node.id = id;
  });
  lengths[config.unkId] = 1;

  return (word, out) => {
    const symbols = Array.from(word);
    const n = symbols.length;
    const best = new Float64Array(n + 1);
    const ids = new Int32Array(n + 1).fill(config.unkId);
    for (let start = 0; start < n; start++) {
      let node: TrieNode | undefined = root;
      for (let end = start; end < n; end++) {
        node = node.children.get(symbols[end]!);
        if (!node) break;
        if (node.id < 0) continue;
        const score = scores[node.id]! + best[start]!;
        if (best[end + 1] === 0 || score >= best[end + 1]!) {
          best[end + 1] = score;
          ids[end + 1] = node.id;
        }
      }
    }
    const reversed: number[] = [];
    for (let position = n; position > 0; position -= lengths[ids[position]!]!) {
      const id = ids[position]!;
      if (!(id === config.unkId && reversed.at(-1) === config.unkId)) reversed.push(id);
    }
    for (let i = reversed.length - 1; i >= 0; i--) out.push(reversed[i]!);
  };
}
