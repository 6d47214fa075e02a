import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { scanCollection } from '@smartmix/dataset';
import type { ColumnSource } from 'hyparquet-writer';
import { collect, jsonl, parquetBytes, parquetColumns, put, rec, tempDir, withColumn } from './helpers.js';

const dir = await tempDir();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('JSONL', () => {
  it('reads gzip by extension, \\r\\n line ends and a last line without newline', async () => {
    const bytes = gzipSync(
      `${JSON.stringify(rec('a'))}\r\n${JSON.stringify(rec('b', { template_type: 'fs_noopt' }))}`,
    );
    const file = await put(dir, 'a.jsonl.gz', bytes);
    const context = { files: [] };
    const records = await collect([file], {}, context);
    assert.deepEqual(
      records.map((r) => [r.id, r.templateType, r.file, r.line]),
      [
        ['a', 'zs_opt', file, 1],
        ['b', 'fs_noopt', file, 2],
      ],
    );
    // The manifest names the file as stored: the compressed bytes.
    assert.deepEqual(context.files, [{ path: file, bytes: bytes.length, sha256: sha256(bytes) }]);
  });

  it('keeps multi-byte characters that straddle read chunks, and ignores a byte-order mark', async () => {
    // 64 KiB is the read chunk size; a prompt of 3-byte characters this long must cross a chunk boundary.
    const prompt = '€'.repeat(40000);
    const file = await put(dir, 'wide.jsonl', `\uFEFF${jsonl(rec('a', { prompt }), rec('b'))}`);
    const records = await collect([file]);
    assert.deepEqual(
      records.map((r) => [r.id, r.prompt.length, r.line]),
      [
        ['a', 40000, 1],
        ['b', 1, 2],
      ],
    );
    assert.equal(records[0]!.prompt, prompt);
  });

  it('reads files in the order given and directories in name order', async () => {
    const sub = await tempDir();
    await put(sub, 'b.jsonl', jsonl(rec('b1')));
    await put(sub, 'a.jsonl.gz', gzipSync(jsonl(rec('a1'))));
    await put(sub, 'notes.txt', 'not data');
    const single = await put(dir, 'z.jsonl', jsonl(rec('z1')));
    const records = await collect([single, sub]);
    assert.deepEqual(
      records.map((r) => r.id),
      ['z1', 'a1', 'b1'],
    );
  });
});

describe('Parquet', () => {
  it('reads every row group in order, with 1-based row numbers', async () => {
    const bytes = parquetBytes(parquetColumns(25), 10);
    const file = await put(dir, 'p.parquet', bytes);
    const context = { files: [] };
    const records = await collect([file], {}, context);
    assert.equal(records.length, 25);
    assert.deepEqual(
      records.map((r) => r.id),
      Array.from({ length: 25 }, (_, i) => `q${i}`),
    );
    assert.deepEqual(
      [records[12]!.line, records[12]!.task, records[12]!.templateType, records[24]!.prompt],
      [13, 'task0', 'zs_noopt', 'prompt 24 — é'],
    );
    assert.deepEqual(context.files, [{ path: file, bytes: bytes.length, sha256: sha256(bytes) }]);
  });

  it('keeps a leading U+FEFF of a value: in Parquet it is text, not a byte-order mark', async () => {
    const prompt: ColumnSource = { name: 'prompt', data: ['\uFEFFp', 'p'], type: 'STRING' };
    const file = await put(dir, 'bom.parquet', parquetBytes(withColumn(parquetColumns(2), prompt)));
    assert.deepEqual(
      (await collect([file])).map((r) => r.prompt),
      ['\uFEFFp', 'p'],
    );
  });

  it('reads only the mapped columns', async () => {
    // Invalid UTF-8 in a column nobody asked for: reading it would fail the file.
    const other: ColumnSource = {
      name: 'meta',
      data: Array.from({ length: 4 }, () => Uint8Array.of(0xff)),
      type: 'BYTE_ARRAY',
    };
    const file = await put(dir, 'extra.parquet', parquetBytes(withColumn(parquetColumns(4), other), 2));
    assert.equal((await collect([file])).length, 4);
  });
});

describe('field mapping', () => {
  it('reads other field names', async () => {
    const file = await put(
      dir,
      'mapped.jsonl',
      jsonl({ uid: 'x', name: 'T', kind: 'fs_opt', input: 'i', output: 'o' }),
    );
    const [r] = await collect([file], {
      fields: { id: 'uid', task: 'name', templateType: 'kind', prompt: 'input', response: 'output' },
    });
    assert.deepEqual(
      [r!.id, r!.task, r!.templateType, r!.prompt, r!.response],
      ['x', 'T', 'fs_opt', 'i', 'o'],
    );
  });

  it('gives a collection without template types one type per task, zs_noopt unless told otherwise', async () => {
    const file = await put(
      dir,
      'untyped.jsonl',
      jsonl(
        { id: 'a', task: 'T', prompt: 'p', response: 'r', template_type: 'not looked at' },
        { id: 'b', task: 'U', prompt: 'p', response: 'r' },
      ),
    );
    const fields = { templateType: null };
    assert.deepEqual(
      (await collect([file], { fields })).map((r) => r.templateType),
      ['zs_noopt', 'zs_noopt'],
    );
    const scan = await scanCollection([file], { fields, defaultTemplateType: 'zs_opt' });
    assert.equal(scan.assumedTemplateType, 'zs_opt');
    assert.deepEqual(scan.fields.templateType, null);
    assert.deepEqual(
      scan.tasks.map((t) => [t.name, t.counts]),
      [
        ['T', { zs_opt: 1, zs_noopt: 0, fs_opt: 0, fs_noopt: 0 }],
        ['U', { zs_opt: 1, zs_noopt: 0, fs_opt: 0, fs_noopt: 0 }],
      ],
    );
  });

  it('maps Parquet columns too, and a collection with template types ignores defaultTemplateType', async () => {
    const kind: ColumnSource = { name: 'kind', data: ['fs_noopt', 'fs_noopt', 'zs_opt'], type: 'STRING' };
    const columns = parquetColumns(3).map((c) => (c.name === 'template_type' ? kind : c));
    const file = await put(dir, 'renamed.parquet', parquetBytes(columns));
    const records = await collect([file], {
      fields: { templateType: 'kind' },
      defaultTemplateType: 'zs_opt',
    });
    assert.deepEqual(
      records.map((r) => r.templateType),
      ['fs_noopt', 'fs_noopt', 'zs_opt'],
    );
  });
});
