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

/**
 * SentencePiece's view of spaces (HF's `Metaspace`): every space becomes `replacement` (▁) and, with `prepend`, one
 * more goes in front of the text (SentencePiece's dummy prefix, added even when the text starts with a space, as
 * the USE tokenizer does). With `split` each word starts at a replacement character; without it the text is one word.
 */
export function metaspace(replacement: string, prepend: boolean, split: boolean): PreTokenize {
  return (text) => {
    if (text.length === 0) return [];
    const replaced = (prepend ? replacement : '') + text.replaceAll(' ', replacement);
    if (!split) return [replaced];
    const words: string[] = [];
    let start = 0;
    for (let i = replaced.indexOf(replacement, 1); i !== -1; i = replaced.indexOf(replacement, i + 1)) {
      if (i > start) words.push(replaced.slice(start, i));
      start = i;
    }
    words.push(replaced.slice(start));
    return words;
  };
}
