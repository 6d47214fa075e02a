import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '@smartmix/submodular';
import { OpenColumns } from '../src/functions/open-columns.js';

/** Keeps, for each of `ks`, the given rows (descending) with values, through a collector as the oracles do. */
function keep(open: OpenColumns, lists: Map<number, { rows: number[]; values: number[] }>, ks: number[]) {
  const batch = Int32Array.from(ks);
  const collect = open.collector(batch);
  const column = new Float32Array(100);
  ks.forEach((k, c) => {
    const { rows, values } = lists.get(k)!;
    rows.forEach((r, t) => {
      column[r] = values[t]!;
    });
    collect.openRows[c] += rows.length;
    if (collect.wants(c)) collect.add(c, column, 0, Int32Array.from(rows), rows.length);
  });
  collect.keep();
}

function kept(open: OpenColumns, k: number): { rows: number[]; values: number[] } | undefined {
  const rows: number[] = [];
  const values: number[] = [];
  return open.forEach(k, (r, v) => {
    rows.push(r);
    values.push(v);
  })
    ? { rows, values }
    : undefined;
}

describe('OpenColumns (kept open rows in one arena)', () => {
  // 100 rows, lists of up to 40 rows; room for 300 entries (the arena is soon full: live lists move to the front) or
  // 3,000 (the arena grows 1,024 → 2,048 → 3,000).
  for (const budget of [300, 3000])
    it(`keeps every list intact while the arena grows, lists shrink and drop, and live lists move (${budget} entries)`, () => {
      const rng = createRng(3);
      const open = new OpenColumns(100, 8 * budget, 0.4);
      const expected = new Map<number, { rows: number[]; values: number[] }>();
      const memo = new Float32Array(100);
      for (let round = 0; round < 200; round++) {
        const ks = [round % 37, 37 + (round % 41)];
        const lists = new Map(
          ks.map((k) => {
            const rows = Array.from({ length: 100 }, (_, r) => 99 - r).filter(() => rng.nextFloat() < 0.3);
            return [k, { rows, values: rows.map(() => Math.fround(0.5 + rng.nextFloat() / 2)) }] as const;
          }),
        );
        keep(open, lists, ks);
        for (const k of ks) {
          const list = lists.get(k)!;
          if (list.rows.length > open.capacity) expected.delete(k);
          else if (open.has(k)) expected.set(k, list);
          else expected.delete(k); // over the budget, or no room: simply not kept (and any older list is gone)
        }
        if (round % 3 === 0) {
          // Raise the memo of some rows: kept lists shrink to their still-open rows.
          for (let r = 0; r < 100; r++)
            if (rng.nextFloat() < 0.05) memo[r] = Math.fround(0.5 + rng.nextFloat() / 2);
          for (const [k, list] of expected) {
            const partials = new Float64Array(1);
            assert.ok(open.partialGains(k, memo, 0, 100, 0, partials));
            const still = list.rows
              .map((r, t) => [r, list.values[t]!] as const)
              .filter(([r, v]) => v > memo[r]!);
            expected.set(k, { rows: still.map(([r]) => r), values: still.map(([, v]) => v) });
          }
        }
        if (round % 5 === 0) {
          const k = [...expected.keys()][0];
          if (k !== undefined) {
            open.drop(k);
            expected.delete(k);
          }
        }
        for (let k = 0; k < 78; k++)
          assert.deepEqual(kept(open, k), expected.get(k), `round ${round}, list ${k}`);
      }
      assert.ok(expected.size > 0);
    });

  it('keeps nothing beyond its budget, and nothing longer than its capacity', () => {
    const open = new OpenColumns(100, 8 * 10, 0.5);
    const lists = new Map([
      [1, { rows: [9, 8, 7, 6, 5, 4, 3, 2], values: [1, 1, 1, 1, 1, 1, 1, 1] }],
      [2, { rows: [9, 8, 7], values: [1, 1, 1] }],
      [3, { rows: [1, 0], values: [1, 1] }],
    ]);
    keep(open, lists, [1, 2, 3]);
    assert.ok(open.has(1));
    assert.ok(!open.has(2), '8 + 3 entries exceed the budget of 10');
    assert.ok(open.has(3));
    const long = new Map([
      [4, { rows: Array.from({ length: 51 }, (_, r) => 99 - r), values: Array(51).fill(1) }],
    ]);
    keep(open, long, [4]);
    assert.ok(!open.has(4), 'longer than the capacity of 50');
  });
});
