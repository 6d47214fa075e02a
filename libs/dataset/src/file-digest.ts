import { createHash } from 'node:crypto';

/** An input file as the manifest records it: the exact bytes read (compressed ones, for .jsonl.gz). */
export interface InputFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Hashes and counts a file's bytes as they stream past the reader, so no second read is needed. */
export class FileDigest {
  readonly #hash = createHash('sha256');
  #bytes = 0;

  readonly update = (chunk: Buffer): void => {
    this.#hash.update(chunk);
    this.#bytes += chunk.length;
  };

  result(path: string): InputFile {
    return { path, bytes: this.#bytes, sha256: this.#hash.digest('hex') };
  }
}
