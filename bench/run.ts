import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedBench } from './embed-bench.js';
import { mixBench } from './mix-bench.js';
import { type SelectBenchCase, selectBench, selectBenchName } from './select-bench.js';
import { type SparseQualityCase, sparseQualityBench, sparseQualityName } from './sparse-quality-bench.js';
import { sweepBench } from './sweep-bench.js';

/**
 * `npm run bench [name-filter]`: runs the benchmarks one after another (never in parallel: they measure wall time
 * on a 2-core machine), writes each result to bench/results/<name>.json with the machine, date and command.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');
const SCRATCH = join(ROOT, 'bench', 'tmp');

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};

const ISSUE3_GOAL = { wallSeconds: 5, peakRssMB: 500 };
/** Issue #6: one group of 100k rows, budget 10k, exact, no process above 2 GB, within 5 minutes. */
const ISSUE6_GOAL = { wallSeconds: 300, peakRssMB: 2048 };
const selectCases: SelectBenchCase[] = [
  { n: 5_000 },
  { n: 10_000, goal: ISSUE3_GOAL },
  { n: 10_000, workers: 1 },
  ...[0, 1, 2, 4].map((workers) => ({ n: 100_000, budget: 10_000, workers, goal: ISSUE6_GOAL })),
  // Issue #6 with sparse (kNN) facility location, k = 100: an approximation of the exact function above.
  ...[0, 2].map((workers) => ({ n: 100_000, budget: 10_000, workers, numNeighbors: 100, goal: ISSUE6_GOAL })),
];
/** Sparse versus exact selections where the exact greedy is cheap: k = 100 and 10; budgets above and below the 50 clusters. */
const sparseQualityCases: SparseQualityCase[] = [
  { n: 10_000, budget: 1_000, numNeighbors: 100 },
  { n: 10_000, budget: 1_000, numNeighbors: 10 },
  { n: 10_000, budget: 20, numNeighbors: 100 },
];

const benchmarks: { name: string; run: () => Promise<object> }[] = [
  ...selectCases.map((c) => ({ name: selectBenchName(c), run: () => selectBench(SCRATCH, c) })),
  ...sparseQualityCases.map((c) => ({ name: sparseQualityName(c), run: () => sparseQualityBench(c) })),
  { name: 'mix-t0-mini', run: () => mixBench(SCRATCH) },
  { name: 'mix-sweep-t0-mini', run: () => sweepBench(SCRATCH) },
  { name: 'embed', run: () => embedBench(SCRATCH) },
];

// A benchmark's exact name runs just that one (select-fl-lazy-n10000 is also part of select-fl-lazy-n100000-…);
// otherwise every benchmark whose name contains the filter.
const filter = process.argv[2];
const exact = benchmarks.filter((b) => b.name === filter);
const chosen = exact.length > 0 ? exact : benchmarks.filter((b) => !filter || b.name.includes(filter));
await mkdir(RESULTS, { recursive: true });
for (const bench of chosen) {
  process.stderr.write(`bench ${bench.name} …\n`);
  const result = await bench.run();
  const record = {
    ...result,
    machine,
    date: new Date().toISOString(),
    command: `npm run bench -- ${bench.name}`,
  };
  await writeFile(join(RESULTS, `${bench.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  process.stderr.write(`${JSON.stringify(result)}\n`);
}
await rm(SCRATCH, { recursive: true, force: true });
