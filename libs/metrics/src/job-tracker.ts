import { rpcObserver } from './observers.js';
import type { SmartmixMetrics } from './registry.js';

const JOB_STATES = ['running', 'succeeded', 'failed'] as const;
const STAGE_STATES = ['running', 'done', 'failed'] as const;

function setState(
  gauge: { set(labels: Record<string, string>, value: number): void },
  labels: Record<string, string>,
  states: readonly string[],
  current: string,
): void {
  for (const state of states) gauge.set({ ...labels, state }, state === current ? 1 : 0);
}

/** A greedy optimizer's per-step callback: step (1-based), element, its gain, gains asked so far in this run. */
export type StepObserver = (step: number, element: number, gain: number, evaluations: number) => void;

/**
 * The metrics of one job (one `mix` or `select` run): its state and duration, its stages', and the progress of
 * its greedy runs. The job code calls these hooks; it never touches prom-client itself.
 */
export class JobTracker {
  constructor(
    readonly metrics: SmartmixMetrics,
    private readonly command: string,
  ) {}

  /** Runs the whole job, recording its state and, when it ends, its duration by outcome. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const { jobState, jobDuration } = this.metrics;
    const labels = { command: this.command };
    setState(jobState, labels, JOB_STATES, 'running');
    const start = performance.now();
    try {
      const result = await work();
      setState(jobState, labels, JOB_STATES, 'succeeded');
      jobDuration.observe({ ...labels, outcome: 'succeeded' }, (performance.now() - start) / 1000);
      return result;
    } catch (err) {
      setState(jobState, labels, JOB_STATES, 'failed');
      jobDuration.observe({ ...labels, outcome: 'failed' }, (performance.now() - start) / 1000);
      throw err;
    }
  }

  /** Runs one stage, recording its state and duration. */
  async stage<T>(stage: string, work: () => Promise<T>): Promise<T> {
    setState(this.metrics.stageState, { stage }, STAGE_STATES, 'running');
    const start = performance.now();
    try {
      const result = await work();
      this.stageFinished(stage, (performance.now() - start) / 1000, 'done');
      return result;
    } catch (err) {
      this.stageFinished(stage, (performance.now() - start) / 1000, 'failed');
      throw err;
    }
  }

  /** Records a stage timed elsewhere (selection reports its own kernel / greedy / evaluate times). */
  stageFinished(stage: string, seconds: number, state: 'done' | 'failed' = 'done'): void {
    setState(this.metrics.stageState, { stage }, STAGE_STATES, state);
    this.metrics.stageDuration.observe({ stage, outcome: state }, seconds);
  }

  /**
   * The step callback for one greedy run over n candidates. Lazy greedy's first request asks for all n singleton
   * gains; every gain asked after that is a re-evaluation of a stale entry.
   */
  greedy(
    stage: string,
    n: number,
    group: { task: string; templateType: string } = { task: '', templateType: '' },
  ): StepObserver {
    const { greedySteps, lazyReevaluations, currentGain, objective } = this.metrics;
    const labels = { stage, task: group.task, template_type: group.templateType };
    let asked = n;
    let total = 0;
    return (_step, _element, gain, evaluations) => {
      greedySteps.inc({ stage });
      if (evaluations > asked) lazyReevaluations.inc({ stage }, evaluations - asked);
      asked = Math.max(asked, evaluations);
      total += gain;
      currentGain.set(labels, gain);
      objective.set(labels, total);
    };
  }

  /** The coordinator's side of worker RPCs (libs/cluster's RpcObserver). */
  rpcClient(): ReturnType<typeof rpcObserver> {
    return rpcObserver(this.metrics, 'client');
  }

  /** A worker of the job became usable (connected) or was lost. */
  workerUp(address: string, up: boolean): void {
    this.metrics.workerUp.set({ worker: address }, up ? 1 : 0);
  }

  /** Prompts embedded by `embedder`. */
  embedded(embedder: string, count: number): void {
    this.metrics.promptsEmbedded.inc({ embedder }, count);
  }

  /** One content-addressed artifact the job needed, computed now or reused from the store. */
  artifact(kind: string, source: 'computed' | 'reused'): void {
    this.metrics.artifacts.inc({ kind, source });
  }

  /** Records the facility-location shard sizes of the group sharded last and their skew (largest over mean). */
  shards(rowsPerShard: readonly number[]): void {
    const { shardRows, shardSkew } = this.metrics;
    shardRows.reset();
    rowsPerShard.forEach((rows, s) => shardRows.set({ shard: String(s) }, rows));
    const mean = rowsPerShard.reduce((a, b) => a + b, 0) / rowsPerShard.length;
    shardSkew.set(mean > 0 ? Math.max(...rowsPerShard) / mean : 1);
  }
}
