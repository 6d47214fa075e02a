import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DatasetError } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Lines of a JSONL file (gzip-compressed when it ends in .gz) as [line number, text], streamed. Bytes are decoded
 * per line with a fatal UTF-8 decoder so invalid bytes are reported with their line, never replaced. `onRawBytes`
 * sees the file's bytes as read (before decompression), for hashing in the same pass.
 */
export async function* jsonlLines(
  file: string,
  onRawBytes?: (chunk: Buffer) => void,
): AsyncGenerator<[number, string]> {
  const raw = createReadStream(file);
  if (onRawBytes) raw.on('data', (chunk) => onRawBytes(chunk as Buffer));
  const stream: Readable = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (err) => stream.destroy(err));
  let pending: Buffer[] = [];
  let lineNumber = 0;
  const decode = (bytes: Buffer): string => {
    lineNumber++;
    try {
      return utf8.decode(bytes.at(-1) === 0x0d ? bytes.subarray(0, -1) : bytes);
    } catch {
      throw new DatasetError(file, String(lineNumber), null, 'invalid UTF-8');
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        pending.push(chunk.subarray(start, nl));
        const line = decode(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
        pending = [];
        yield [lineNumber, line];
        start = nl + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (err) {
    if (err instanceof DatasetError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new DatasetError(file, null, null, `cannot read (${code ?? (err as Error).message})`);
  }
  // A final line without a newline still counts.
  if (pending.length > 0) yield [lineNumber + 1, decode(Buffer.concat(pending))];
}

/** Parsed JSON objects of a JSONL file with their line numbers. Blank lines are errors: they are never data. */
export async function* jsonlObjects(
  file: string,
  onRawBytes?: (chunk: Buffer) => void,
): AsyncGenerator<[string, unknown]> {
  for await (const [line, text] of jsonlLines(file, onRawBytes)) {
    if (text.trim().length === 0) throw new DatasetError(file, String(line), null, 'blank line');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new DatasetError(file, String(line), null, `malformed JSON (${(err as Error).message})`);
    }
    yield [String(line), value];
  }
}
