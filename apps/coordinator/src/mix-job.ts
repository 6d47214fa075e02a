import { createHash } from 'node:crypto';
import { collectionGroups, groupKey, readCollection, scanCollection } from '@smartmix/dataset';
import {
  type Allocation,
  baselineAllocation,
  meanTaskEmbeddings,
  selectTasks,
  shuffleInPlace,
  type TaskSelection,
  TEMPLATE_TYPES,
} from '@smartmix/mixture';
import { DEFAULT_LAMBDA } from '@smartmix/submodular';
import { checkRequest } from './collection-index.js';
import { hashingEmbeddings, loadEmbeddings, modelEmbeddings } from './embedding-source.js';
import { JobInputError } from './errors.js';
import { groupOrder, type OrderStats } from './group-orders.js';
import { buildManifest, type GroupSummary, type StageTimings } from './manifest.js';
import type { MixJobOptions } from './mix-options.js';
import { OutputDirectory } from './output-dir.js';

export interface MixJobResult {
  outDir: string;
  rows: number;
  manifest: Record<string, unknown>;
}

/** A per-group seed for the baselines' random prefixes: independent of the order groups are visited in. */
function groupSeed(seed: number, task: string, type: string): number {
  return createHash('sha256').update(`${seed}\u0000${task}\u0000${type}`).digest().readUInt32LE(0);
}

/**
 * The main job: index the collection, allocate budgets (SMART stage 1 or a baseline), fill each (task, template
 * type) budget with a prefix of the group's greedy order (SMART) or of a seeded shuffle (baselines), then write the
 * shuffled mixture, its budgets and a manifest of everything behind it — all at once, or nothing.
 */
export async function runMixJob(options: MixJobOptions): Promise<MixJobResult> {
  const log = options.log ?? (() => {});
  const timings: StageTimings = {};
  const time = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    timings[stage] = (performance.now() - start) / 1000;
    log(`${stage}: ${timings[stage]!.toFixed(2)} s`);
    return result;
  };

  const index = await time('read', () => scanCollection(options.inputs, { fields: options.fields }));
  checkRequest(index, options.numTasks, options.budget);
  log(`collection: ${index.ids.length} records, ${index.tasks.length} tasks`);
  const groups = new Map(collectionGroups(index).map((g) => [g.key, Array.from(g.rows)]));
  const smart = options.mixer.name === 'smart';

  let embeddings: Awaited<ReturnType<typeof loadEmbeddings>> | undefined;
  let stage1: TaskSelection | undefined;
  let allocation: Allocation;
  if (smart) {
    if ((options.embeddings === undefined) !== (options.ids === undefined)) {
      throw new JobInputError('--embeddings and --ids go together');
    }
    const loaded = await time('embeddings', () =>
      options.embeddings
        ? loadEmbeddings(options.embeddings, options.ids!, index.ids)
        : options.embedder
          ? modelEmbeddings(options.inputs, { fields: options.fields }, options.embedder, options.store, log)
          : hashingEmbeddings(options.inputs, { fields: options.fields }, index.ids.length),
    );
    embeddings = loaded;
    const taskRows = index.tasks.map(() => [] as number[]);
    for (let r = 0; r < index.ids.length; r++) taskRows[index.taskOf[r]!]!.push(loaded.rowOf[r]!);
    stage1 = await time('stage1', () =>
      selectTasks({
        taskEmbeddings: meanTaskEmbeddings(loaded.data, loaded.d, taskRows),
        d: loaded.d,
        tasks: index.tasks,
        function: options.taskFunction.name,
        lambda: options.taskFunction.lambda,
        numTasks: options.numTasks,
        budget: options.budget,
        placement: options.placement?.kernel ?? options.device,
      }),
    );
    allocation = stage1;
  } else {
    const { name, ...parameters } = options.mixer;
    allocation = baselineAllocation(
      name as Exclude<typeof name, 'smart'>,
      index.tasks,
      options.numTasks,
      options.budget,
      {
        ...parameters,
        seed: options.seed,
      },
    );
  }

  const chosen = new Uint8Array(index.ids.length);
  const groupSummaries: GroupSummary[] = [];
  const orderStats: OrderStats = { computed: 0, reused: 0 };
  await time('stage2', async () => {
    for (const [task, split] of Object.entries(allocation.templateBudgets)) {
      for (const type of TEMPLATE_TYPES) {
        const budget = split[type];
        if (budget === 0) continue;
        const records = groups.get(groupKey(task, type))!;
        let positions: number[];
        let objective: number | null = null;
        if (embeddings) {
          const { d, data, rowOf } = embeddings;
          const groupEmbeddings = new Float32Array(records.length * d);
          records.forEach((r, i) =>
            groupEmbeddings.set(data.subarray(rowOf[r]! * d, (rowOf[r]! + 1) * d), i * d),
          );
          const order = await groupOrder(
            options.store,
            { task, templateType: type, ids: records.map((r) => index.ids[r]!), embeddings: groupEmbeddings },
            {
              d,
              instanceFunction: {
                name: options.instanceFunction.name,
                lambda: options.instanceFunction.lambda ?? DEFAULT_LAMBDA[options.instanceFunction.name],
              },
              splitAbove: options.splitAbove,
              placement: options.placement?.kernel ?? options.device,
              maxKernelBytes: options.maxKernelBytes,
            },
            orderStats,
          );
          positions = order.order.slice(0, budget);
          objective = order.gains.slice(0, budget).reduce((a, b) => a + b, 0);
        } else {
          positions = shuffleInPlace(
            records.map((_, i) => i),
            groupSeed(options.seed, task, type),
          ).slice(0, budget);
        }
        for (const p of positions) chosen[records[p]!] = 1;
        groupSummaries.push({ task, templateType: type, size: records.length, budget, objective });
      }
    }
  });
  log(
    `stage 2 orders: ${orderStats.computed} computed, ${orderStats.reused} reused from ${options.store.location}`,
  );

  const out = await OutputDirectory.create(options.outDir);
  try {
    const rows = await time('write', async () => {
      const lines: string[] = [];
      let r = 0;
      for await (const record of readCollection(options.inputs, { fields: options.fields })) {
        if (chosen[r++]) {
          const { id, task, templateType, prompt, response } = record;
          lines.push(JSON.stringify({ id, task, template_type: templateType, prompt, response }));
        }
      }
      shuffleInPlace(lines, options.seed);
      const mixture = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
      await out.write('mixture.jsonl', mixture);
      await out.write('budgets.csv', budgetsCsv(allocation, index.tasks));
      return { count: lines.length, sha256: createHash('sha256').update(mixture).digest('hex') };
    });
    const manifest = buildManifest({
      options,
      index,
      embeddings,
      stage1,
      allocation,
      groups: groupSummaries,
      orderStats,
      timings,
      mixture: rows,
    });
    await out.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    await out.commit();
    log(`wrote ${rows.count} instances to ${options.outDir}`);
    return { outDir: options.outDir, rows: rows.count, manifest };
  } catch (err) {
    await out.abandon();
    throw err;
  }
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** budgets.csv: one row per (task, template type) with a non-zero budget, in allocation order. */
function budgetsCsv(
  allocation: Allocation,
  tasks: { name: string; counts: Record<string, number> }[],
): string {
  const sizes = new Map(tasks.map((t) => [t.name, t.counts]));
  const rows = ['task,template_type,size,budget'];
  for (const [task, split] of Object.entries(allocation.templateBudgets)) {
    for (const type of TEMPLATE_TYPES) {
      if (split[type] > 0) rows.push(`${csvField(task)},${type},${sizes.get(task)![type]},${split[type]}`);
    }
  }
  return `${rows.join('\n')}\n`;
}
