import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { S3Store } from '@smartmix/storage';
import S3rver from 's3rver';
import { runCli } from './run-cli.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/t0-sample', import.meta.url));
const BUCKET = 'mixtures';

describe('smartmix mix with the artifact store on S3 (a real s3rver on 127.0.0.1)', {
  timeout: 120_000,
}, () => {
  let server: S3rver;
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mix-s3-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: join(dir, 's3'),
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    env = {
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
    };
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const mix = (out: string, budget: string, store = `s3://${BUCKET}/jobs/t0`) =>
    runCli(
      ['mix', '--input', SAMPLE, '--num-tasks', '40', '--budget', budget, '--store', store, '--out', out],
      { env },
    );

  it('keeps stage-2 orders in the bucket and reuses them on the next run', async () => {
    const first = await mix(join(dir, 'a'), '150');
    assert.equal(first.code, 0, first.stderr);
    const computed = JSON.parse(readFileSync(join(dir, 'a', 'manifest.json'), 'utf8'));
    assert.equal(computed.parameters.store, `s3://${BUCKET}/jobs/t0`);
    assert.ok(computed.cache.stage2OrdersComputed > 0);
    const store = new S3Store(`s3://${BUCKET}/jobs/t0`, {
      endpoint: env.AWS_ENDPOINT_URL,
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
      env: {},
    });
    assert.equal((await store.list('stage2-orders')).length, computed.cache.stage2OrdersComputed);

    const second = await mix(join(dir, 'b'), '100');
    assert.equal(second.code, 0, second.stderr);
    const reused = JSON.parse(readFileSync(join(dir, 'b', 'manifest.json'), 'utf8'));
    assert.equal(reused.cache.stage2OrdersComputed, 0);
    assert.ok(reused.cache.stage2OrdersReused > 0);
  });

  it('fails with one line and exit code 2 when the bucket does not exist', async () => {
    const run = await mix(join(dir, 'c'), '100', 's3://no-such-bucket/x');
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^error: s3:\/\/no-such-bucket\/x: bucket 'no-such-bucket' does not exist/m);
  });
});
