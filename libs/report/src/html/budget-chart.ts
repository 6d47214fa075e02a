import type { RunAnalysis } from '../model.js';
import { escapeHtml } from './escape.js';
import { axes, colourOf, DEFAULT_FRAME, legend, svg } from './svg.js';

/** Narrowest bar drawn; with more bars the chart widens and scrolls rather than blur them together. */
const MIN_BAR = 2;

/**
 * Instances per task, tasks sorted by the first run's budget (then by the others'), one bar per run side by side:
 * where each mixture puts its budget, and how steeply it falls off.
 */
export function budgetChart(runs: readonly RunAnalysis[]): string {
  const budgetOf = runs.map((r) => new Map(r.budgets.map((b) => [b.task, b.budget])));
  const tasks = [...new Set(runs.flatMap((r) => r.budgets.map((b) => b.task)))];
  const key = (task: string) => budgetOf.map((m) => m.get(task) ?? 0);
  tasks.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return a < b ? -1 : 1;
  });
  const slots = tasks.length * runs.length;
  const frame = { ...DEFAULT_FRAME };
  const plotWidth = frame.width - frame.left - frame.right;
  if (plotWidth / slots < MIN_BAR) frame.width = frame.left + frame.right + slots * MIN_BAR;
  const max = Math.max(1, ...runs.flatMap((r) => r.budgets.map((b) => b.budget)));
  const a = axes(
    frame,
    [0, tasks.length],
    [0, max],
    { x: `tasks (${tasks.length}), sorted by budget`, y: 'instances' },
    { xTicks: false },
  );
  const slot = (frame.width - frame.left - frame.right) / tasks.length;
  const bar = slot / runs.length;
  const bars: string[] = [];
  tasks.forEach((task, t) => {
    runs.forEach((run, r) => {
      const value = budgetOf[r]!.get(task) ?? 0;
      if (value === 0) return;
      const x = a.x(t) + r * bar;
      bars.push(
        `<rect class="bar" x="${x.toFixed(2)}" y="${a.y(value).toFixed(1)}" width="${Math.max(bar - 0.3, 0.7).toFixed(2)}" ` +
          `height="${(a.y(0) - a.y(value)).toFixed(1)}" fill="${colourOf(r)}"><title>${escapeHtml(`${run.label}: ${task} — ${value}`)}</title></rect>`,
      );
    });
  });
  return (
    legend(runs.map((r, i) => ({ label: r.label, colour: colourOf(i) }))) +
    `<div class="scroll">${svg(frame, 'budget per task', a.markup + bars.join(''))}</div>`
  );
}
