import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CliProcess, findSharedData } from './cli-process.js';
import { freePort, PrometheusServer } from './prometheus-server.js';

const T0_MINI = findSharedData('data/t0-mini');
const hasPrometheus = spawnSync('prometheus', ['--version']).status === 0;
const skip = !hasPrometheus
  ? 'no prometheus binary (npm test installs it: scripts/install-test-deps.sh)'
  : T0_MINI === undefined && 'no t0-mini';

describe('a real Prometheus scraping a real worker and a real mix run', { skip }, () => {
  let dir: string;
  let worker: CliProcess;
  let workerAddress: string;
  let jobMetricsPort: number;
  let prometheus: PrometheusServer;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-prometheus-'));
    const workerMetricsPort = await freePort();
    jobMetricsPort = await freePort();
    worker = new CliProcess([
      'worker',
      '--listen',
      '127.0.0.1:0',
      '--metrics-listen',
      `127.0.0.1:${workerMetricsPort}`,
    ]);
    workerAddress = (await worker.waitFor(/listening on (\S+)/))[1]!;
    prometheus = await PrometheusServer.start(dir, {
      'smartmix-worker': [`127.0.0.1:${workerMetricsPort}`],
      'smartmix-coordinator': [`127.0.0.1:${jobMetricsPort}`],
    });
  });
  after(async () => {
    await prometheus?.stop();
    await worker?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('the worker is scraped as up', async () => {
    await prometheus.until(
      async () => (await prometheus.value('up{job="smartmix-worker"}')) === 1,
      'the worker target to be up',
    );
    assert.equal(await prometheus.value('smartmix_build_info{job="smartmix-worker",role="worker"}'), 1);
  });

  it("the job's series reach Prometheus: state, stages, throughput, greedy progress, RPCs on both sides", async () => {
    const job = new CliProcess([
      'mix',
      // The hashing embedder: this test is about metrics, not about embedding 37k prompts on 2 cores.
      '--embedder',
      'hashing',
      '--input',
      T0_MINI ?? '',
      '--num-tasks',
      '20',
      '--budget',
      '2000',
      '--store',
      join(dir, 'store'),
      '--out',
      join(dir, 'out'),
      '--worker-addresses',
      workerAddress,
      '--metrics-listen',
      `127.0.0.1:${jobMetricsPort}`,
      // Long enough for several scrapes of the final state; the test stops the process once it has them.
      '--metrics-linger',
      '60',
    ]);
    try {
      await job.waitFor(/wrote 2000 instances/, 120_000);
      const succeeded = 'smartmix_job_state{job="smartmix-coordinator",command="mix",state="succeeded"}';
      await prometheus.until(async () => (await prometheus.value(succeeded)) === 1, 'the final job state');

      const coordinator = '{job="smartmix-coordinator"}';
      assert.equal(await prometheus.value(`smartmix_prompts_embedded_total${coordinator}`), 37595);
      const stages = await prometheus.query(
        `sum by (stage) (smartmix_stage_duration_seconds_count{job="smartmix-coordinator",outcome="done"})`,
      );
      assert.deepEqual(stages.map((r) => r.metric.stage).sort(), [
        'embeddings',
        'read',
        'stage1',
        'stage2',
        'write',
      ]);
      const groups = (await prometheus.value(`smartmix_stage2_groups${coordinator}`))!;
      assert.ok(groups > 0);
      assert.equal(await prometheus.value(`sum(smartmix_stage2_groups_done_total${coordinator})`), groups);
      assert.ok((await prometheus.value(`smartmix_greedy_steps_total{stage="stage2"}`))! >= 2000);
      const objectives = await prometheus.query('smartmix_greedy_objective{stage="stage2"}');
      assert.equal(objectives.length, groups);
      assert.equal(await prometheus.value(`smartmix_worker_up{worker="${workerAddress}"}`), 1);

      // The worker is scraped on its own schedule: wait (bounded) until its latest scrape has seen every call the
      // coordinator made, then compare the two sides.
      const calls = (side: string) =>
        prometheus.value(`sum(smartmix_rpc_duration_seconds_count{side="${side}",code="OK"})`);
      await prometheus.until(
        async () => (await calls('server')) === (await calls('client')),
        "the worker's scrape to catch up with the job's calls",
      );
      // The bytes the coordinator sent are the bytes the worker received, method by method.
      const bytes = (side: string, direction: string) =>
        prometheus.value(
          `sum(smartmix_rpc_bytes_total{side="${side}",method="PutRows",direction="${direction}"})`,
        );
      const sent = (await bytes('client', 'sent'))!;
      assert.ok(sent > 0);
      assert.equal(await bytes('server', 'received'), sent);
      const serverCalls = await prometheus.query(
        'sum by (method) (smartmix_rpc_duration_seconds_count{job="smartmix-worker",side="server",code="OK"})',
      );
      assert.deepEqual(serverCalls.map((r) => r.metric.method).sort(), [
        'DropRows',
        'Health',
        'PutRows',
        'SimilarityRows',
      ]);
      assert.equal(await prometheus.value('sum(smartmix_rpc_errors_total)'), undefined);
    } finally {
      await job.stop();
    }
  });
});
