import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { S3Store, type S3StoreOptions, StoreError } from '@smartmix/storage';
import S3rver from 's3rver';
import { storeContract } from './store-contract.js';

const BUCKET = 'smartmix-test';
// s3rver's only account; it checks that the access key id exists but never verifies SigV4 signatures,
// so a wrong *secret* cannot be detected by it (see the fake-server test below).
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

/** Runs `action`, expecting a StoreError; returns it with how long the failure took. */
async function failure(action: () => Promise<unknown>): Promise<{ err: StoreError; ms: number }> {
  const start = performance.now();
  try {
    await action();
  } catch (err) {
    assert.ok(err instanceof StoreError, String(err));
    assert.doesNotMatch(err.message, /\n/);
    return { err, ms: performance.now() - start };
  }
  assert.fail('expected a StoreError');
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('S3Store against s3rver', { timeout: 120_000 }, () => {
  let server: S3rver;
  let directory = '';
  let endpoint = '';
  let counter = 0;
  // env: {} keeps AWS_* variables of whoever runs the tests out of play.
  const options = (extra: S3StoreOptions = {}): S3StoreOptions => ({
    endpoint,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    env: {},
    ...extra,
  });

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 's3rver-test-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  // Every store gets its own prefix in the shared bucket, so each starts empty.
  describe('contract', () => storeContract(() => new S3Store(`s3://${BUCKET}/run-${++counter}`, options())));

  it('keeps keys under the location prefix as bucket objects', async () => {
    const store = new S3Store(`s3://${BUCKET}/nested/prefix/`, options());
    assert.equal(store.location, `s3://${BUCKET}/nested/prefix`);
    await store.put('a/b', new Uint8Array([1]));
    const whole = new S3Store(`s3://${BUCKET}`, options());
    assert.equal(whole.location, `s3://${BUCKET}`);
    assert.deepEqual(await whole.list('nested'), ['nested/prefix/a/b']);
    assert.deepEqual(await whole.get('nested/prefix/a/b'), new Uint8Array([1]));
  });

  it('lists past the 1000-keys-per-page limit', async () => {
    const store = new S3Store(`s3://${BUCKET}/paged`, options());
    const keys = Array.from({ length: 1003 }, (_, i) => `k/${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((key) => store.put(key, new Uint8Array(0))));
    }
    assert.deepEqual(await store.list('k'), keys);
  });

  it('reports that s3rver cannot take multipart uploads (objects above partSize) in one line', async () => {
    // Objects up to partSize (minio default 64 MiB) are a single PUT, as in the contract's 6 MB round trip.
    // Above it minio first asks for an upload to resume (ListMultipartUploads), which s3rver does not
    // implement, so multipart is left to real MinIO/S3; this pins down the boundary and the error's form.
    const store = new S3Store(`s3://${BUCKET}/multipart`, options({ partSize: 5 * 1024 * 1024 }));
    const { err } = await failure(() => store.put('big', new Uint8Array(5 * 1024 * 1024 + 1)));
    assert.match(err.message, /^s3:\/\/smartmix-test\/multipart: key "big": put failed \(NotImplemented: /);
  });

  it('names a missing bucket in one line for every operation', async () => {
    const store = new S3Store('s3://no-such-bucket/x', options());
    const operations = [
      () => store.get('k'),
      () => store.put('k', new Uint8Array([1])),
      () => store.has('k'),
      () => store.delete('k'),
      () => store.list(''),
    ];
    for (const operation of operations) {
      const { err } = await failure(operation);
      assert.equal(err.message, "s3://no-such-bucket/x: bucket 'no-such-bucket' does not exist");
    }
  });

  it('reports an unknown access key id as access denied, without printing any credential', async () => {
    const secret = 'do-not-print-this-secret';
    const store = new S3Store(
      `s3://${BUCKET}/denied`,
      options({ accessKey: 'WRONGKEYID', secretKey: secret }),
    );
    for (const operation of [
      () => store.get('k'),
      () => store.put('k', new Uint8Array([1])),
      () => store.has('k'),
    ]) {
      const { err } = await failure(operation);
      assert.match(
        err.message,
        /^s3:\/\/smartmix-test\/denied: key "k": (get|put|has): access denied by http:\/\/127\.0\.0\.1:\d+ \((InvalidAccessKeyId|AccessDenied): /,
      );
      assert.match(err.message, /check AWS_ACCESS_KEY_ID \/ AWS_SECRET_ACCESS_KEY$/);
      assert.doesNotMatch(err.message, /WRONGKEYID|do-not-print/);
    }
  });

  it('reports a signature mismatch (wrong secret) or missing credentials as access denied', async () => {
    // Plays a real S3/MinIO answering a request signed with the wrong secret.
    const fake = createHttpServer((req, res) => {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        req.method === 'HEAD'
          ? undefined
          : '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>',
      );
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    try {
      const fakeEndpoint = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
      const store = new S3Store(
        `s3://${BUCKET}`,
        options({ endpoint: fakeEndpoint, secretKey: 'wrong-secret' }),
      );
      const { err: getErr } = await failure(() => store.get('k'));
      assert.equal(
        getErr.message,
        `s3://${BUCKET}: key "k": get: access denied by ${fakeEndpoint} (SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.); check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY`,
      );
      // HEAD answers carry no body, so only the status survives.
      const { err: hasErr } = await failure(() => store.has('k'));
      assert.match(hasErr.message, /has: access denied by .* \(AccessDenied: /);
      assert.doesNotMatch(getErr.message + hasErr.message, /wrong-secret/);
      const anonymous = new S3Store(`s3://${BUCKET}`, { endpoint: fakeEndpoint, env: {} });
      const { err: anonymousErr } = await failure(() => anonymous.get('k'));
      assert.match(
        anonymousErr.message,
        /; no credentials are configured: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY$/,
      );
    } finally {
      fake.closeAllConnections();
      fake.close();
    }
  });

  it('fails at once, naming the endpoint, when the endpoint refuses connections', async () => {
    const port = await closedPort();
    const store = new S3Store(`s3://${BUCKET}/p`, options({ endpoint: `http://127.0.0.1:${port}` }));
    for (const operation of [
      () => store.get('k'),
      () => store.put('k', new Uint8Array([1])),
      () => store.list(''),
    ]) {
      const { err, ms } = await failure(operation);
      assert.equal(
        err.message,
        `s3://${BUCKET}/p: cannot connect to http://127.0.0.1:${port} (connection refused)`,
      );
      assert.ok(ms < 2000, `took ${ms} ms`);
    }
  });

  it('gives up on an endpoint that accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createTcpServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const silentEndpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const store = new S3Store(`s3://${BUCKET}`, options({ endpoint: silentEndpoint, timeoutMs: 300 }));
      const { err, ms } = await failure(() => store.get('k'));
      assert.equal(err.message, `s3://${BUCKET}: ${silentEndpoint} did not respond within 300 ms`);
      assert.ok(ms < 3000, `took ${ms} ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
