import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { TemplateType } from '@smartmix/mixture';
import { ReportInputError } from './errors.js';

/** The parts of a mixture's manifest.json a report reads. */
export interface MixtureManifest {
  formatVersion: number;
  tool: { name: string; version: string };
  spec: Record<string, unknown> | null;
  inputs: { path: string; bytes: number; sha256: string }[];
  parameters: {
    fields: Record<string, string | null>;
    numTasks: number;
    budget: number;
    mixer: { name: string } & Record<string, unknown>;
    taskFunction: { name: string; lambda: number | null };
    instanceFunction: { name: string; lambda: number | null };
    seed: number;
  } & Record<string, unknown>;
  collection: { records: number; tasks: number };
  embeddings: Record<string, unknown> | null;
  stage1: { selected: string[]; gains: number[]; objective: number } | null;
  probabilities: Record<string, number> | null;
  budgets: Record<string, number>;
  templateBudgets: Record<string, Record<TemplateType, number>>;
  stage2: {
    groups: {
      task: string;
      templateType: string;
      size: number;
      budget: number;
      objective: number | null;
      curve?: [number, number][] | null;
    }[];
  };
  output: { rows: number; sha256: string };
}

/** One mixture directory as a report sees it. */
export interface MixtureRun {
  dir: string;
  /** A short name for legends and tables: the directory's name, made unique among the runs. */
  label: string;
  manifest: MixtureManifest;
  /** Ids of the mixture's instances (mixture.jsonl), in file order. */
  ids: string[];
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new ReportInputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
}

async function readJson<T>(file: string): Promise<T> {
  const text = await readText(file);
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new ReportInputError(`${file}: malformed JSON (${(err as Error).message})`);
  }
}

/** Reads a mixture directory's manifest.json and the ids of its mixture.jsonl. */
export async function readMixtureRun(dir: string): Promise<Omit<MixtureRun, 'label'>> {
  const manifestFile = join(dir, 'manifest.json');
  const manifest = await readJson<MixtureManifest>(manifestFile);
  if (manifest.formatVersion !== 1 || typeof manifest.budgets !== 'object' || !manifest.stage2) {
    throw new ReportInputError(`${manifestFile}: not a smartmix mixture manifest (format version 1)`);
  }
  const mixtureFile = join(dir, 'mixture.jsonl');
  const ids = (await readText(mixtureFile))
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line, i) => {
      try {
        return String(JSON.parse(line).id);
      } catch {
        throw new ReportInputError(`${mixtureFile}:${i + 1}: malformed JSON`);
      }
    });
  return { dir, manifest, ids };
}

/** Directory names as labels; where two runs share a name, the parent directory is prefixed. */
export function runLabels(dirs: readonly string[]): string[] {
  const names = dirs.map((d) => basename(resolve(d)));
  return dirs.map((d, i) =>
    names.filter((n) => n === names[i]).length > 1 ? `${basename(resolve(d, '..'))}/${names[i]}` : names[i]!,
  );
}

/** A sweep's output directory (with sweep.json and no manifest of its own) stands for all its mixtures. */
async function expandSweeps(dirs: readonly string[]): Promise<string[]> {
  const expanded: string[] = [];
  for (const dir of dirs) {
    if (existsSync(join(dir, 'manifest.json')) || !existsSync(join(dir, 'sweep.json'))) {
      expanded.push(dir);
      continue;
    }
    const index = await readJson<{ mixtures?: { dir: string }[] }>(join(dir, 'sweep.json'));
    if (!Array.isArray(index.mixtures))
      throw new ReportInputError(`${join(dir, 'sweep.json')}: no mixtures listed`);
    for (const mixture of index.mixtures) expanded.push(join(dir, mixture.dir));
  }
  return expanded;
}

/**
 * Reads every run (a sweep directory: each of its mixtures); they must share one collection (same input files, by
 * hash), since they are compared on it.
 */
export async function readMixtureRuns(given: readonly string[]): Promise<MixtureRun[]> {
  const dirs = await expandSweeps(given);
  const labels = runLabels(dirs);
  const runs = await Promise.all(
    dirs.map(async (dir, i) => ({ ...(await readMixtureRun(dir)), label: labels[i]! })),
  );
  const fingerprint = (run: MixtureRun) => run.manifest.inputs.map((f) => f.sha256).join(',');
  for (const run of runs.slice(1)) {
    if (fingerprint(run) !== fingerprint(runs[0]!)) {
      throw new ReportInputError(
        `${join(run.dir, 'manifest.json')}: inputs differ from ${join(runs[0]!.dir, 'manifest.json')}'s; runs are compared on one collection`,
      );
    }
  }
  return runs;
}
