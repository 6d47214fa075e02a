/**
 * Text normalisation as HF tokenizers' BertNormalizer and its simple normalizers define it, applied before
 * splitting into words.
 */
export type Normalize = (text: string) => string;

const CONTROL = /[\p{Cc}\p{Cf}]/u;
const WHITESPACE = /[\t\n\r\p{Zs}]/u;
const COMBINING_MARK = /\p{Mn}/gu;

/** CJK Unified Ideographs and their extensions, the blocks BERT's original tokenizer splits around. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x2a6df) ||
    (code >= 0x2a700 && code <= 0x2b73f) ||
    (code >= 0x2b740 && code <= 0x2b81f) ||
    (code >= 0x2b820 && code <= 0x2ceaf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  );
}

/** Drops NUL, U+FFFD and control characters; every kind of whitespace becomes a plain space. */
export function cleanText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\0' || ch === '\uFFFD') continue;
    if (WHITESPACE.test(ch)) out += ' ';
    else if (!CONTROL.test(ch)) out += ch;
  }
  return out;
}

export function spaceCjk(text: string): string {
  let out = '';
  for (const ch of text) out += isCjk(ch.codePointAt(0)!) ? ` ${ch} ` : ch;
  return out;
}

export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARK, '');
}

export interface BertNormalizerConfig {
  cleanText: boolean;
  handleChineseChars: boolean;
  /** null: strip accents exactly when lower-casing (BERT's uncased models). */
  stripAccents: boolean | null;
  lowercase: boolean;
}

export function bertNormalizer(config: BertNormalizerConfig): Normalize {
  const strip = config.stripAccents ?? config.lowercase;
  return (text) => {
    let out = config.cleanText ? cleanText(text) : text;
    if (config.handleChineseChars) out = spaceCjk(out);
    if (strip) out = stripAccents(out);
    return config.lowercase ? out.toLowerCase() : out;
  };
}

export function sequence(steps: Normalize[]): Normalize {
  return (text) => steps.reduce((t, step) => step(t), text);
}
