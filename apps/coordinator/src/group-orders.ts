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
  /** Largest n×n kernel to hold when ordering a group; larger groups are ordered blockwise. */
  maxKernelBytes?: number;
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

/** A stored stage-2 order: self-describing, so a reader can tell which instances its positions refer to. */
export interface StoredGroupOrder extends GroupOrder {
  task: string;
  templateType: string;
  ids: string[];
}

/**
 * Returns the group's full greedy order from the store (`reused`), computing and storing it first when absent;
 * `onStep` reports the greedy steps of a computation. `artifacts` (a job's) records the order's lineage and
 * feeds the job's metrics.
 */
export async function groupOrder(
  store: ArtifactStore,
  group: GroupToOrder,
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
  if (cached) {
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
      : await orderGroup(group.embeddings, n, settings.d, settings.instanceFunction, scoring);
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
