import type { RunAnalysis } from '../model.js';
import { escapeHtml } from './escape.js';
import { formatNumber } from './format.js';
import { axes, DEFAULT_FRAME, polyline, svg } from './svg.js';

type Stage1 = NonNullable<RunAnalysis['stage1']>;

/** Stage 1's greedy gains in selection order: how fast new tasks stop adding to the task-set objective. */
export function gainCurve(stage1: Stage1, colour: string): string {
  const frame = { ...DEFAULT_FRAME, height: 260 };
  const n = stage1.gains.length;
  const lo = Math.min(0, ...stage1.gains);
  const hi = Math.max(...stage1.gains, lo + 1e-12);
  const a = axes(frame, [1, Math.max(n, 2)], [lo, hi], {
    x: 'greedy step (task selected)',
    y: 'marginal gain',
  });
  const points = stage1.gains.map((g, i) => [a.x(i + 1), a.y(g)] as [number, number]);
  const dots = stage1.gains
    .map(
      (g, i) =>
        `<circle cx="${points[i]![0].toFixed(1)}" cy="${points[i]![1].toFixed(1)}" r="2.5" fill="${colour}">` +
        `<title>${escapeHtml(`${i + 1}. ${stage1.selected[i]} — gain ${formatNumber(g, 6)}`)}</title></circle>`,
    )
    .join('');
  return svg(
    frame,
    'stage-1 greedy gains',
    a.markup + polyline(points, `stroke="${colour}" stroke-width="1.5"`) + dots,
  );
}

/** Taylor-softmax probabilities of the selected tasks, in selection order (the budget shares before rounding). */
export function probabilityChart(stage1: Stage1, colour: string): string {
  const frame = { ...DEFAULT_FRAME, height: 260 };
  const n = stage1.probabilities.length;
  const max = Math.max(...stage1.probabilities, 1e-12);
  const a = axes(
    frame,
    [0, n],
    [0, max],
    { x: 'task, in selection order', y: 'probability' },
    { xTicks: false },
  );
  const w = (frame.width - frame.left - frame.right) / n;
  const bars = stage1.probabilities
    .map(
      (p, i) =>
        `<rect class="bar" x="${a.x(i).toFixed(2)}" y="${a.y(p).toFixed(1)}" width="${Math.max(w - 0.5, 0.7).toFixed(2)}" height="${(a.y(0) - a.y(p)).toFixed(1)}" fill="${colour}">` +
        `<title>${escapeHtml(`${i + 1}. ${stage1.selected[i]} — p ${formatNumber(p, 5)}`)}</title></rect>`,
    )
    .join('');
  return svg(frame, 'Taylor-softmax probabilities', a.markup + bars);
}
