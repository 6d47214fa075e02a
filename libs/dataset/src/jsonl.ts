import { DatasetError } from './errors.js';
import { fileChunks } from './file-bytes.js';

/**
 * Fatal: invalid bytes are reported with their line, never silently replaced by U+FFFD. A byte-order mark at the
 * start of a line (in practice: of the file) is dropped, as editors on Windows write one.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function readError(file: string, err: unknown): DatasetError {
  const { code, message } = err as NodeJS.ErrnoException;
  // zlib codes (Z_DATA_ERROR, Z_BUF_ERROR) say less than zlib's message ("incorrect header check").
  if (code?.startsWith('Z_')) return new DatasetError(file, null, null, `not valid gzip (${message})`);
  return new DatasetError(file, null, null, `cannot read (${code ?? message})`);
}

/**
 * Lines of a JSONL file as [line number, text], streamed. Lines end in \n (the \r of \r\n stays: it is JSON
 * whitespace); a final line without a newline still counts, and a final newline does not start an empty line. Lines are split on bytes and then decoded, so a
 * multi-byte character across two chunks is never cut.
 */
async function* jsonlLines(
  file: string,
  onRawBytes?: (chunk: Buffer) => void,
): AsyncGenerator<[number, string]> {
  let line = 0;
  let pending: Buffer[] = [];
  const decode = (bytes: Buffer): [number, string] => {
    line++;
    try {
      return [line, utf8.decode(bytes)];
    } catch {
      throw new DatasetError(file, line, null, 'invalid UTF-8');
    }
  };
  try {
    for await (const chunk of fileChunks(file, onRawBytes)) {
      let start = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        pending.push(chunk.subarray(start, nl));
        yield decode(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
        pending = [];
        start = nl + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (err) {
    throw err instanceof DatasetError ? err : readError(file, err);
  }
  if (pending.length > 0) yield decode(Buffer.concat(pending));
}

/**
 * Parsed JSON values of a JSONL file with their line numbers. A blank line (empty or only whitespace) is an error,
 * not something to skip: inside a file it means the file was cut or concatenated carelessly, and skipping it would
 * hide the damage. The newline that ends the last line is not a blank line (see `jsonlLines`).
 */
export async function* jsonlValues(
  file: string,
  onRawBytes?: (chunk: Buffer) => void,
): AsyncGenerator<[number, unknown]> {
  for await (const [line, text] of jsonlLines(file, onRawBytes)) {
    if (text.trim().length === 0) throw new DatasetError(file, line, null, 'blank line');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new DatasetError(file, line, null, `malformed JSON (${(err as Error).message})`);
    }
    yield [line, value];
  }
}
