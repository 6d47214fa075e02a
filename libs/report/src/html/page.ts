import type { ReportModel } from '../model.js';
import { budgetChart } from './budget-chart.js';
import { escapeHtml } from './escape.js';
import { groupCurvesChart } from './group-curves.js';
import { projectionChart } from './projection-chart.js';
import { gainCurve, probabilityChart } from './stage1-charts.js';
import { colourOf } from './svg.js';
import { sweepChart } from './sweep-chart.js';
import { comparisonTable, overlapTable, parameterTable } from './tables.js';
import { templateChart } from './template-chart.js';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:920px;color:#1d1d1f;padding:0 12px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px;border-bottom:1px solid #ddd;padding-bottom:3px}
h3{font-size:14px;margin:14px 0 4px}p.note{color:#555;margin:2px 0 8px}
table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
table.numbers td{text-align:right;font-variant-numeric:tabular-nums}thead th{background:#f4f4f6}caption{text-align:left;font-weight:600;padding:2px 0}
table.params td{font-family:ui-monospace,Menlo,monospace;font-size:12px;word-break:break-all}tr.differs{background:#fff6d6}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:4px 0;font-size:12px}.legend i,.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.scroll{overflow-x:auto}svg.chart{display:block;background:#fff}
.axis{stroke:#333;stroke-width:1}.grid{stroke:#e6e6e6;stroke-width:1}.tick{font-size:11px;fill:#444}.axis-label{font-size:12px;fill:#222}
.in-bar{font-size:11px;fill:#fff}circle.task{fill:#9a9a9a}
`;

const section = (title: string, note: string, body: string) =>
  `<section><h2>${escapeHtml(title)}</h2><p class="note">${escapeHtml(note)}</p>${body}</section>`;

/** The whole report as one self-contained HTML page: inline CSS and SVG, no script, font or request. */
export function renderReportHtml(model: ReportModel, title = 'smartmix mixture report'): string {
  const { runs } = model;
  const smart = runs.map((r, i) => ({ r, i })).filter(({ r }) => r.stage1 !== null);
  const curves = runs.map((r, i) => ({ r, i })).filter(({ r }) => r.groupCurves.length > 0);
  const parts = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="note">${runs.length} mixture${runs.length === 1 ? '' : 's'} of one collection: ` +
      `${model.collection.records.toLocaleString('en-US')} instances in ${model.collection.tasks} tasks. ` +
      `Coverage and the projection use ${escapeHtml(model.collection.embeddingSource)}. smartmix ${escapeHtml(model.tool)}.</p>`,
    section(
      'Comparison',
      'Gini of the per-task budgets over the covered tasks (0: equal). Coverage: Σ over all collection prompts of the best cosine similarity to a mixture prompt, divided by their number (1: every prompt represented exactly).',
      comparisonTable(model),
    ),
  ];
  const sweep = sweepChart(runs);
  if (sweep) {
    parts.push(
      section(
        'Sweep',
        'Coverage of the collection against N′, one line per mixer and M′ (hover a point for its run).',
        sweep,
      ),
    );
  }
  if (runs.length > 1) {
    parts.push(
      section(
        'Overlap between mixtures',
        'Jaccard similarity of the mixtures’ instance ids and of their covered task sets (1: identical).',
        `<div style="display:flex;gap:24px;flex-wrap:wrap">${overlapTable(runs, model.overlap.instances, 'instance ids')}${overlapTable(runs, model.overlap.tasks, 'task sets')}</div>`,
      ),
    );
  }
  parts.push(
    section(
      'Budget per task',
      'Instances per task, tasks sorted by budget (hover a bar for the task).',
      budgetChart(runs),
    ),
    section('Template types', 'Share of each mixture’s instances by template type.', templateChart(runs)),
  );
  for (const { r, i } of smart) {
    parts.push(
      section(
        `Stage 1 — ${r.label}`,
        `Greedy gains of the ${r.stage1!.selected.length} selected tasks, and their Taylor-softmax probabilities (the budget shares).`,
        `<h3>Greedy gain curve</h3>${gainCurve(r.stage1!, colourOf(i))}<h3>Taylor-softmax probabilities</h3>${probabilityChart(r.stage1!, colourOf(i))}`,
      ),
    );
  }
  for (const { r, i } of curves) {
    parts.push(
      section(
        `Stage 2 — ${r.label}`,
        `Objective of each (task, template type) group's greedy prefix as a share of the whole group's, against the prefix size; dots: the budget taken (${r.groupCurves.length} groups).`,
        groupCurvesChart(r.groupCurves, colourOf(i)),
      ),
    );
  }
  parts.push(
    section(
      'Task embeddings',
      'Mean prompt embedding of every task on its first two principal components; rings mark the tasks each mixture selected.',
      projectionChart(model),
    ),
    section(
      'Parameters',
      'From each manifest; rows that differ between runs are highlighted.',
      `<div class="scroll">${parameterTable(runs)}</div>`,
    ),
  );
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${parts.join('\n')}</body></html>
`;
}
