import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  type CollectionScan,
  collectionGroups,
  listInputFiles,
  scanCollection,
  TEMPLATE_TYPES,
} from '@smartmix/dataset';
import { collect, T0_MINI } from './helpers.js';

type Stats = { tasks: Record<string, Partial<Record<string, number>> & { instances: number }> };

describe('t0-mini', { skip: !existsSync(T0_MINI) && 'no shared/data/t0-mini' }, () => {
  const stats = JSON.parse(readFileSync(join(T0_MINI, 'stats.json'), 'utf8')) as Stats;
  // One scan shared by the tests that need it, started by the first of them.
  let scanned: Promise<CollectionScan> | undefined;
  const scanOnce = () => (scanned ??= scanCollection([T0_MINI]));

  it('lists only the two JSONL parts of the directory (README.md and stats.json are not data)', async () => {
    assert.deepEqual(await listInputFiles([T0_MINI]), [
      join(T0_MINI, 'part-000.jsonl'),
      join(T0_MINI, 'part-001.jsonl'),
    ]);
  });

  it('reads all 37,595 records with unique ids, file and line', async () => {
    const records = await collect([T0_MINI]);
    assert.equal(records.length, 37595);
    assert.equal(new Set(records.map((r) => r.id)).size, 37595);
    const first = records[0]!;
    assert.deepEqual([first.file, first.line], [join(T0_MINI, 'part-000.jsonl'), 1]);
    const firstOfPart1 = records.findIndex((r) => r.file.endsWith('part-001.jsonl'));
    assert.equal(records[firstOfPart1]!.line, 1);
    assert.equal(records[firstOfPart1 - 1]!.line, firstOfPart1);
  });

  it('scans 199 tasks whose per-type counts equal stats.json', async () => {
    const scan = await scanOnce();
    assert.equal(scan.total, 37595);
    assert.equal(scan.ids.length, 37595);
    assert.equal(scan.tasks.length, 199);
    assert.deepEqual(
      scan.tasks.map((t) => t.name),
      Object.keys(stats.tasks).sort(),
    );
    for (const task of scan.tasks) {
      const expected = stats.tasks[task.name]!;
      for (const type of TEMPLATE_TYPES)
        assert.equal(task.counts[type], expected[type] ?? 0, `${task.name} ${type}`);
      const sum = TEMPLATE_TYPES.reduce((s, type) => s + task.counts[type], 0);
      assert.equal(sum, expected.instances, task.name);
    }
    assert.equal(scan.assumedTemplateType, null);
  });

  it('scan keeps ids, tasks and types in collection order', async () => {
    const [scan, records] = await Promise.all([scanOnce(), collect([T0_MINI])]);
    assert.deepEqual(
      scan.ids,
      records.map((r) => r.id),
    );
    for (const r of [0, 1, 20000, 37594]) {
      assert.equal(scan.tasks[scan.taskOf[r]!]!.name, records[r]!.task);
      assert.equal(TEMPLATE_TYPES[scan.typeOf[r]!], records[r]!.templateType);
    }
  });

  it('records each file with its byte size and the sha256 of its bytes', async () => {
    const scan = await scanOnce();
    assert.deepEqual(
      scan.files,
      ['part-000.jsonl', 'part-001.jsonl'].map((name) => {
        const path = join(T0_MINI, name);
        const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
        return { path, bytes: statSync(path).size, sha256 };
      }),
    );
  });

  it('groups every record once, sorted by task then template type, rows in collection order', async () => {
    const scan = await scanOnce();
    const groups = collectionGroups(scan);
    const cells = Object.values(stats.tasks).flatMap((t) =>
      TEMPLATE_TYPES.filter((type) => (t[type] ?? 0) > 0),
    );
    assert.equal(groups.length, cells.length);
    const order = groups.map((g) => [g.task, TEMPLATE_TYPES.indexOf(g.templateType)] as const);
    const sorted = [...order].sort(([a, i], [b, j]) => (a < b ? -1 : a > b ? 1 : i - j));
    assert.deepEqual(order, sorted);
    const owner = new Int32Array(scan.total).fill(-1);
    groups.forEach((g, index) => {
      assert.equal(g.rows.length, g.count);
      assert.equal(g.count, stats.tasks[g.task]![g.templateType]);
      for (let i = 0; i < g.rows.length; i++) {
        const r = g.rows[i]!;
        if (i > 0) assert.ok(r > g.rows[i - 1]!, `${g.key} rows ascending`);
        assert.equal(owner[r], -1, `row ${r} in two groups`);
        owner[r] = index;
        assert.equal(scan.tasks[scan.taskOf[r]!]!.name, g.task);
        assert.equal(TEMPLATE_TYPES[scan.typeOf[r]!], g.templateType);
      }
    });
    assert.ok(!owner.includes(-1), 'every row is in a group');
  });
});
