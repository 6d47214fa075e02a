import { meanTaskEmbeddings, TEMPLATE_TYPES, type TemplateType } from '@smartmix/mixture';
import { ReportInputError } from './errors.js';
import { facilityLocationCoverage } from './metrics/coverage.js';
import { gini } from './metrics/gini.js';
import { jaccard } from './metrics/jaccard.js';
import { pca2 } from './metrics/pca.js';
import type { MixtureRun } from './run.js';

/** The collection the runs were made from, with one set of prompt embeddings to compare them on. */
export interface ReportCollection {
  /** Record ids in collection order. */
  ids: readonly string[];
  /** Task index of each record. */
  taskOf: ArrayLike<number>;
  /** Task names by index. */
  tasks: readonly string[];
  /** n×d prompt embeddings, rows in collection order. */
  embeddings: Float32Array;
  d: number;
  /** Where the embeddings came from, for the reader. */
  embeddingSource: string;
}

export interface GroupCurve {
  task: string;
  templateType: string;
  size: number;
  budget: number;
  curve: [number, number][];
}

/** Everything the report shows about one run. */
export interface RunAnalysis {
  label: string;
  dir: string;
  mixer: string;
  numTasks: number;
  budget: number;
  rows: number;
  tasksCovered: number;
  /** Gini of the per-task budgets over the tasks the mixture covers. */
  gini: number;
  /** Facility-location coverage of the whole collection by the mixture (see facilityLocationCoverage). */
  coverage: number;
  /** Budget per task, largest first (ties by name). */
  budgets: { task: string; budget: number }[];
  templateSplit: Record<TemplateType, number>;
  /** SMART's stage 1: tasks in greedy order with their gains and Taylor-softmax probabilities. */
  stage1: { selected: string[]; gains: number[]; probabilities: number[] } | null;
  /** Stage-2 objective along each group's greedy order (SMART runs of manifests that record curves). */
  groupCurves: GroupCurve[];
  /** The manifest's parameters, flattened to `key → value` text. */
  parameters: Record<string, string>;
}

export interface ReportModel {
  runs: RunAnalysis[];
  /** Pairwise Jaccard similarity of the runs' instance ids and of their task sets. */
  overlap: { instances: number[][]; tasks: number[][] };
  /** Every task's embedding (mean of its prompts') projected on the first two principal components. */
  projection: { tasks: string[]; points: [number, number][] };
  collection: { records: number; tasks: number; embeddingSource: string };
  tool: string;
}

function flatten(value: unknown, prefix: string, out: Record<string, string>): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out[prefix] = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

function runParameters(run: MixtureRun): Record<string, string> {
  const { manifest } = run;
  const out = flatten(manifest.parameters, '', {});
  const embeddings = manifest.embeddings;
  out.embeddings = !embeddings
    ? 'none (baseline)'
    : 'embedder' in embeddings
      ? String(embeddings.embedder)
      : `${embeddings.file} (ids ${embeddings.ids})`;
  out.inputs = manifest.inputs.map((f) => `${f.path} (sha256 ${f.sha256.slice(0, 12)}…)`).join(', ');
  out.tool = `${manifest.tool.name} ${manifest.tool.version}`;
  out['output.sha256'] = manifest.output.sha256;
  return out;
}

async function analyseRun(
  run: MixtureRun,
  collection: ReportCollection,
  rowOfId: Map<string, number>,
): Promise<RunAnalysis> {
  const { manifest } = run;
  const budgets = Object.entries(manifest.budgets)
    .filter(([, b]) => b > 0)
    .map(([task, budget]) => ({ task, budget }))
    .sort((a, b) => b.budget - a.budget || (a.task < b.task ? -1 : 1));
  const templateSplit = Object.fromEntries(TEMPLATE_TYPES.map((t) => [t, 0])) as Record<TemplateType, number>;
  for (const split of Object.values(manifest.templateBudgets)) {
    for (const type of TEMPLATE_TYPES) templateSplit[type] += split[type] ?? 0;
  }
  const rows = Int32Array.from(run.ids, (id) => {
    const row = rowOfId.get(id);
    if (row === undefined)
      throw new ReportInputError(`${run.dir}/mixture.jsonl: id '${id}' is not in the collection`);
    return row;
  });
  const n = collection.ids.length;
  const stage1 = manifest.stage1
    ? {
        selected: manifest.stage1.selected,
        gains: manifest.stage1.gains,
        probabilities: manifest.stage1.selected.map((t) => manifest.probabilities?.[t] ?? 0),
      }
    : null;
  return {
    label: run.label,
    dir: run.dir,
    mixer: manifest.parameters.mixer.name,
    numTasks: manifest.parameters.numTasks,
    budget: manifest.parameters.budget,
    rows: run.ids.length,
    tasksCovered: budgets.length,
    gini: gini(budgets.map((b) => b.budget)),
    coverage: await facilityLocationCoverage(collection.embeddings, n, collection.d, rows),
    budgets,
    templateSplit,
    stage1,
    groupCurves: manifest.stage2.groups.flatMap((g) =>
      g.curve
        ? [{ task: g.task, templateType: g.templateType, size: g.size, budget: g.budget, curve: g.curve }]
        : [],
    ),
    parameters: runParameters(run),
  };
}

/** Analyses the runs on one collection and one set of embeddings: the numbers and points the report draws. */
export async function buildReportModel(
  runs: readonly MixtureRun[],
  collection: ReportCollection,
): Promise<ReportModel> {
  const rowOfId = new Map(collection.ids.map((id, row) => [id, row]));
  const analyses: RunAnalysis[] = [];
  for (const run of runs) analyses.push(await analyseRun(run, collection, rowOfId));
  const idSets = runs.map((r) => new Set(r.ids));
  const taskSets = analyses.map((a) => new Set(a.budgets.map((b) => b.task)));
  const matrix = <T>(sets: Set<T>[]) => sets.map((a) => sets.map((b) => jaccard(a, b)));
  const taskRows = collection.tasks.map(() => [] as number[]);
  for (let r = 0; r < collection.ids.length; r++) taskRows[collection.taskOf[r]!]!.push(r);
  const taskEmbeddings = meanTaskEmbeddings(collection.embeddings, collection.d, taskRows);
  return {
    runs: analyses,
    overlap: { instances: matrix(idSets), tasks: matrix(taskSets) },
    projection: {
      tasks: [...collection.tasks],
      points: pca2(taskEmbeddings, collection.tasks.length, collection.d),
    },
    collection: {
      records: collection.ids.length,
      tasks: collection.tasks.length,
      embeddingSource: collection.embeddingSource,
    },
    tool: runs[0]!.manifest.tool.version,
  };
}
