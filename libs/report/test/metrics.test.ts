import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facilityLocationCoverage, gini, jaccard, pca2 } from '@smartmix/report';

describe('report metrics', () => {
  it('gini: 0 for equal budgets, (n−1)/n when one task holds everything', () => {
    assert.equal(gini([5, 5, 5, 5]), 0);
    assert.equal(gini([0, 0, 0, 12]), 0.75);
    assert.ok(Math.abs(gini([1, 2, 3, 4]) - 0.25) < 1e-12);
    assert.equal(gini([]), 0);
  });

  it('jaccard of id sets', () => {
    assert.equal(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd'])), 0.5);
    assert.equal(jaccard(new Set(), new Set()), 1);
    assert.equal(jaccard(new Set(['a']), new Set(['b'])), 0);
  });

  it('coverage equals the brute-force Σ max(0, cos) / n, and is 1 for the whole collection', async () => {
    const n = 300;
    const d = 7;
    const x = Float32Array.from({ length: n * d }, (_, i) => Math.sin(i * 1.7) + Math.cos(i * 0.31));
    const chosen = [3, 50, 51, 299, 120];
    const norm = (r: number) => Math.hypot(...x.subarray(r * d, (r + 1) * d));
    const cos = (a: number, b: number) => {
      let s = 0;
      for (let f = 0; f < d; f++) s += x[a * d + f]! * x[b * d + f]!;
      return s / (norm(a) * norm(b));
    };
    let expected = 0;
    for (let i = 0; i < n; i++) expected += Math.max(0, ...chosen.map((j) => cos(i, j)));
    const coverage = await facilityLocationCoverage(x, n, d, Int32Array.from(chosen));
    assert.ok(Math.abs(coverage - expected / n) < 1e-5, `${coverage} vs ${expected / n}`);
    const all = await facilityLocationCoverage(
      x,
      n,
      d,
      Int32Array.from({ length: n }, (_, i) => i),
    );
    assert.ok(Math.abs(all - 1) < 1e-5, String(all));
    assert.equal(await facilityLocationCoverage(x, n, d, new Int32Array(0)), 0);
  });

  it('pca2 finds the directions of largest spread, deterministically', () => {
    // Points spread mostly along (1, 1, 0) and a little along (0, 0, 1), uncorrelated (s is symmetric about the
    // centre, t antisymmetric), so those are exactly the principal directions.
    const m = 50;
    const side = (r: number) => 0.5 * Math.cos(2 * (r - (m - 1) / 2));
    const data = new Float32Array(m * 3);
    for (let r = 0; r < m; r++) {
      const t = r - m / 2;
      const s = side(r);
      data.set([t + 3, t - 1, s], r * 3);
    }
    const points = pca2(data, m, 3);
    const meanS = Array.from({ length: m }, (_, r) => side(r)).reduce((a, b) => a + b, 0) / m;
    assert.deepEqual(pca2(data, m, 3), points, 'the same input gives the same points');
    points.forEach(([pc1, pc2], r) => {
      const t = r - (m - 1) / 2; // centred
      assert.ok(Math.abs(Math.abs(pc1) - Math.abs(t * Math.SQRT2)) < 1e-3, `row ${r}: pc1 ${pc1}`);
      assert.ok(Math.abs(Math.abs(pc2) - Math.abs(side(r) - meanS)) < 1e-3, `row ${r}: pc2 ${pc2}`);
    });
  });
});
