import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeMatrix } from '@smartmix/npy';
import { CliProcess, findSharedData, sample } from './cli-process.js';
import { runCli } from './run-cli.js';

const T0_MINI = findSharedData('data/t0-mini');
const present = T0_MINI !== undefined;
const TOKEN = { SMARTMIX_WORKER_TOKEN: 'metrics-test-token' };

describe('/metrics of a real worker and a real mix run', { skip: !present && 'no t0-mini' }, () => {
  let dir: string;
  let worker: CliProcess;
  let workerAddress: string;
  let workerMetrics: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-metrics-'));
    worker = new CliProcess(['worker', '--listen', '127.0.0.1:0', '--metrics-listen', '127.0.0.1:0'], TOKEN);
    workerAddress = (await worker.waitFor(/listening on (\S+)/))[1]!;
    workerMetrics = await worker.metricsUrl();
  });
  after(async () => {
    await worker.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('the worker serves its metrics from start, before any call', async () => {
    const text = await (await fetch(workerMetrics)).text();
    assert.equal(sample(text, 'smartmix_build_info{version="0.1.0",role="worker"}'), 1);
    assert.ok((sample(text, 'process_cpu_seconds_total') ?? -1) >= 0);
  });

  it('a mix run serves job, stage, greedy, store and RPC metrics while it runs; the worker counts its side', async () => {
    const job = new CliProcess(
      [
        'mix',
        // The hashing embedder: this test is about metrics, not about embedding 37k prompts on 2 cores.
        '--embedder',
        'hashing',
        '--input',
        T0_MINI!,
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
        '127.0.0.1:0',
        '--metrics-linger',
        '30',
      ],
      TOKEN,
    );
    try {
      const url = await job.metricsUrl();
      await job.waitFor(/wrote 2000 instances/, 120_000);
      const text = await (await fetch(url)).text();
      assert.equal(sample(text, 'smartmix_job_state{command="mix",state="succeeded"}'), 1);
      for (const stage of ['read', 'embeddings', 'stage1', 'stage2', 'write']) {
        assert.equal(sample(text, `smartmix_stage_state{stage="${stage}",state="done"}`), 1, stage);
        assert.equal(
          sample(text, `smartmix_stage_duration_seconds_count{stage="${stage}",outcome="done"}`),
          1,
        );
      }
      assert.equal(sample(text, 'smartmix_prompts_embedded_total{embedder="hashing-v1"}'), 37595);
      const groups = sample(text, 'smartmix_stage2_groups')!;
      assert.ok(groups > 0);
      assert.equal(sample(text, 'smartmix_stage2_groups_done_total{source="computed"}'), groups);
      assert.equal(sample(text, 'smartmix_greedy_steps_total{stage="stage1"}'), 20);
      assert.ok(sample(text, 'smartmix_greedy_steps_total{stage="stage2"}')! >= 2000);
      assert.ok(sample(text, 'smartmix_lazy_reevaluations_total{stage="stage2"}')! > 0);
      assert.match(
        text,
        /smartmix_greedy_objective\{stage="stage2",task="[^"]+",template_type="[a-z_]+"\} [0-9.e+]+/,
      );
      assert.equal(sample(text, `smartmix_worker_up{worker="${workerAddress}"}`), 1);
      // One put per order, plus the task embeddings, the stage-1 result, the mixture and the job manifest.
      assert.equal(sample(text, 'smartmix_store_operations_total{operation="put",outcome="ok"}'), groups + 4);
      assert.equal(sample(text, 'smartmix_artifacts_total{kind="stage1",source="computed"}'), 1);
      assert.equal(sample(text, 'smartmix_artifacts_total{kind="stage2-order",source="computed"}'), groups);
      const putRowsCalls = sample(
        text,
        'smartmix_rpc_duration_seconds_count{side="client",method="PutRows",code="OK"}',
      )!;
      assert.ok(putRowsCalls > 0);
      const sent = sample(text, 'smartmix_rpc_bytes_total{side="client",method="PutRows",direction="sent"}')!;

      const workerText = await (await fetch(workerMetrics)).text();
      assert.equal(
        sample(workerText, 'smartmix_rpc_duration_seconds_count{side="server",method="PutRows",code="OK"}'),
        putRowsCalls,
      );
      // The same serialized bytes, counted on both ends of the connection.
      assert.equal(
        sample(workerText, 'smartmix_rpc_bytes_total{side="server",method="PutRows",direction="received"}'),
        sent,
      );
    } finally {
      await job.stop();
    }
  });

  it('a refused call is an error of its method on both sides', async () => {
    const run = await runCli(
      ['select', '--embeddings', join(dir, 'missing.npy'), '--function', 'fl', '--budget', '2'],
      {},
    );
    assert.equal(run.code, 2); // bad input never reaches a worker
    const refused = await runCli(
      [
        'mix',
        '--input',
        T0_MINI!,
        '--num-tasks',
        '2',
        '--budget',
        '10',
        '--out',
        join(dir, 'refused'),
        '--worker-addresses',
        workerAddress,
      ],
      { env: { SMARTMIX_WORKER_TOKEN: 'wrong-token' } },
    );
    assert.equal(refused.code, 1, refused.stderr);
    const text = await (await fetch(workerMetrics)).text();
    assert.ok(
      sample(text, 'smartmix_rpc_errors_total{side="server",method="Health",code="UNAUTHENTICATED"}')! >= 1,
    );
  });

  it('a select run serves its stages and greedy steps on local workers', async () => {
    const n = 300;
    const d = 16;
    let seed = 7;
    const data = Float32Array.from({ length: n * d }, () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32 - 0.5;
    });
    const embeddings = join(dir, 'select.npy');
    await writeMatrix(embeddings, data, n, d);
    const job = new CliProcess([
      'select',
      '--embeddings',
      embeddings,
      '--function',
      'fl',
      '--budget',
      '25',
      '--workers',
      '2',
      '--out',
      join(dir, 'select.json'),
      '--metrics-listen',
      '127.0.0.1:0',
      '--metrics-linger',
      '30',
    ]);
    try {
      const url = await job.metricsUrl();
      const deadline = Date.now() + 120_000;
      let text = '';
      while (Date.now() < deadline) {
        text = await (await fetch(url)).text();
        if (sample(text, 'smartmix_job_state{command="select",state="succeeded"}') === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(sample(text, 'smartmix_job_state{command="select",state="succeeded"}'), 1);
      for (const stage of ['kernel', 'greedy', 'evaluate']) {
        assert.equal(sample(text, `smartmix_stage_state{stage="${stage}",state="done"}`), 1, stage);
      }
      assert.equal(sample(text, 'smartmix_greedy_steps_total{stage="select"}'), 25);
      assert.equal(text.match(/^smartmix_worker_up\{worker="127\.0\.0\.1:\d+"\} 1$/gm)?.length, 2);
    } finally {
      await job.stop();
    }
  });

  it('a malformed --metrics-listen is one line and exit code 2', async () => {
    const run = await runCli(['worker', '--listen', '127.0.0.1:0', '--metrics-listen', 'nowhere']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "error: --metrics-listen: 'nowhere' is not host:port\n");
  });
});

describe('/metrics of a failing mix run', () => {
  it('an unreachable store shows as store errors and a failed stage and job; the exit code stays 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-metrics-fail-'));
    const SAMPLE = fileURLToPath(new URL('../../../samples/t0-sample', import.meta.url));
    const job = new CliProcess(
      [
        'mix',
        // The hashing embedder: this test is about metrics, not about embedding 37k prompts on 2 cores.
        '--embedder',
        'hashing',
        '--input',
        SAMPLE,
        '--num-tasks',
        '64',
        '--budget',
        '200',
        '--out',
        join(dir, 'out'),
        '--store',
        's3://bucket/prefix',
        '--metrics-listen',
        '127.0.0.1:0',
        '--metrics-linger',
        '10',
      ],
      {
        AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
        AWS_ACCESS_KEY_ID: 'key',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_REGION: 'us-east-1',
      },
    );
    try {
      const url = await job.metricsUrl();
      // The error is reported at once; the endpoint stays up for the linger.
      await job.waitFor(/error: s3:\/\/bucket\/prefix: cannot connect/);
      const text = await (await fetch(url)).text();
      assert.equal(sample(text, 'smartmix_job_state{command="mix",state="failed"}'), 1);
      assert.equal(sample(text, 'smartmix_stage_state{stage="stage1",state="failed"}'), 1);
      assert.equal(sample(text, 'smartmix_store_errors_total{operation="put"}'), 1);
      assert.equal(sample(text, 'smartmix_store_operations_total{operation="put",outcome="error"}'), 1);
      assert.equal(await job.exited, 2);
    } finally {
      await job.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
