import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectiveCurve } from '@smartmix/mixture';

describe('objectiveCurve', () => {
  it('samples prefix sums at geometrically spaced sizes plus the budget', () => {
    const gains = Array.from({ length: 100 }, (_, i) => 1 / (i + 1));
    const curve = objectiveCurve(gains, 37, 4);
    assert.deepEqual(
      curve.map(([size]) => size),
      [1, 3, 10, 32, 37, 100],
    );
    const prefix = (k: number) => gains.slice(0, k).reduce((a, b) => a + b, 0);
    for (const [size, value] of curve) assert.equal(value, Number(prefix(size).toPrecision(6)));
  });

  it('keeps every size of a group smaller than the point count once', () => {
    assert.deepEqual(objectiveCurve([0.5, 0.25, 0.125], 2), [
      [1, 0.5],
      [2, 0.75],
      [3, 0.875],
    ]);
  });
});
