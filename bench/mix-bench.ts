import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCollection } from '@smartmix/dataset';
import { hashingEmbedding } from '@smartmix/embedding';
import { writeMatrix } from '@smartmix/npy';
import { measureCli } from './measure.js';

/** The shared t0-mini collection beside the repository (SMARTMIX_T0_MINI points elsewhere, e.g. from a worktree). */
export const T0_MINI =
  process.env.SMARTMIX_T0_MINI ?? new URL('../../shared/data/t0-mini/', import.meta.url).pathname;

/**
 * Issue #4's benchmark: a full SMART `mix` of t0-mini with precomputed embeddings (written beforehand, 256-d hashing
 * vectors), from a cold store, so every stage-2 order is computed; then the same job with another N' on the warm
 * store (allocation only).
 */
export async function mixBench(scratch: string) {
  if (!existsSync(T0_MINI)) throw new Error(`${T0_MINI} is missing`);
  await mkdir(scratch, { recursive: true });
  const ids: string[] = [];
  const vectors: Float32Array[] = [];
  for await (const r of readCollection([T0_MINI])) {
    ids.push(r.id);
    vectors.push(hashingEmbedding(r.prompt, 256));
  }
  const data = new Float32Array(ids.length * 256);
  vectors.forEach((v, i) => data.set(v, i * 256));
  const embeddings = join(scratch, 't0-mini-embeddings.npy');
  const idsFile = join(scratch, 't0-mini-ids.json');
  await writeMatrix(embeddings, data, ids.length, 256);
  await writeFile(idsFile, JSON.stringify(ids));
  const store = join(scratch, 'store');
  await rm(store, { recursive: true, force: true });
  const run = async (budget: number) => {
    const out = join(scratch, `mix-${budget}`);
    const m = await measureCli([
      'mix',
      '--input',
      T0_MINI,
      '--embeddings',
      embeddings,
      '--ids',
      idsFile,
      '--num-tasks',
      '199',
      '--budget',
      String(budget),
      '--store',
      store,
      '--out',
      out,
    ]);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    return {
      budget,
      wallSeconds: m.wallSeconds,
      peakRssMB: m.peakRssBytes / 2 ** 20,
      stageSeconds: manifest.timings,
      cache: manifest.cache,
    };
  };
  const cold = await run(20_000);
  const warm = await run(10_000);
  return {
    name: 'mix-t0-mini',
    collection: { records: ids.length, tasks: 199, embeddingDim: 256 },
    numTasks: 199,
    cold,
    warmSweep: warm,
    goal: { wallSeconds: 20 },
    met: cold.wallSeconds <= 20,
  };
}
