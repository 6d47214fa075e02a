import {
  type GroupOrder,
  type InstanceFunction,
  type OrderOptions,
  orderGroup,
  orderGroupSplit,
} from '@smartmix/mixture';
import { type ArtifactStore, contentKey, getJson, putJson, sha256Hex } from '@smartmix/storage';
import type { KernelPlacement } from '@smartmix/submodular';
import type { JobArtifacts } from './job-artifacts.js';

/** Bumped whenever the stage-2 ordering semantics change, so stale cached orders are never reused. */
export const STAGE2_ORDER_VERSION = 'stage2-order/1';

export interface GroupToOrder {
  task: string;
  templateType: string;
  /** Ids of the group's instances, in collection order (order positions index into this list). */
  ids: string[];
  /** The group's embedding rows (ids.length × d), in the same order. */
  embeddings: Float32Array;
}

export interface OrderSettings {
  d: number;
  instanceFunction: InstanceFunction;
  splitAbove?: number;
  placement: KernelPlacement;
  /** Largest kernel (bytes) to hold when ordering a group; larger groups are ordered blockwise. */
  maxKernelBytes?: number;
  /** Groups of up to this many rows are ordered completely; larger ones only as far as budgets need (orderLength). */
  fullOrderUpTo: number;
}

/**
 * How far to order a group of n rows for a budget. A small group is ordered completely: cheap, and its one order
 * serves every budget (and draws its whole diminishing-returns curve). A large group — FLAN has groups of 364k
 * rows, where a complete order is hundreds of thousands of greedy steps for budgets of a few thousand — is ordered
 * only to the budget rounded up to a power of two, so growing budgets (a sweep, a later job) recompute it at most
 * log₂ times. Greedy prefixes do not depend on the length, so the mixture is the same either way.
 */
export function orderLength(n: number, budget: number, fullOrderUpTo: number): number {
  if (n <= fullOrderUpTo) return n;
  return Math.min(n, Math.max(fullOrderUpTo, 2 ** Math.ceil(Math.log2(budget))));
}

export interface OrderStats {
  computed: number;
  reused: number;
}

/** Digests of what a group's order is computed from: its ids and its embedding rows. */
function groupInputs(group: GroupToOrder): { ids: string; embeddings: string } {
  return {
    ids: sha256Hex(group.ids.join('\n')),
    embeddings: sha256Hex(
      new Uint8Array(group.embeddings.buffer, group.embeddings.byteOffset, group.embeddings.byteLength),
    ),
  };
}

/** The content key of a group's order: everything the order depends on, and nothing else. */
export function groupOrderKey(
  group: GroupToOrder,
  settings: OrderSettings,
  inputs: { ids: string; embeddings: string } = groupInputs(group),
): string {
  return contentKey('stage2-orders', {
    version: STAGE2_ORDER_VERSION,
    ...inputs,
    d: settings.d,
    function: settings.instanceFunction.name,
    lambda: settings.instanceFunction.lambda,
    splitAbove: settings.splitAbove ?? null,
  });
}

/**
 * A stored stage-2 order, complete or a prefix (its length tells): self-describing, so a reader can tell which
 * instances its positions refer to.
 */
export interface StoredGroupOrder extends GroupOrder {
  task: string;
  templateType: string;
  ids: string[];
}

/**
 * Returns a greedy order of the group covering `budget` positions: from the store (`reused`) when a stored order is
 * long enough, else computed (orderLength) and stored, replacing a shorter one. `onStep` reports the greedy steps of
 * a computation. `artifacts` (a job's) records the order's lineage and feeds the job's metrics.
 */
export async function groupOrder(
  store: ArtifactStore,
  group: GroupToOrder,
  budget: number,
  settings: OrderSettings,
  stats: OrderStats,
  onStep?: OrderOptions['onStep'],
  artifacts?: JobArtifacts,
): Promise<GroupOrder & { reused: boolean }> {
  const inputs = groupInputs(group);
  const key = groupOrderKey(group, settings, inputs);
  const lineage = {
    kind: 'stage2-order',
    key,
    inputs: { group: `${group.task}/${group.templateType}`, ...inputs },
  };
  const tracker = artifacts?.tracker;
  const cached = await getJson<StoredGroupOrder>(store, key);
  if (cached && cached.order.length >= budget) {
    stats.reused++;
    artifacts?.record(lineage, 'reused');
    tracker?.metrics.groupsDone.inc({ source: 'reused' });
    return { order: cached.order, gains: cached.gains, reused: true };
  }
  const n = group.ids.length;
  const measured = tracker?.greedy('stage2', n, group);
  const scoring = {
    placement: settings.placement,
    maxKernelBytes: settings.maxKernelBytes,
    onStep: (step: number, element: number, gain: number, evaluations: number) => {
      onStep?.(step, element, gain, evaluations);
      measured?.(step, element, gain, evaluations);
    },
  };
  const order =
    settings.splitAbove !== undefined
      ? await orderGroupSplit(
          group.embeddings,
          n,
          settings.d,
          settings.instanceFunction,
          settings.splitAbove,
          scoring,
        )
      : await orderGroup(group.embeddings, n, settings.d, settings.instanceFunction, {
          ...scoring,
          length: orderLength(n, budget, settings.fullOrderUpTo),
        });
  const stored: StoredGroupOrder = {
    task: group.task,
    templateType: group.templateType,
    ids: group.ids,
    ...order,
  };
  await putJson(store, key, stored);
  stats.computed++;
  artifacts?.record(lineage, 'computed');
  tracker?.metrics.groupsDone.inc({ source: 'computed' });
  return { ...order, reused: false };
}
