import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baselineAllocation, type TaskCounts, TEMPLATE_TYPES, taskSize } from '@smartmix/mixture';

const tasks: TaskCounts[] = [
  { name: 'big', counts: { zs_opt: 900, zs_noopt: 50, fs_opt: 30, fs_noopt: 20 } },
  { name: 'mid', counts: { zs_opt: 0, zs_noopt: 200, fs_opt: 0, fs_noopt: 0 } },
  { name: 'small', counts: { zs_opt: 5, zs_noopt: 5, fs_opt: 0, fs_noopt: 0 } },
  { name: 'tiny', counts: { zs_opt: 0, zs_noopt: 0, fs_opt: 3, fs_noopt: 0 } },
];
const MIXERS = ['proportional', 'temperature', 'equal', 'unimax', 'random'] as const;

describe('baseline mixers', () => {
  for (const mixer of MIXERS) {
    it(`${mixer}: budgets sum to N', stay within task and template sizes, and are deterministic`, () => {
      for (const budget of [1, 17, 300, 1213]) {
        const a = baselineAllocation(mixer, tasks, 4, budget, { seed: 7, cap: 100 });
        assert.deepEqual(baselineAllocation(mixer, tasks, 4, budget, { seed: 7, cap: 100 }), a);
        assert.equal(
          Object.values(a.budgets).reduce((x, y) => x + y, 0),
          budget,
        );
        for (const t of tasks) {
          const b = a.budgets[t.name] ?? 0;
          assert.ok(b <= taskSize(t.counts), `${t.name} ${b}`);
          const split = a.templateBudgets[t.name]!;
          assert.equal(
            TEMPLATE_TYPES.reduce((s, type) => s + split[type], 0),
            b,
          );
          for (const type of TEMPLATE_TYPES) assert.ok(split[type] <= t.counts[type], `${t.name} ${type}`);
        }
      }
    });
  }

  it('give the shapes their definitions promise', () => {
    assert.deepEqual(baselineAllocation('equal', tasks, 3, 30).budgets, { big: 10, mid: 10, small: 10 });
    assert.deepEqual(baselineAllocation('proportional', tasks, 2, 120).budgets, { big: 100, mid: 20 });
    assert.deepEqual(baselineAllocation('proportional', tasks, 2, 120, { cap: 200 }).budgets, {
      big: 60,
      mid: 60,
    });
    // Temperature 2 flattens towards the small tasks compared with proportional.
    const temperature = baselineAllocation('temperature', tasks, 4, 600).budgets;
    const proportional = baselineAllocation('proportional', tasks, 4, 600).budgets;
    assert.ok(temperature.mid! > proportional.mid! && temperature.big! < proportional.big!);
    // UniMax: the small tasks are exhausted (one epoch), the rest is spread evenly.
    assert.deepEqual(baselineAllocation('unimax', tasks, 4, 413).budgets, {
      tiny: 3,
      small: 10,
      mid: 200,
      big: 200,
    });
    assert.notDeepEqual(
      baselineAllocation('random', tasks, 4, 300, { seed: 1 }),
      baselineAllocation('random', tasks, 4, 300, { seed: 2 }),
    );
  });

  it('rejects impossible requests', () => {
    assert.throws(() => baselineAllocation('equal', tasks, 5, 10), /M' must be in \[1, 4\]/);
    assert.throws(
      () => baselineAllocation('equal', tasks, 2, 5000),
      /hold 1200 instances, fewer than the budget 5000/,
    );
    assert.throws(() => baselineAllocation('random', tasks, 4, 5000), /fewer than the budget/);
  });
});
