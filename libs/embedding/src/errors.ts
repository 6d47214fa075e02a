/**
 * A problem with the embedding model, its tokenizer or the texts given to them, in one line naming the file (and
 * the field or item, when there is one), so the CLI can print `error: <message>` and exit 2.
 */
export class EmbeddingError extends Error {
  override name = 'EmbeddingError';

  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem.replace(/\s*\n\s*/g, ' ')}`);
  }
}
