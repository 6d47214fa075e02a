import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type CollectionScan, collectionGroups, readCollection, scanCollection } from '@smartmix/dataset';
import { HASHING_EMBEDDER_ID } from '@smartmix/embedding';
import type { MixtureSpec } from '@smartmix/jobspec';
import type { JobTracker } from '@smartmix/metrics';
import {
  type Allocation,
  baselineAllocation,
  shuffleInPlace,
  type TaskSelection,
  TEMPLATE_TYPES,
} from '@smartmix/mixture';
import { DEFAULT_LAMBDA } from '@smartmix/submodular';
import { checkRequest } from './collection-index.js';
import {
  hashingEmbeddings,
  type LoadedEmbeddings,
  loadEmbeddings,
  modelEmbeddings,
} from './embedding-source.js';
import { JobInputError } from './errors.js';
import { JobArtifacts } from './job-artifacts.js';
import { buildManifest, jobManifestKey, MANIFEST_FORMAT_VERSION, type StageTimings } from './manifest.js';
import type { MixJobOptions } from './mix-options.js';
import { OutputDirectory } from './output-dir.js';
import { taskSelection } from './stage1-artifacts.js';
import { fillBudgets } from './stage2.js';

export interface MixJobResult {
  outDir: string;
  rows: number;
  manifest: Record<string, unknown>;
}

/** What every mixture of a job shares: the collection's index and groups, and the prompt embeddings (SMART). */
interface PreparedCollection {
  index: CollectionScan;
  groups: Map<string, number[]>;
  embeddings?: LoadedEmbeddings;
  /** Seconds spent reading and embedding, once for the whole job. */
  timings: StageTimings;
}

/** One mixture of a job: its M', N', and the resolved spec recorded in its manifest (when run from a spec). */
export interface MixtureRequest {
  numTasks: number;
  budget: number;
  spec?: MixtureSpec;
}

type Log = (line: string) => void;

/** Runs `work` and records its duration (seconds) in `timings` under `stage` (and in the job's metrics). */
async function timed<T>(
  timings: StageTimings,
  log: Log,
  stage: string,
  work: () => Promise<T>,
  tracker?: JobTracker,
): Promise<T> {
  const start = performance.now();
  const result = await (tracker ? tracker.stage(stage, work) : work());
  timings[stage] = (performance.now() - start) / 1000;
  log(`${stage}: ${timings[stage]!.toFixed(2)} s`);
  return result;
}

/** Indexes the collection and (for SMART) embeds it, after checking that every requested M' and N' fits. */
async function prepareCollection(
  options: MixJobOptions,
  requests: readonly MixtureRequest[],
  log: Log,
): Promise<PreparedCollection> {
  const timings: StageTimings = {};
  const index = await timed(
    timings,
    log,
    'read',
    () => scanCollection(options.inputs, { fields: options.fields }),
    options.tracker,
  );
  for (const request of requests) checkRequest(index, request.numTasks, request.budget);
  log(`collection: ${index.ids.length} records, ${index.tasks.length} tasks`);
  const groups = new Map(collectionGroups(index).map((g) => [g.key, Array.from(g.rows)]));
  if (options.mixer.name !== 'smart') return { index, groups, timings };
  if ((options.embeddings === undefined) !== (options.ids === undefined)) {
    throw new JobInputError('--embeddings and --ids go together');
  }
  const embeddings = await timed(
    timings,
    log,
    'embeddings',
    () =>
      options.embeddings
        ? loadEmbeddings(options.embeddings, options.ids!, index.ids)
        : options.embedder
          ? modelEmbeddings(
              options.inputs,
              { fields: options.fields },
              options.embedder,
              options.store,
              options.placement,
              log,
              (embedder, count) => options.tracker?.embedded(embedder, count),
            )
          : hashingEmbeddings(options.inputs, { fields: options.fields }, index.ids.length, (count) =>
              options.tracker?.embedded(HASHING_EMBEDDER_ID, count),
            ),
    options.tracker,
  );
  return { index, groups, embeddings, timings };
}

/**
 * The main job: index the collection, allocate budgets (SMART stage 1 or a baseline), fill each (task, template
 * type) budget with a prefix of the group's greedy order (SMART) or of a seeded shuffle (baselines), then write the
 * shuffled mixture, its budgets and a manifest of everything behind it — all at once, or nothing.
 */
export async function runMixJob(options: MixJobOptions): Promise<MixJobResult> {
  const log = options.log ?? (() => {});
  const request = { numTasks: options.numTasks, budget: options.budget, spec: options.spec };
  const prepared = await prepareCollection(options, [request], log);
  const out = await OutputDirectory.create(options.outDir);
  try {
    const result = await writeMixture(prepared, { ...options, ...request }, out, '', log);
    await out.commit();
    log(`wrote ${result.rows} instances to ${options.outDir}`);
    return result;
  } catch (err) {
    await out.abandon();
    throw err;
  }
}

/** A sweep's index (sweep.json): one entry per mixture, with what each took and what it reused. */
export interface SweepEntry {
  numTasks: number;
  budget: number;
  dir: string;
  rows: number;
  sha256: string;
  timings: StageTimings;
  cache: { stage2OrdersComputed: number; stage2OrdersReused: number };
}

/**
 * One mixture per (M', N') request, each in its own subdirectory of `options.outDir` (`dirOf`), plus `sweep.json`
 * listing them. The collection is read and embedded once; stage-2 orders computed for one mixture are reused by the
 * next from the store, so later mixtures cost only their allocation. The directory is published all at once.
 */
export async function runMixSweep(
  options: MixJobOptions,
  requests: readonly MixtureRequest[],
  dirOf: (request: MixtureRequest) => string,
): Promise<SweepEntry[]> {
  const log = options.log ?? (() => {});
  const prepared = await prepareCollection(options, requests, log);
  const out = await OutputDirectory.create(options.outDir);
  try {
    const entries: SweepEntry[] = [];
    for (const request of requests) {
      const dir = dirOf(request);
      log(`mixture ${dir}: M' ${request.numTasks}, N' ${request.budget}`);
      const { manifest } = await writeMixture(
        prepared,
        { ...options, ...request, outDir: join(options.outDir, dir) },
        out,
        dir,
        log,
      );
      const { output, timings, cache } = manifest as {
        output: { rows: number; sha256: string };
        timings: StageTimings;
        cache: SweepEntry['cache'];
      };
      const { numTasks, budget } = request;
      entries.push({ numTasks, budget, dir, rows: output.rows, sha256: output.sha256, timings, cache });
    }
    const index = {
      formatVersion: MANIFEST_FORMAT_VERSION,
      shared: { timings: prepared.timings },
      mixtures: entries,
    };
    await out.write('sweep.json', `${JSON.stringify(index, null, 2)}\n`);
    await out.commit();
    log(`wrote ${entries.length} mixtures to ${options.outDir}`);
    return entries;
  } catch (err) {
    await out.abandon();
    throw err;
  }
}

/** Allocates, fills and writes one mixture into `out` (under `subdir`, '' for its top level). */
async function writeMixture(
  prepared: PreparedCollection,
  options: MixJobOptions,
  out: OutputDirectory,
  subdir: string,
  log: Log,
): Promise<MixJobResult> {
  const { index, groups, embeddings } = prepared;
  const timings: StageTimings = { ...prepared.timings };
  const time = <T>(stage: string, work: () => Promise<T>) =>
    timed(timings, log, stage, work, options.tracker);
  const artifacts = new JobArtifacts(options.store, options.resume ?? false, options.tracker);

  let stage1: TaskSelection | undefined;
  let allocation: Allocation;
  if (embeddings) {
    stage1 = await time('stage1', () =>
      taskSelection(artifacts, index, embeddings, options, options.placement?.kernel ?? options.device),
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

  const {
    chosen,
    groups: groupSummaries,
    orderStats,
  } = await time('stage2', () =>
    fillBudgets({
      index,
      groups,
      allocation,
      embeddings,
      orderSettings: {
        instanceFunction: {
          name: options.instanceFunction.name,
          lambda: options.instanceFunction.lambda ?? DEFAULT_LAMBDA[options.instanceFunction.name],
        },
        splitAbove: options.splitAbove,
        placement: options.placement?.kernel ?? options.device,
        maxKernelBytes: options.maxKernelBytes,
        fullOrderUpTo: options.fullOrderUpTo,
      },
      store: options.store,
      seed: options.seed,
      inFlight: options.placement?.concurrency ?? 1,
      log,
      artifacts,
    }),
  );
  log(
    `stage 2 orders: ${orderStats.computed} computed, ${orderStats.reused} reused from ${options.store.location}`,
  );

  const at = (name: string) => (subdir === '' ? name : join(subdir, name));
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
    await out.write(at('mixture.jsonl'), mixture);
    await out.write(at('budgets.csv'), budgetsCsv(allocation, index.tasks));
    const sha256 = createHash('sha256').update(mixture).digest('hex');
    const stored = await artifacts.mixture(new TextEncoder().encode(mixture), sha256);
    return { count: lines.length, sha256, stored };
  });
  const manifest = buildManifest({
    options,
    index,
    embeddings,
    stage1,
    allocation,
    groups: groupSummaries,
    orderStats,
    artifacts,
    timings,
    mixture: rows,
  });
  const manifestKey = jobManifestKey(manifest);
  Object.assign(manifest.output as object, { stored: { mixture: rows.stored, manifest: manifestKey } });
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await out.write(at('manifest.json'), manifestText);
  await options.store.put(manifestKey, new TextEncoder().encode(manifestText));
  return { outDir: options.outDir, rows: rows.count, manifest };
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
