import { createReadStream } from 'node:fs';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { DatasetError } from './errors.js';

/**
 * Rows of a Parquet file as [location, object], read one row group at a time so memory stays bounded by the
 * largest row group. `onRawBytes` receives the file's bytes (a separate sequential read) for hashing.
 */
export async function* parquetObjects(
  file: string,
  onRawBytes?: (chunk: Buffer) => void,
): AsyncGenerator<[string, unknown]> {
  let rowGroups: { num_rows: bigint | number }[];
  let buffer: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  try {
    buffer = await asyncBufferFromFile(file);
    rowGroups = (await parquetMetadataAsync(buffer)).row_groups;
  } catch (err) {
    throw new DatasetError(file, null, null, `not a readable Parquet file (${(err as Error).message})`);
  }
  if (onRawBytes) {
    for await (const chunk of createReadStream(file)) onRawBytes(chunk as Buffer);
  }
  let rowStart = 0;
  for (const group of rowGroups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({ file: buffer, rowStart, rowEnd });
    for (let i = 0; i < rows.length; i++) yield [`row ${rowStart + i + 1}`, rows[i]];
    rowStart = rowEnd;
  }
}
