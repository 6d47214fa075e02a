import { TEMPLATE_TYPES } from '@smartmix/mixture';
import type { RunAnalysis } from '../model.js';
import { escapeHtml } from './escape.js';
import { formatNumber } from './format.js';
import { legend, svg } from './svg.js';

const TYPE_COLOURS = ['#1b9e77', '#7570b3', '#d95f02', '#e7298a'];

/** One horizontal bar per run, split by template type (share of its instances). */
export function templateChart(runs: readonly RunAnalysis[]): string {
  const rowHeight = 26;
  const frame = { width: 860, height: runs.length * rowHeight + 12, left: 180, right: 16 };
  const width = frame.width - frame.left - frame.right;
  const rows = runs.map((run, i) => {
    const total = TEMPLATE_TYPES.reduce((s, t) => s + run.templateSplit[t], 0) || 1;
    let x = frame.left;
    const y = 6 + i * rowHeight;
    const parts = [
      `<text class="tick" x="${frame.left - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(run.label)}</text>`,
    ];
    TEMPLATE_TYPES.forEach((type, k) => {
      const count = run.templateSplit[type];
      const w = (count / total) * width;
      if (w > 0) {
        parts.push(
          `<rect class="bar" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${TYPE_COLOURS[k]}">` +
            `<title>${escapeHtml(`${run.label}: ${type} ${count} (${formatNumber((100 * count) / total, 3)}%)`)}</title></rect>`,
        );
        if (w > 60) {
          parts.push(
            `<text class="in-bar" x="${(x + w / 2).toFixed(1)}" y="${y + 14}" text-anchor="middle">${type} ${formatNumber((100 * count) / total, 3)}%</text>`,
          );
        }
      }
      x += w;
    });
    return parts.join('');
  });
  return (
    legend(TEMPLATE_TYPES.map((t, k) => ({ label: t, colour: TYPE_COLOURS[k]! }))) +
    svg({ ...frame, top: 0, bottom: 0 }, 'template-type split', rows.join(''))
  );
}
