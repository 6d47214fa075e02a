import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { measureCli } from './measure.js';
import { T0_MINI } from './mix-bench.js';

const NUM_TASKS = [64, 128, 199];
const BUDGETS = [2_000, 8_000];

/**
 * Issue #8's benchmark: an M' × N' sweep of t0-mini (hashing embeddings) as one `mix` command, against the same six
 * mixtures as six commands on one shared store and on a cold store each; then `report` over the sweep.
 */
export async function sweepBench(scratch: string) {
  if (!existsSync(T0_MINI)) throw new Error(`${T0_MINI} is missing`);
  await mkdir(scratch, { recursive: true });
  const mix = (numTasks: string, budget: string, store: string, out: string) =>
    measureCli([
      'mix',
      '--input',
      T0_MINI,
      '--num-tasks',
      numTasks,
      '--budget',
      budget,
      '--store',
      store,
      '--out',
      out,
    ]);

  const sweepStore = join(scratch, 'sweep-store');
  await rm(sweepStore, { recursive: true, force: true });
  const sweepOut = join(scratch, 'sweep');
  const sweep = await mix(NUM_TASKS.join(','), BUDGETS.join(','), sweepStore, sweepOut);
  const index = JSON.parse(await readFile(join(sweepOut, 'sweep.json'), 'utf8'));

  const separately = async (shareStore: boolean) => {
    const shared = join(scratch, 'shared-store');
    await rm(shared, { recursive: true, force: true });
    let wall = 0;
    let computed = 0;
    for (const m of NUM_TASKS) {
      for (const n of BUDGETS) {
        const store = shareStore ? shared : join(scratch, `cold-store-${m}-${n}`);
        const out = join(scratch, `alone-${m}-${n}`);
        wall += (await mix(String(m), String(n), store, out)).wallSeconds;
        computed += JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).cache.stage2OrdersComputed;
      }
    }
    return { wallSeconds: wall, ordersComputed: computed };
  };
  const sharedStore = await separately(true);
  const coldStores = await separately(false);

  const report = await measureCli(['report', sweepOut, '--out', join(scratch, 'sweep-report.html')]);
  return {
    name: 'mix-sweep-t0-mini',
    collection: { path: 't0-mini', embedder: 'hashing-v1' },
    numTasks: NUM_TASKS,
    budgets: BUDGETS,
    sweep: {
      wallSeconds: sweep.wallSeconds,
      peakRssMB: sweep.peakRssBytes / 2 ** 20,
      shared: index.shared,
      mixtures: index.mixtures,
      ordersComputed: index.mixtures.reduce(
        (s: number, m: { cache: { stage2OrdersComputed: number } }) => s + m.cache.stage2OrdersComputed,
        0,
      ),
    },
    separateCommandsSharedStore: sharedStore,
    separateCommandsColdStores: coldStores,
    report: {
      runs: index.mixtures.length,
      wallSeconds: report.wallSeconds,
      peakRssMB: report.peakRssBytes / 2 ** 20,
    },
  };
}
