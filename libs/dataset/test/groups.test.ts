import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectionGroups, groupKey, scanCollection } from '@smartmix/dataset';
import { jsonl, put, rec, tempDir } from './helpers.js';

const dir = await tempDir();

describe('scan and groups', () => {
  it('numbers tasks by name whatever order they appear in, and groups in task then template-type order', async () => {
    const rows = [
      rec('0', { task: 'b', template_type: 'fs_noopt' }),
      rec('1', { task: 'a', template_type: 'zs_noopt' }),
      rec('2', { task: 'b', template_type: 'zs_opt' }),
      rec('3', { task: 'B', template_type: 'fs_opt' }),
      rec('4', { task: 'a', template_type: 'zs_opt' }),
      rec('5', { task: 'b', template_type: 'fs_noopt' }),
      rec('6', { task: 'a', template_type: 'zs_noopt' }),
    ];
    const file = await put(dir, 'order.jsonl', jsonl(...rows));
    const scan = await scanCollection([file]);
    assert.deepEqual(scan.ids, ['0', '1', '2', '3', '4', '5', '6']);
    // Code-unit order: upper case before lower case, the same in every locale.
    assert.deepEqual(
      scan.tasks.map((t) => t.name),
      ['B', 'a', 'b'],
    );
    assert.deepEqual([...scan.taskOf], [2, 1, 2, 0, 1, 2, 1]);
    assert.deepEqual([...scan.typeOf], [3, 1, 0, 2, 0, 3, 1]);
    assert.deepEqual(scan.tasks[2]!.counts, { zs_opt: 1, zs_noopt: 0, fs_opt: 0, fs_noopt: 2 });
    assert.deepEqual(
      collectionGroups(scan).map((g) => [g.key, g.task, g.templateType, g.count, [...g.rows]]),
      [
        ['B\u0000fs_opt', 'B', 'fs_opt', 1, [3]],
        ['a\u0000zs_opt', 'a', 'zs_opt', 1, [4]],
        ['a\u0000zs_noopt', 'a', 'zs_noopt', 2, [1, 6]],
        ['b\u0000zs_opt', 'b', 'zs_opt', 1, [2]],
        ['b\u0000fs_noopt', 'b', 'fs_noopt', 2, [0, 5]],
      ],
    );
    // The same keys callers build from their own (task, template type) pairs.
    assert.equal(groupKey('a', 'zs_noopt'), 'a\u0000zs_noopt');
  });
});
