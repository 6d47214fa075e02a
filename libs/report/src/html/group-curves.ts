import type { GroupCurve } from '../model.js';
import { escapeHtml } from './escape.js';
import { formatNumber } from './format.js';
import { axes, DEFAULT_FRAME, polyline, svg } from './svg.js';

/**
 * Stage 2's diminishing returns: for every group, the objective of a prefix of its greedy order as a share of the
 * whole order's (the whole group's, unless a large group was ordered only as far as its budget needed), against the
 * prefix size (logarithmic: groups of 5 and of 5,000 side by side); a dot marks the
 * budget the mixture took.
 */
export function groupCurvesChart(groups: readonly GroupCurve[], colour: string): string {
  const frame = { ...DEFAULT_FRAME, height: 320 };
  const maxSize = Math.max(2, ...groups.map((g) => g.size));
  const a = axes(
    frame,
    [1, maxSize],
    [0, 1],
    {
      x: 'instances taken from the group (prefix of its greedy order, log scale)',
      y: 'share of the objective of the group’s order',
    },
    { xLog: true },
  );
  const lines: string[] = [];
  const dots: string[] = [];
  for (const g of groups) {
    const full = g.curve.at(-1)?.[1] || 1;
    const points = g.curve.map(([k, v]) => [a.x(k), a.y(v / full)] as [number, number]);
    const name = `${g.task} / ${g.templateType}`;
    lines.push(
      polyline(points, `stroke="${colour}" stroke-opacity="0.35" stroke-width="1"`).replace(
        '/>',
        `><title>${escapeHtml(name)}</title></polyline>`,
      ),
    );
    const at = g.curve.find(([k]) => k === g.budget);
    if (at) {
      dots.push(
        `<circle cx="${a.x(at[0]).toFixed(1)}" cy="${a.y(at[1] / full).toFixed(1)}" r="2.5" fill="${colour}">` +
          `<title>${escapeHtml(`${name}: budget ${g.budget} of ${g.size}, ${formatNumber((100 * at[1]) / full, 3)}% of the objective`)}</title></circle>`,
      );
    }
  }
  return svg(frame, 'stage-2 objective vs budget per group', a.markup + lines.join('') + dots.join(''));
}
