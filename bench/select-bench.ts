import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeMatrix } from '@smartmix/npy';
import { clusteredData } from './clustered-data.js';
import { exactFacilityLocationValue } from './exact-value.js';
import { measureCli } from './measure.js';

export const DATA_SEED = 20240501;

export interface SelectBenchResult {
  name: string;
  workers: number;
  processes: {
    role: 'coordinator' | 'worker';
    maxRssMB: number;
    userSeconds: number;
    systemSeconds: number;
  }[];
  n: number;
  d: number;
  budget: number;
  /** Sparse (kNN) facility location's neighbours per row; null: exact. */
  numNeighbors: number | null;
  /** f(selection) under the function the greedy maximised (the kNN approximation when sparse). */
  value: number;
  /** Sparse only: f(selection) under exact facility location (blockwise, no kernel), to judge the approximation. */
  exactValue: number | null;
  wallSeconds: number;
  peakRssMB: number;
  kernelSeconds: number;
  greedySeconds: number;
  evaluations: number;
  /** Payload bytes to and from the workers. */
  rpcBytes: { sent: number; received: number };
  goal: { wallSeconds: number; peakRssMB: number } | null;
  met: boolean | null;
}

export interface SelectBenchCase {
  n: number;
  /** Default n − 1: a full ordering. */
  budget?: number;
  workers?: number;
  /** Sparse facility location with this many neighbours per row (default: exact). */
  numNeighbors?: number;
  /** Goal for the slowest process / wall time, when the issue sets one. */
  goal?: { wallSeconds: number; peakRssMB: number };
}

/** The benchmark's name, from its case: select-fl[-sparse<k>]-lazy-n<n>[-b<budget>][-workers<w>]. */
export function selectBenchName({ n, budget, workers, numNeighbors }: SelectBenchCase): string {
  const fn = numNeighbors === undefined ? 'fl' : `fl-sparse${numNeighbors}`;
  return `select-${fn}-lazy-n${n}${budget === undefined ? '' : `-b${budget}`}${workers ? `-workers${workers}` : ''}`;
}

/**
 * Lazy facility location on seeded clustered data, d = 384, timed as the whole `smartmix select` command (reading
 * the .npy, kernel or blockwise gains or kNN lists, greedy, writing the JSON): issue #3's full orderings (budget n−1)
 * and issue #6's large group (n = 100,000, budget 10,000, sharded over workers, exact or sparse).
 */
export async function selectBench(scratch: string, bench: SelectBenchCase): Promise<SelectBenchResult> {
  const { n, workers = 0, numNeighbors } = bench;
  const budget = bench.budget ?? n - 1;
  const d = 384;
  await mkdir(scratch, { recursive: true });
  const input = join(scratch, `clustered_n${n}_d${d}.npy`);
  const output = join(scratch, `selection_n${n}.json`);
  // The data depend only on n: generated once, reused by every case of that size.
  if (!existsSync(input)) await writeMatrix(input, clusteredData(n, d, DATA_SEED), n, d);
  const m = await measureCli([
    'select',
    '--embeddings',
    input,
    '--function',
    'fl',
    '--budget',
    String(budget),
    '--optimizer',
    'lazy',
    '--out',
    output,
    '--workers',
    String(workers),
    ...(numNeighbors === undefined
      ? []
      : ['--kernel-mode', 'sparse', '--num-neighbors', String(numNeighbors)]),
  ]);
  const result = JSON.parse(await readFile(output, 'utf8'));
  await rm(output);
  // Measured after the command, in this process: not part of its time or memory.
  const exactValue =
    numNeighbors === undefined
      ? null
      : await exactFacilityLocationValue(clusteredData(n, d, DATA_SEED), n, d, result.order);
  const goal = bench.goal ?? null;
  const peakRssMB = m.peakRssBytes / 2 ** 20;
  return {
    name: selectBenchName(bench),
    workers,
    processes: m.processes.map((p) => ({ ...p, maxRssMB: p.maxRssBytes / 2 ** 20 })),
    n,
    d,
    budget,
    numNeighbors: numNeighbors ?? null,
    value: result.value,
    exactValue,
    wallSeconds: m.wallSeconds,
    peakRssMB,
    kernelSeconds: result.seconds.kernel,
    greedySeconds: result.seconds.greedy,
    evaluations: result.evaluations,
    rpcBytes: result.rpcBytes,
    goal,
    met: goal ? m.wallSeconds <= goal.wallSeconds && peakRssMB <= goal.peakRssMB : null,
  };
}
