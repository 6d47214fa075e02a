/** Points of a group's diminishing-returns curve kept in a manifest: enough to draw it, few enough to stay small. */
export const CURVE_POINTS = 16;

/**
 * The stage-2 objective at the prefix sizes a plot needs: `points` + 1 geometrically spaced sizes from 1 to the whole
 * group (dense where the curve rises steeply, sparse where it flattens), plus the chosen budget, as
 * [size, Σ of the first `size` greedy gains] pairs in increasing size. Values keep 6 significant digits (the exact
 * objective of the budget is recorded separately).
 */
export function objectiveCurve(
  gains: readonly number[],
  budget: number,
  points = CURVE_POINTS,
): [number, number][] {
  const n = gains.length;
  const sizes = new Set<number>([budget]);
  for (let j = 0; j <= points; j++) sizes.add(Math.round(n ** (j / points)));
  const wanted = [...sizes].filter((s) => s >= 1 && s <= n).sort((a, b) => a - b);
  const curve: [number, number][] = [];
  let total = 0;
  let k = 0;
  for (const size of wanted) {
    while (k < size) total += gains[k++]!;
    curve.push([size, Number(total.toPrecision(6))]);
  }
  return curve;
}
