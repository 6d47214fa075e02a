/** Splitting normalised text into words, as HF tokenizers' pre-tokenizers of BERT-style models do. */
export type PreTokenize = (text: string) => string[];

// Rust's char::is_ascii_punctuation (which includes symbols such as $ + < = > ^ ` | ~) or a Unicode punctuation
// category: HF's BertPreTokenizer test.
const PUNCTUATION = /[!-/:-@[-`{-~\p{P}]/u;
const SPACE = /\s/u;

/** Splits on whitespace (dropped) and makes every punctuation character a word of its own. */
export const bertPreTokenize: PreTokenize = (text) => {
  const words: string[] = [];
  let current = '';
  for (const ch of text) {
    if (SPACE.test(ch)) {
      if (current) words.push(current);
      current = '';
    } else if (PUNCTUATION.test(ch)) {
      if (current) words.push(current);
      words.push(ch);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) words.push(current);
  return words;
};

/** Splits on whitespace only. */
export const whitespaceSplit: PreTokenize = (text) => text.split(/\s+/u).filter((w) => w.length > 0);

/** Runs of word characters, and runs of other non-space characters (HF's `Whitespace`: \w+|[^\w\s]+). */
export const whitespace: PreTokenize = (text) => text.match(/\w+|[^\w\s]+/gu) ?? [];

export function sequence(steps: PreTokenize[]): PreTokenize {
  return (text) => steps.reduce<string[]>((words, step) => words.flatMap(step), [text]);
}
