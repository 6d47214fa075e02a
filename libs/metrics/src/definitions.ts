/**
 * Every metric smartmix exports, in one table: the code registers exactly these, and the dashboard and alert-rule
 * tests check every PromQL expression against them, so the three cannot drift apart. Names follow Prometheus
 * conventions (base units, `_total` for counters, `_seconds` / `_bytes` suffixes).
 */
export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricDefinition {
  readonly type: MetricType;
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly buckets?: readonly number[];
}

/** Stage and job durations: from a tenth of a second (a tiny test collection) to four hours (FLAN on CPU). */
const LONG_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 14400] as const;
/** One RPC: a millisecond (Health) to ten minutes (a first full evaluation of a large shard). */
const RPC_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600] as const;
/** One store operation: local files in milliseconds, S3 objects of several MB in seconds. */
const STORE_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30] as const;

export const METRIC_DEFINITIONS = {
  buildInfo: {
    type: 'gauge',
    name: 'smartmix_build_info',
    help: 'Always 1; the labels say which smartmix version and role this process runs.',
    labelNames: ['version', 'role'],
  },
  jobState: {
    type: 'gauge',
    name: 'smartmix_job_state',
    help: 'A job of this process: 1 for its current state (running, succeeded, failed), 0 for the others.',
    labelNames: ['command', 'state'],
  },
  jobDuration: {
    type: 'histogram',
    name: 'smartmix_job_duration_seconds',
    help: 'Wall time of finished jobs, by outcome.',
    labelNames: ['command', 'outcome'],
    buckets: LONG_BUCKETS,
  },
  stageState: {
    type: 'gauge',
    name: 'smartmix_stage_state',
    help: 'A stage of the job: 1 for its current state (running, done, failed), 0 for the others.',
    labelNames: ['stage', 'state'],
  },
  stageDuration: {
    type: 'histogram',
    name: 'smartmix_stage_duration_seconds',
    help: 'Wall time of finished stages (read, embeddings, stage1, stage2, write; kernel, greedy, evaluate).',
    labelNames: ['stage', 'outcome'],
    buckets: LONG_BUCKETS,
  },
  promptsEmbedded: {
    type: 'counter',
    name: 'smartmix_prompts_embedded_total',
    help: 'Prompts embedded by this process (rate() gives prompts per second).',
    labelNames: ['embedder'],
  },
  groupsTotal: {
    type: 'gauge',
    name: 'smartmix_stage2_groups',
    help: 'Stage-2 (task, template type) groups with a budget in the current job.',
    labelNames: [],
  },
  groupsDone: {
    type: 'counter',
    name: 'smartmix_stage2_groups_done_total',
    help: 'Stage-2 groups ordered, by whether the order was computed or reused from the store.',
    labelNames: ['source'],
  },
  greedySteps: {
    type: 'counter',
    name: 'smartmix_greedy_steps_total',
    help: 'Elements taken by greedy optimizers, by stage.',
    labelNames: ['stage'],
  },
  lazyReevaluations: {
    type: 'counter',
    name: 'smartmix_lazy_reevaluations_total',
    help: 'Marginal gains recomputed after the first pass over all candidates (stale heap entries), by stage.',
    labelNames: ['stage'],
  },
  currentGain: {
    type: 'gauge',
    name: 'smartmix_greedy_current_gain',
    help: 'Marginal gain of the element the greedy optimizer took last, per group (task, template type).',
    labelNames: ['stage', 'task', 'template_type'],
  },
  objective: {
    type: 'gauge',
    name: 'smartmix_greedy_objective',
    help: 'Sum of the gains taken so far (the objective of the selection so far), per group.',
    labelNames: ['stage', 'task', 'template_type'],
  },
  shardRows: {
    type: 'gauge',
    name: 'smartmix_shard_rows',
    help: 'Ground-set rows owned by each facility-location shard of the group sharded last (groups are ordered several at a time).',
    labelNames: ['shard'],
  },
  shardSkew: {
    type: 'gauge',
    name: 'smartmix_shard_skew_ratio',
    help: 'Largest shard over mean shard size for the group sharded last (1 is perfectly balanced).',
    labelNames: [],
  },
  rpcDuration: {
    type: 'histogram',
    name: 'smartmix_rpc_duration_seconds',
    help: 'Worker RPC latency, by side (client: coordinator, server: worker), method and gRPC status code.',
    labelNames: ['side', 'method', 'code'],
    buckets: RPC_BUCKETS,
  },
  rpcErrors: {
    type: 'counter',
    name: 'smartmix_rpc_errors_total',
    help: 'Worker RPCs that ended with a status other than OK, by side, method and gRPC status code.',
    labelNames: ['side', 'method', 'code'],
  },
  rpcBytes: {
    type: 'counter',
    name: 'smartmix_rpc_bytes_total',
    help: 'Serialized gRPC message bytes, by side, method and direction (sent, received).',
    labelNames: ['side', 'method', 'direction'],
  },
  workerUp: {
    type: 'gauge',
    name: 'smartmix_worker_up',
    help: "A coordinator's view of each worker of its job: 1 while usable, 0 once lost.",
    labelNames: ['worker'],
  },
  storeOperations: {
    type: 'counter',
    name: 'smartmix_store_operations_total',
    help: 'Artifact-store operations (get, put, has, delete, list), by outcome (ok, error).',
    labelNames: ['operation', 'outcome'],
  },
  storeErrors: {
    type: 'counter',
    name: 'smartmix_store_errors_total',
    help: 'Artifact-store operations that failed.',
    labelNames: ['operation'],
  },
  storeDuration: {
    type: 'histogram',
    name: 'smartmix_store_operation_duration_seconds',
    help: 'Artifact-store operation latency.',
    labelNames: ['operation'],
    buckets: STORE_BUCKETS,
  },
  artifacts: {
    type: 'counter',
    name: 'smartmix_artifacts_total',
    help: 'Content-addressed artifacts a job needed, by kind and whether they were computed or reused (resume).',
    labelNames: ['kind', 'source'],
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRIC_DEFINITIONS;
