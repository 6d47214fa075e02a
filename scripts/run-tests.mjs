#!/usr/bin/env node
// Node 20's test runner has no glob support: collect every *.test.ts under libs/, apps/ and test/
// (or the paths given as arguments) and hand them to one `node --test` run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.git', '.nx', '.smartmix']);

function collect(path, out) {
  if (statSync(path).isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const name of readdirSync(path).sort()) {
    if (!SKIP.has(name)) collect(join(path, name), out);
  }
  return out;
}

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['libs', 'apps', 'test'];
const files = roots.flatMap((root) => collect(root, []));
if (files.length === 0) {
  console.error('run-tests: no *.test.ts files found under ' + roots.join(', '));
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--conditions=development', '--import', 'tsx', '--test', '--test-concurrency=2', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
