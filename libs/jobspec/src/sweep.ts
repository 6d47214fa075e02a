import { rebaseSpecPaths } from './paths.js';
import type { JobSpec, MixtureSpec, SpecDocument } from './types.js';

/** True when M' or N' is a list: the job makes one mixture per combination. */
export function isSweep(spec: JobSpec): boolean {
  return Array.isArray(spec.stage1.numTasks) || Array.isArray(spec.budget);
}

const asList = (value: number | number[]) => (Array.isArray(value) ? value : [value]);

/** One spec per (M', N') combination, M' outer, both in the order given. */
export function sweepCombinations(spec: JobSpec): MixtureSpec[] {
  return asList(spec.stage1.numTasks).flatMap((numTasks) =>
    asList(spec.budget).map((budget) => ({ ...spec, stage1: { ...spec.stage1, numTasks }, budget })),
  );
}

/** A combination's subdirectory in a sweep's output: `m16-n25000`. */
export function combinationDirName(spec: MixtureSpec): string {
  return `m${spec.stage1.numTasks}-n${spec.budget}`;
}

/**
 * The spec as a mixture's manifest records it: paths relative to the manifest's own directory (so
 * `smartmix mix --spec DIR/manifest.json` finds the same files from anywhere) and no `out` (the recipe, not where
 * one copy of its result went).
 */
export function manifestSpec(
  spec: MixtureSpec,
  manifestDir: string,
  cwd: string = process.cwd(),
): MixtureSpec {
  const { out: _out, ...recipe } = rebaseSpecPaths(spec as unknown as SpecDocument, cwd, manifestDir);
  return recipe as unknown as MixtureSpec;
}
