import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { measureCli } from './measure.js';
import { T0_MINI } from './mix-bench.js';

const THREADS = 2;
/** t0-mini beside the repository, as the other benchmarks find it, unless SMARTMIX_T0_MINI names another copy. */
const COLLECTION = process.env.SMARTMIX_T0_MINI ?? T0_MINI;

/**
 * Issue #5's benchmark: `smartmix embed` of every t0-mini prompt with the bundled model on 2 threads, from an empty
 * store (every prompt through the model), then the same command again (every vector from the store's cache).
 */
export async function embedBench(scratch: string) {
  if (!existsSync(COLLECTION)) throw new Error(`${COLLECTION} is missing (set SMARTMIX_T0_MINI)`);
  await mkdir(scratch, { recursive: true });
  const store = join(scratch, 'embed-store');
  await rm(store, { recursive: true, force: true });
  const run = async (name: string) => {
    const m = await measureCli([
      'embed',
      '--input',
      COLLECTION,
      '--out',
      join(scratch, `${name}.npy`),
      '--ids-out',
      join(scratch, `${name}-ids.json`),
      '--threads',
      String(THREADS),
      '--store',
      store,
    ]);
    const summary = JSON.parse(m.stderr.trim().split('\n').at(-1)!);
    return {
      wallSeconds: m.wallSeconds,
      promptsPerSecond: Math.round(summary.rows / m.wallSeconds),
      peakRssMB: Math.round(m.peakRssBytes / 2 ** 20),
      summary,
    };
  };
  const cold = await run('cold');
  const warm = await run('warm');
  return {
    name: 'embed',
    model: 'bundled universal-sentence-encoder-lite (ONNX, 512-d, max 128 tokens)',
    threads: THREADS,
    batchSize: 32,
    records: cold.summary.rows,
    cold,
    warmRerun: warm,
    goal: { promptsPerSecond: 2_000 },
    met: cold.promptsPerSecond >= 2_000,
  };
}
