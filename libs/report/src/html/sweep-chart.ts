import type { RunAnalysis } from '../model.js';
import { escapeHtml } from './escape.js';
import { formatNumber } from './format.js';
import { axes, colourOf, DEFAULT_FRAME, legend, polyline, svg } from './svg.js';

/**
 * For sweeps: coverage of the collection against N′, one line per (mixer, M′) — the ablation plot. Null when no
 * (mixer, M′) has two budgets to draw a line through.
 */
export function sweepChart(runs: readonly RunAnalysis[]): string | null {
  const series = new Map<string, RunAnalysis[]>();
  for (const run of runs) {
    const key = `${run.mixer}, M′ ${formatNumber(run.numTasks)}`;
    series.set(key, [...(series.get(key) ?? []), run]);
  }
  const lines = [...series.entries()]
    .map(([label, points]) => ({ label, points: [...points].sort((a, b) => a.budget - b.budget) }))
    .filter((s) => new Set(s.points.map((p) => p.budget)).size > 1);
  if (lines.length === 0) return null;
  const drawn = lines.flatMap((s) => s.points);
  const budgets = drawn.map((r) => r.budget);
  const coverages = drawn.map((r) => r.coverage);
  const [lo, hi] = [Math.min(...budgets), Math.max(...budgets)];
  const xLog = hi / lo >= 10;
  const a = axes(
    { ...DEFAULT_FRAME, height: 280 },
    [lo, hi],
    [Math.min(...coverages), Math.max(...coverages)],
    { x: `N′ (instances)${xLog ? ', log scale' : ''}`, y: 'coverage of the collection' },
    { xLog },
  );
  // Each line takes the colour of its first run, as in the tables.
  const colour = lines.map((s) => colourOf(runs.indexOf(s.points[0]!)));
  const marks = lines.map((s, i) => {
    const points = s.points.map((r) => [a.x(r.budget), a.y(r.coverage)] as [number, number]);
    const dots = s.points.map(
      (r, k) =>
        `<circle cx="${points[k]![0].toFixed(1)}" cy="${points[k]![1].toFixed(1)}" r="3.5" fill="${colour[i]}">` +
        `<title>${escapeHtml(`${r.label}: N′ ${r.budget}, coverage ${formatNumber(r.coverage, 4)}, Gini ${formatNumber(r.gini, 3)}`)}</title></circle>`,
    );
    return polyline(points, `stroke="${colour[i]}" stroke-width="2"`) + dots.join('');
  });
  return (
    legend(lines.map((s, i) => ({ label: s.label, colour: colour[i]! }))) +
    svg({ ...DEFAULT_FRAME, height: 280 }, 'coverage against budget', a.markup + marks.join(''))
  );
}
