import { createReadStream } from 'node:fs';
import {
  type AsyncBuffer,
  asyncBufferFromFile,
  type FileMetaData,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
} from 'hyparquet';
import { DatasetError } from './errors.js';

/** A leading U+FEFF in a value is text, not a byte-order mark: keep it. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * hyparquet decodes strings with a lenient decoder (invalid bytes become U+FFFD); keeping them as bytes lets
 * `decodeStrings` apply the same fatal check as JSONL, with the row and column in the message.
 */
const KEEP_BYTES = { stringFromBytes: (bytes: Uint8Array) => bytes };

function decodeStrings(
  row: Record<string, unknown>,
  file: string,
  rowNumber: number,
): Record<string, unknown> {
  for (const [column, value] of Object.entries(row)) {
    if (!(value instanceof Uint8Array)) continue;
    try {
      row[column] = utf8.decode(value);
    } catch {
      throw new DatasetError(file, rowNumber, column, 'invalid UTF-8');
    }
  }
  return row;
}

async function open(file: string): Promise<{ buffer: AsyncBuffer; metadata: FileMetaData }> {
  try {
    const buffer = await asyncBufferFromFile(file);
    return { buffer, metadata: await parquetMetadataAsync(buffer) };
  } catch (err) {
    throw new DatasetError(file, null, null, `not a readable Parquet file (${(err as Error).message})`);
  }
}

/**
 * Rows of a Parquet file as [row number, object], read one row group at a time so memory is bounded by the largest
 * row group, and only the wanted columns (FLAN-style files carry more). The schema says up front whether a wanted
 * column exists, so a missing one is a whole-file error rather than a missing field in every row.
 *
 * `onRawBytes` sees the file's bytes for hashing. Parquet is read from the footer backwards and by column chunk, so
 * this is a separate sequential read, done first: it also warms the page cache for the row-group reads.
 */
export async function* parquetValues(
  file: string,
  columns: readonly string[],
  onRawBytes?: (chunk: Buffer) => void,
): AsyncGenerator<[number, Record<string, unknown>]> {
  const { buffer, metadata } = await open(file);
  const present = new Set(parquetSchema(metadata).children.map((child) => child.element.name));
  const absent = columns.find((column) => !present.has(column));
  if (absent !== undefined) throw new DatasetError(file, null, absent, 'no such column');
  if (onRawBytes) {
    for await (const chunk of createReadStream(file)) onRawBytes(chunk as Buffer);
  }
  let rowStart = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({
        file: buffer,
        metadata,
        rowStart,
        rowEnd,
        columns: [...columns],
        parsers: KEEP_BYTES,
      });
    } catch (err) {
      throw new DatasetError(file, null, null, `cannot read row group ${index} (${(err as Error).message})`);
    }
    for (let i = 0; i < rows.length; i++) {
      yield [rowStart + i + 1, decodeStrings(rows[i]!, file, rowStart + i + 1)];
    }
    rowStart = rowEnd;
  }
}
