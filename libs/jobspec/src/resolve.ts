import { withDefaults } from './defaults.js';
import { mergeSpec } from './merge.js';
import { rebaseSpecPaths } from './paths.js';
import { readSpecFile } from './read.js';
import type { JobSpec, SpecDocument } from './types.js';
import { validateSpec } from './validate.js';

/**
 * The resolved spec of a job: the spec file (if any; its relative paths are relative to its own directory), with
 * `overrides` (command-line values, paths relative to `cwd`) laid over it, validated against the schema and with
 * every default filled in. Paths in the result are relative to `cwd`.
 */
export async function resolveJobSpec(
  specFile: string | undefined,
  overrides: SpecDocument,
  cwd: string = process.cwd(),
): Promise<JobSpec> {
  let document: SpecDocument = { version: 1 };
  let source = 'command line';
  if (specFile !== undefined) {
    const read = await readSpecFile(specFile);
    document = rebaseSpecPaths(read.raw, read.baseDir, cwd);
    source = specFile;
  }
  const merged = mergeSpec(document, overrides);
  validateSpec(merged, source);
  return withDefaults(merged);
}
