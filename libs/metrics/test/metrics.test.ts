import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import {
  createMetrics,
  exportedSeriesNames,
  JobTracker,
  METRIC_DEFINITIONS,
  MetricsError,
  parseListen,
  startMetricsServer,
} from '@smartmix/metrics';

/** The value of one series in Prometheus text format, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metric definitions', () => {
  it('are unique, prefixed smartmix_ and follow the unit and counter conventions', () => {
    const names = Object.values(METRIC_DEFINITIONS).map((d) => d.name);
    assert.equal(new Set(names).size, names.length);
    for (const d of Object.values(METRIC_DEFINITIONS)) {
      assert.match(d.name, /^smartmix_[a-z0-9_]+$/);
      assert.equal(d.type === 'counter', d.name.endsWith('_total'), d.name);
      if (d.type === 'histogram') assert.match(d.name, /_(seconds|bytes)$/);
    }
  });

  it('list every exported series: histogram suffixes and process defaults included', async () => {
    const names = await exportedSeriesNames();
    for (const series of [
      'smartmix_rpc_duration_seconds_bucket',
      'smartmix_rpc_duration_seconds_count',
      'smartmix_job_state',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      assert.ok(names.has(series), series);
    }
    assert.ok(!names.has('smartmix_rpc_duration_seconds'), 'a histogram has no bare series');
  });
});

describe('metrics HTTP endpoint', () => {
  it('serves the registry at /metrics and nothing else', async () => {
    const metrics = createMetrics('worker', '9.9.9');
    const server = await startMetricsServer('127.0.0.1:0', metrics.registry);
    try {
      const response = await fetch(`http://${server.address}/metrics`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      assert.equal(sample(text, 'smartmix_build_info{version="9.9.9",role="worker"}'), 1);
      assert.ok((sample(text, 'process_resident_memory_bytes') ?? 0) > 0);
      assert.equal((await fetch(`http://${server.address}/other`)).status, 404);
      assert.equal((await fetch(`http://${server.address}/metrics`, { method: 'POST' })).status, 405);
    } finally {
      await server.close();
    }
  });

  it('refuses a malformed address and a taken port with one line', async () => {
    const { registry } = createMetrics('worker', 'test');
    for (const bad of ['9464', 'localhost', '127.0.0.1:99999', 'http://127.0.0.1:9464']) {
      assert.throws(
        () => parseListen(bad),
        (err: Error) => err instanceof MetricsError && !err.message.includes('\n'),
      );
    }
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await assert.rejects(
        startMetricsServer(`127.0.0.1:${port}`, registry),
        (err: Error) => err instanceof MetricsError && /EADDRINUSE/.test(err.message),
      );
    } finally {
      taken.close();
    }
  });
});

describe('JobTracker', () => {
  it('records job and stage states and durations by outcome', async () => {
    const metrics = createMetrics('coordinator', 'test');
    const tracker = new JobTracker(metrics, 'mix');
    await assert.rejects(
      tracker.run(async () => {
        await tracker.stage('read', async () => {});
        await tracker.stage('stage1', async () => {
          throw new Error('boom');
        });
      }),
      /boom/,
    );
    const text = await metrics.registry.metrics();
    assert.equal(sample(text, 'smartmix_job_state{command="mix",state="failed"}'), 1);
    assert.equal(sample(text, 'smartmix_job_state{command="mix",state="running"}'), 0);
    assert.equal(sample(text, 'smartmix_stage_state{stage="read",state="done"}'), 1);
    assert.equal(sample(text, 'smartmix_stage_state{stage="stage1",state="failed"}'), 1);
    assert.equal(sample(text, 'smartmix_job_duration_seconds_count{command="mix",outcome="failed"}'), 1);
    assert.equal(sample(text, 'smartmix_stage_duration_seconds_count{stage="stage1",outcome="failed"}'), 1);
  });

  it('counts greedy steps, re-evaluations beyond the first pass, and the objective so far', async () => {
    const metrics = createMetrics('coordinator', 'test');
    const step = new JobTracker(metrics, 'mix').greedy('stage2', 10, { task: 't', templateType: 'zs' });
    step(1, 4, 3, 10); // the first pass asked all 10 singletons
    step(2, 7, 2, 13);
    step(3, 1, 0.5, 13);
    const text = await metrics.registry.metrics();
    assert.equal(sample(text, 'smartmix_greedy_steps_total{stage="stage2"}'), 3);
    assert.equal(sample(text, 'smartmix_lazy_reevaluations_total{stage="stage2"}'), 3);
    const group = '{stage="stage2",task="t",template_type="zs"}';
    assert.equal(sample(text, `smartmix_greedy_current_gain${group}`), 0.5);
    assert.equal(sample(text, `smartmix_greedy_objective${group}`), 5.5);
  });

  it('reports shard sizes and their skew', async () => {
    const metrics = createMetrics('coordinator', 'test');
    new JobTracker(metrics, 'mix').shards([8192, 8192, 4096]);
    const text = await metrics.registry.metrics();
    assert.equal(sample(text, 'smartmix_shard_rows{shard="2"}'), 4096);
    assert.equal(sample(text, 'smartmix_shard_skew_ratio'), 8192 / (20480 / 3));
  });
});
