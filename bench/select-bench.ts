import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeMatrix } from '@smartmix/npy';
import { clusteredData } from './clustered-data.js';
import { measureCli } from './measure.js';

export interface SelectBenchResult {
  name: string;
  workers: number;
  processes: { maxRssMB: number; userSeconds: number; systemSeconds: number }[];
  n: number;
  d: number;
  budget: number;
  wallSeconds: number;
  peakRssMB: number;
  kernelSeconds: number;
  greedySeconds: number;
  evaluations: number;
  goal: { wallSeconds: number; peakRssMB: number } | null;
  met: boolean | null;
}

/**
 * Issue #3's benchmark: lazy facility location, full ordering (budget n−1), seeded clustered data, d = 384,
 * timed as the whole `smartmix select` command (reading the .npy, kernel, greedy, writing the JSON).
 */
export async function selectBench(scratch: string, n: number, workers = 0): Promise<SelectBenchResult> {
  const d = 384;
  await mkdir(scratch, { recursive: true });
  const input = join(scratch, `clustered_n${n}_d${d}.npy`);
  const output = join(scratch, `selection_n${n}.json`);
  await writeMatrix(input, clusteredData(n, d, 20240501), n, d);
  const m = await measureCli([
    'select',
    '--embeddings',
    input,
    '--function',
    'fl',
    '--budget',
    String(n - 1),
    '--optimizer',
    'lazy',
    '--out',
    output,
    '--workers',
    String(workers),
  ]);
  const result = JSON.parse(await readFile(output, 'utf8'));
  await rm(output);
  const goal = n === 10_000 ? { wallSeconds: 5, peakRssMB: 500 } : null;
  const peakRssMB = m.peakRssBytes / 2 ** 20;
  return {
    name: `select-fl-lazy-n${n}${workers ? `-workers${workers}` : ''}`,
    workers,
    processes: m.processes.map((p) => ({ ...p, maxRssMB: p.maxRssBytes / 2 ** 20 })),
    n,
    d,
    budget: n - 1,
    wallSeconds: m.wallSeconds,
    peakRssMB,
    kernelSeconds: result.seconds.kernel,
    greedySeconds: result.seconds.greedy,
    evaluations: result.evaluations,
    goal,
    met: goal ? m.wallSeconds <= goal.wallSeconds && peakRssMB <= goal.peakRssMB : null,
  };
}
