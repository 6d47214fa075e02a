import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type CollectionRecord,
  DatasetError,
  type ReadContext,
  type ReadOptions,
  readCollection,
} from '@smartmix/dataset';
import { type ColumnSource, parquetWriteBuffer } from 'hyparquet-writer';

export const T0_MINI = fileURLToPath(new URL('../../../../shared/data/t0-mini/', import.meta.url));

/** A fresh temporary directory for this test file, removed when it ends. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dataset-test-'));
  after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `content` to `dir/name` and returns the path. */
export async function put(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

export async function collect(
  paths: string[],
  options: ReadOptions = {},
  context?: ReadContext,
): Promise<CollectionRecord[]> {
  const out: CollectionRecord[] = [];
  for await (const r of readCollection(paths, options, context)) out.push(r);
  return out;
}

/** A valid record in the default field names, with overrides. */
export const rec = (id: string, extra: object = {}) => ({
  id,
  task: 't',
  template_type: 'zs_opt',
  prompt: 'p',
  response: 'r',
  ...extra,
});

/** JSONL text of the given objects, each line ended by \n. */
export const jsonl = (...objects: object[]): string => objects.map((o) => `${JSON.stringify(o)}\n`).join('');

/** Parquet columns of `n` valid records in the default field names: ids q0, q1, …, tasks task0–task2. */
export function parquetColumns(n: number): ColumnSource[] {
  const column = (name: string, value: (i: number) => string): ColumnSource => ({
    name,
    data: Array.from({ length: n }, (_, i) => value(i)),
    type: 'STRING',
  });
  return [
    column('id', (i) => `q${i}`),
    column('task', (i) => `task${i % 3}`),
    column('template_type', (i) => (i % 2 ? 'fs_opt' : 'zs_noopt')),
    column('prompt', (i) => `prompt ${i} — é`),
    column('response', () => 'yes'),
  ];
}

/** `columns` with `column` in place of the one of the same name, or added at the end. */
export function withColumn(columns: ColumnSource[], column: ColumnSource): ColumnSource[] {
  const replaced = columns.map((c) => (c.name === column.name ? column : c));
  return columns.some((c) => c.name === column.name) ? replaced : [...columns, column];
}

/** A Parquet file's bytes, written with hyparquet-writer (Snappy pages, as most writers make them). */
export const parquetBytes = (columns: ColumnSource[], rowGroupSize?: number): Uint8Array =>
  new Uint8Array(parquetWriteBuffer({ columnData: columns, rowGroupSize }));

/** Asserts that `promise` rejects with a DatasetError carrying exactly this message and location. */
export async function rejectsWith(
  promise: Promise<unknown>,
  expected: { message: string; file: string; line: number | null; field: string | null },
): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DatasetError, String(err));
    assert.equal(err.name, 'DatasetError');
    assert.deepEqual({ message: err.message, file: err.file, line: err.line, field: err.field }, expected);
    return true;
  });
}
