import { createHash } from 'node:crypto';
import type { CollectionScan } from '@smartmix/dataset';
import { groupKey } from '@smartmix/dataset';
import { type Allocation, objectiveCurve, shuffleInPlace, TEMPLATE_TYPES } from '@smartmix/mixture';
import type { ArtifactStore } from '@smartmix/storage';
import type { LoadedEmbeddings } from './embedding-source.js';
import { groupOrder, type OrderSettings, type OrderStats } from './group-orders.js';
import { mapInFlight } from './in-flight.js';
import type { JobArtifacts } from './job-artifacts.js';
import type { GroupSummary } from './manifest.js';
import { ProgressLog } from './progress.js';

export interface Stage2Input {
  index: CollectionScan;
  /** Collection rows of each group, by groupKey(task, type). */
  groups: Map<string, number[]>;
  allocation: Allocation;
  /** SMART: groups are filled with prefixes of their greedy orders; absent for the baselines' seeded shuffles. */
  embeddings?: LoadedEmbeddings;
  orderSettings: Omit<OrderSettings, 'd'>;
  store: ArtifactStore;
  seed: number;
  /** Groups ordered at the same time (the number of workers keeps them all busy; 1 in process). */
  inFlight: number;
  log: (line: string) => void;
  /** The job's artifacts: order lineage, and the metrics behind them. */
  artifacts?: JobArtifacts;
}

export interface Stage2Result {
  /** 1 for every collection row the mixture takes. */
  chosen: Uint8Array;
  groups: GroupSummary[];
  orderStats: OrderStats;
}

/** A per-group seed for the baselines' random prefixes: independent of the order groups are visited in. */
function groupSeed(seed: number, task: string, type: string): number {
  return createHash('sha256').update(`${seed}\u0000${task}\u0000${type}`).digest().readUInt32LE(0);
}

/**
 * Fills every (task, template type) budget: a prefix of the group's greedy order (SMART, several groups in flight,
 * each order read from the store or computed — completely, or for large groups as far as the budget needs — and
 * stored) or of a seeded shuffle (baselines). Summaries come back
 * in allocation order whatever order the groups finish in.
 */
export async function fillBudgets(input: Stage2Input): Promise<Stage2Result> {
  const { index, allocation, embeddings } = input;
  const work = Object.entries(allocation.templateBudgets).flatMap(([task, split]) =>
    TEMPLATE_TYPES.filter((type) => split[type] > 0).map((type) => ({
      task,
      type,
      budget: split[type],
      records: input.groups.get(groupKey(task, type))!,
    })),
  );
  const orderStats: OrderStats = { computed: 0, reused: 0 };
  input.artifacts?.tracker?.metrics.groupsTotal.set(work.length);
  const progress = new ProgressLog(input.log);
  let finished = 0;
  const filled = await mapInFlight(
    work,
    embeddings ? input.inFlight : 1,
    async ({ task, type, budget, records }) => {
      const name = `${task}/${type}`;
      let positions: number[];
      let objective: number | null = null;
      let curve: [number, number][] | null = null;
      let ordered: number | null = null;
      if (embeddings) {
        const { d, data, rowOf } = embeddings;
        const groupEmbeddings = new Float32Array(records.length * d);
        records.forEach((r, i) =>
          groupEmbeddings.set(data.subarray(rowOf[r]! * d, (rowOf[r]! + 1) * d), i * d),
        );
        const start = performance.now();
        const order = await groupOrder(
          input.store,
          { task, templateType: type, ids: records.map((r) => index.ids[r]!), embeddings: groupEmbeddings },
          budget,
          { ...input.orderSettings, d },
          orderStats,
          (step) =>
            progress.throttled(name, () => `stage 2: ${name}: ${step}/${records.length} greedy steps`),
          input.artifacts,
        );
        positions = order.order.slice(0, budget);
        objective = order.gains.slice(0, budget).reduce((a, b) => a + b, 0);
        curve = objectiveCurve(order.gains, budget);
        ordered = order.order.length;
        const how = order.reused
          ? 'order reused'
          : `ordered in ${((performance.now() - start) / 1000).toFixed(2)} s`;
        progress.done(
          name,
          `stage 2: ${++finished}/${work.length} ${name}: ${records.length} rows, budget ${budget}, ${how}`,
        );
      } else {
        input.artifacts?.tracker?.metrics.groupsDone.inc({ source: 'shuffled' });
        positions = shuffleInPlace(
          records.map((_, i) => i),
          groupSeed(input.seed, task, type),
        ).slice(0, budget);
      }
      return {
        positions,
        summary: { task, templateType: type, size: records.length, budget, objective, curve, ordered },
      };
    },
  );
  const chosen = new Uint8Array(index.ids.length);
  for (const [g, { positions }] of filled.entries()) {
    for (const p of positions) chosen[work[g]!.records[p]!] = 1;
  }
  return { chosen, groups: filled.map((f) => f.summary), orderStats };
}
