import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  type CollectionRecord,
  DatasetError,
  listInputFiles,
  type ReadContext,
  readCollection,
} from '@smartmix/dataset';
import { parquetWriteBuffer } from 'hyparquet-writer';

const T0_MINI = fileURLToPath(new URL('../../../../shared/data/t0-mini/', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'dataset-test-'));
after(() => rm(dir, { recursive: true, force: true }));

async function collect(paths: string[], options = {}, context?: ReadContext): Promise<CollectionRecord[]> {
  const out: CollectionRecord[] = [];
  for await (const r of readCollection(paths, options, context)) out.push(r);
  return out;
}

const line = (o: object) => JSON.stringify(o);
const rec = (id: string, extra: object = {}) => ({
  id,
  task: 't',
  template_type: 'zs_opt',
  prompt: 'p',
  response: 'r',
  ...extra,
});

describe('t0-mini', { skip: !existsSync(T0_MINI) && 'no ../shared/data/t0-mini' }, () => {
  it('reads all records of the directory (skipping README/stats) with the counts of stats.json', async () => {
    assert.deepEqual(
      (await listInputFiles([T0_MINI])).map((f) => f.slice(T0_MINI.length)),
      ['part-000.jsonl', 'part-001.jsonl'],
    );
    const context: ReadContext = { files: [] };
    const records = await collect([T0_MINI], {}, context);
    assert.equal(records.length, 37595);
    assert.equal(new Set(records.map((r) => r.id)).size, 37595);
    const stats = JSON.parse(readFileSync(join(T0_MINI, 'stats.json'), 'utf8')).tasks as Record<
      string,
      Record<string, number>
    >;
    const counts = new Map<string, Map<string, number>>();
    for (const r of records) {
      const byType = counts.get(r.task) ?? new Map<string, number>();
      byType.set(r.templateType, (byType.get(r.templateType) ?? 0) + 1);
      counts.set(r.task, byType);
    }
    assert.equal(counts.size, 199);
    for (const [task, expected] of Object.entries(stats)) {
      for (const type of ['zs_opt', 'zs_noopt', 'fs_opt', 'fs_noopt']) {
        assert.equal(counts.get(task)?.get(type) ?? 0, expected[type] ?? 0, `${task} ${type}`);
      }
    }
    assert.equal(context.files.length, 2);
    assert.match(context.files[0]!.sha256, /^[0-9a-f]{64}$/);
  });
});

describe('formats', () => {
  it('reads gzip JSONL, CRLF line ends and a last line without newline', async () => {
    const file = join(dir, 'a.jsonl.gz');
    await writeFile(file, gzipSync(`${line(rec('a'))}\r\n${line(rec('b', { template_type: 'fs_noopt' }))}`));
    const records = await collect([file]);
    assert.deepEqual(
      records.map((r) => [r.id, r.templateType, r.location]),
      [
        ['a', 'zs_opt', '1'],
        ['b', 'fs_noopt', '2'],
      ],
    );
  });

  it('reads Parquet row group by row group', async () => {
    const file = join(dir, 'p.parquet');
    const n = 25;
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: Array.from({ length: n }, (_, i) => `q${i}`) },
        { name: 'task', data: Array.from({ length: n }, (_, i) => `task${i % 3}`) },
        { name: 'template_type', data: Array.from({ length: n }, () => 'zs_noopt') },
        { name: 'prompt', data: Array.from({ length: n }, (_, i) => `prompt ${i}`) },
        { name: 'response', data: Array.from({ length: n }, () => 'yes') },
      ],
      rowGroupSize: 10,
    });
    await writeFile(file, new Uint8Array(buffer));
    const records = await collect([file]);
    assert.equal(records.length, n);
    assert.deepEqual(
      [records[0]!.id, records[24]!.prompt, records[12]!.location],
      ['q0', 'prompt 24', 'row 13'],
    );
  });

  it('maps other field names and accepts collections without template types', async () => {
    const file = join(dir, 'mapped.jsonl');
    await writeFile(file, `${line({ uid: 'x', name: 'T', input: 'i', output: 'o' })}\n`);
    const [r] = await collect([file], {
      fields: { id: 'uid', task: 'name', prompt: 'input', response: 'output', templateType: null },
    });
    assert.deepEqual(
      [r!.id, r!.task, r!.templateType, r!.prompt, r!.response],
      ['x', 'T', 'zs_noopt', 'i', 'o'],
    );
  });

  it('streams: the first record arrives before later files are opened', async () => {
    const first = join(dir, 's1.jsonl');
    await writeFile(first, `${line(rec('s1'))}\n`);
    const iterator = readCollection([first, join(dir, 'missing.jsonl')]);
    await assert.rejects(async () => {
      for await (const _ of iterator) {
      }
    }, /missing\.jsonl: no such file/);
    const lazy = readCollection([first, join(dir, 'a.jsonl.gz')]);
    assert.equal((await lazy.next()).value?.id, 's1');
  });
});

describe('bad input gives one-line errors with file, line and field', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['malformed JSON', `${line(rec('a'))}\n{"id": "b",\n`, /bad\.jsonl:2: malformed JSON/],
    ['not an object', '[1, 2]\n', /bad\.jsonl:1: record is not a JSON object/],
    [
      'missing field',
      `${line({ id: 'a', task: 't', template_type: 'zs_opt', prompt: 'p' })}\n`,
      /bad\.jsonl:1: response: missing/,
    ],
    ['empty field', `${line(rec('a', { prompt: '  ' }))}\n`, /bad\.jsonl:1: prompt: empty/],
    [
      'non-string field',
      `${line(rec('a', { task: 3 }))}\n`,
      /bad\.jsonl:1: task: expected a string, got number/,
    ],
    [
      'unknown template type',
      `${line(rec('a', { template_type: 'zero_shot' }))}\n`,
      /bad\.jsonl:1: template_type: unknown template type 'zero_shot'/,
    ],
    ['duplicate id', `${line(rec('a'))}\n${line(rec('a'))}\n`, /bad\.jsonl:2: id: duplicate id 'a'/],
    ['blank line', `${line(rec('a'))}\n\n${line(rec('b'))}\n`, /bad\.jsonl:2: blank line/],
    [
      'non-UTF-8 bytes',
      Buffer.concat([
        Buffer.from(`${line(rec('a'))}\n{"id": "`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}\n'),
      ]),
      /bad\.jsonl:2: invalid UTF-8/,
    ],
    ['empty input', '', /bad\.jsonl: the collection holds no records/],
  ];
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const file = join(dir, 'bad.jsonl');
      await writeFile(file, content);
      await assert.rejects(collect([file]), (err: unknown) => {
        assert.ok(err instanceof DatasetError, String(err));
        assert.match(err.message, message);
        assert.ok(!err.message.includes('\n'));
        return true;
      });
    });
  }

  it('rejects paths that hold no data', async () => {
    await assert.rejects(listInputFiles([join(dir, 'nope')]), /nope: no such file or directory/);
    await writeFile(join(dir, 'README.md'), '# hi');
    await assert.rejects(
      listInputFiles([join(dir, 'README.md')]),
      /not a \.jsonl, \.jsonl\.gz or \.parquet file/,
    );
    const empty = await mkdtemp(join(tmpdir(), 'dataset-empty-'));
    await assert.rejects(listInputFiles([empty]), /directory holds no \.jsonl/);
    await writeFile(join(dir, 'broken.parquet'), 'not parquet');
    await assert.rejects(
      collect([join(dir, 'broken.parquet')]),
      /broken\.parquet: not a readable Parquet file/,
    );
  });
});
