import type { ReportModel, RunAnalysis } from '../model.js';
import { escapeHtml } from './escape.js';
import { formatNumber } from './format.js';
import { colourOf } from './svg.js';

const swatch = (i: number) => `<i class="swatch" style="background:${colourOf(i)}"></i>`;
const runHeader = (runs: readonly RunAnalysis[]) =>
  runs.map((r, i) => `<th>${swatch(i)}${escapeHtml(r.label)}</th>`).join('');

/** Per run: size, tasks covered, budget concentration and how well the mixture covers the collection. */
export function comparisonTable(model: ReportModel): string {
  const rows = model.runs.map(
    (r, i) =>
      `<tr><th>${swatch(i)}${escapeHtml(r.label)}</th><td>${escapeHtml(r.mixer)}</td><td>${formatNumber(r.numTasks)}</td>` +
      `<td>${formatNumber(r.budget)}</td><td>${formatNumber(r.rows)}</td>` +
      `<td>${formatNumber(r.tasksCovered)} / ${formatNumber(model.collection.tasks)}</td>` +
      `<td>${formatNumber(r.gini, 3)}</td><td>${formatNumber(r.coverage, 4)}</td></tr>`,
  );
  return (
    '<table class="numbers"><thead><tr><th>run</th><th>mixer</th><th>M′</th><th>N′</th><th>instances</th>' +
    '<th>tasks covered</th><th>Gini of budgets</th><th>coverage (facility location)</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** A run × run matrix of Jaccard similarities, under a caption saying what was compared. */
export function overlapTable(runs: readonly RunAnalysis[], matrix: number[][], caption: string): string {
  const rows = runs.map(
    (r, i) =>
      `<tr><th>${swatch(i)}${escapeHtml(r.label)}</th>${matrix[i]!.map((v) => `<td>${formatNumber(v, 3)}</td>`).join('')}</tr>`,
  );
  return `<table class="numbers"><caption>${escapeHtml(caption)}</caption><thead><tr><th></th>${runHeader(runs)}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Every manifest parameter, one row per key and one column per run; differing rows are highlighted. */
export function parameterTable(runs: readonly RunAnalysis[]): string {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.parameters)))];
  const rows = keys.map((key) => {
    const values = runs.map((r) => r.parameters[key] ?? '');
    const differs = new Set(values).size > 1;
    return (
      `<tr${differs ? ' class="differs"' : ''}><th>${escapeHtml(key)}</th>` +
      `${values.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`
    );
  });
  return `<table class="params"><thead><tr><th>parameter</th>${runHeader(runs)}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
