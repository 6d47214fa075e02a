import type { ReportModel } from '../model.js';
import { escapeHtml } from './escape.js';
import { axes, colourOf, legend, svg } from './svg.js';

/**
 * Every task's embedding on the first two principal components (grey), with each run's selected tasks ringed in its
 * colour: whether a mixture spreads over the collection or clusters.
 */
export function projectionChart(model: ReportModel): string {
  const frame = { width: 860, height: 520, left: 56, right: 16, top: 16, bottom: 44 };
  const { tasks, points } = model.projection;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const pad = (lo: number, hi: number): [number, number] => {
    const m = (hi - lo) * 0.05 || 1;
    return [lo - m, hi + m];
  };
  const a = axes(frame, pad(Math.min(...xs), Math.max(...xs)), pad(Math.min(...ys), Math.max(...ys)), {
    x: 'PC 1',
    y: 'PC 2',
  });
  const selected = model.runs.map((r) => new Set(r.budgets.map((b) => b.task)));
  const marks = tasks.map((task, i) => {
    const [px, py] = [a.x(points[i]![0]).toFixed(1), a.y(points[i]![1]).toFixed(1)];
    const rings = model.runs
      .map((_, r) =>
        selected[r]!.has(task)
          ? `<circle cx="${px}" cy="${py}" r="${4 + 2.5 * r}" fill="none" stroke="${colourOf(r)}" stroke-width="1.6"/>`
          : '',
      )
      .join('');
    const chosenBy = model.runs.filter((_, r) => selected[r]!.has(task)).map((run) => run.label);
    const title = chosenBy.length ? `${task} — selected by ${chosenBy.join(', ')}` : task;
    return `<g><title>${escapeHtml(title)}</title><circle class="task" cx="${px}" cy="${py}" r="2.5"/>${rings}</g>`;
  });
  return (
    legend([
      { label: 'task (not selected)', colour: '#9a9a9a' },
      ...model.runs.map((r, i) => ({ label: `selected by ${r.label}`, colour: colourOf(i) })),
    ]) + svg(frame, 'task embeddings, first two principal components', a.markup + marks.join(''))
  );
}
