import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isGzip } from './formats.js';

/** Shows each chunk to `onChunk` as it passes, so a file can be hashed in the same pass that parses it. */
async function* tap(source: AsyncIterable<Buffer>, onChunk: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    onChunk(chunk);
    yield chunk;
  }
}

/**
 * A file's content as a stream of chunks, gunzipped when its name ends in .gz. `onRawBytes` sees the bytes as
 * stored (before decompression). Stopping early or failing closes the file: `pipeline` tears down every stage and
 * hands a read or zlib error to the consumer of the last one.
 */
export function fileChunks(file: string, onRawBytes?: (chunk: Buffer) => void): AsyncIterable<Buffer> {
  const raw: AsyncIterable<Buffer> = createReadStream(file);
  const stored = onRawBytes ? tap(raw, onRawBytes) : raw;
  if (!isGzip(file)) return stored;
  // The callback is required but has nothing to add: the error also destroys (and so is thrown from) the gunzip.
  return pipeline(stored, createGunzip(), () => {});
}
