import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clientCredentials, connectWorkers, TlsError, WorkerConnection } from '@smartmix/cluster';
import { type SpawnedWorker, spawnWorker } from './spawn-worker.js';

// TLS and DNS discovery against real worker processes on loopback, with certificates made here by openssl.
const dir = mkdtempSync(join(tmpdir(), 'cluster-tls-'));
const file = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** A CA, and certificates it signs: the worker's (for localhost and 127.0.0.1) and a client's. */
function makeCertificates(): void {
  for (const ca of ['ca', 'rogue-ca']) {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${ca}`,
      '-keyout',
      file(`${ca}.key`),
      '-out',
      file(`${ca}.crt`),
    );
  }
  const sign = (name: string, ca: string, extensions: string) => {
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      file(`${name}.key`),
      '-out',
      file(`${name}.csr`),
    );
    writeFileSync(file(`${name}.ext`), extensions);
    openssl(
      'x509',
      '-req',
      '-in',
      file(`${name}.csr`),
      '-CA',
      file(`${ca}.crt`),
      '-CAkey',
      file(`${ca}.key`),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      file(`${name}.ext`),
      '-out',
      file(`${name}.crt`),
    );
  };
  sign('worker', 'ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  sign('client', 'ca', 'extendedKeyUsage=clientAuth\n');
  sign('rogue-client', 'rogue-ca', 'extendedKeyUsage=clientAuth\n');
}

const mutualTls = [
  '--tls-cert',
  file('worker.crt'),
  '--tls-key',
  file('worker.key'),
  '--tls-client-ca',
  file('ca.crt'),
];

describe('TLS between coordinator and workers', () => {
  let worker: SpawnedWorker;
  before(async () => {
    makeCertificates();
    worker = await spawnWorker({ args: mutualTls });
  });
  after(() => {
    worker?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a client that verifies the worker and presents a certificate of the trusted CA', async () => {
    const credentials = clientCredentials({
      ca: file('ca.crt'),
      cert: file('client.crt'),
      key: file('client.key'),
    });
    const client = new WorkerConnection(worker.address, undefined, { credentials });
    assert.equal((await client.health()).version, 'test');
    client.close();
  });

  it('refuses plain text, clients without a certificate, and certificates of another CA', async () => {
    const attempts = {
      'plain text': clientCredentials(),
      'no client certificate': clientCredentials({ ca: file('ca.crt') }),
      'another CA': clientCredentials({
        ca: file('ca.crt'),
        cert: file('rogue-client.crt'),
        key: file('rogue-client.key'),
      }),
    };
    for (const [what, credentials] of Object.entries(attempts)) {
      const client = new WorkerConnection(worker.address, undefined, { credentials });
      await assert.rejects(client.health(5000), /worker 127\.0\.0\.1:\d+: Health: unreachable/, what);
      client.close();
    }
  });

  it('checks a worker found by DNS against the name, not the address it was dialled at', async () => {
    const credentials = clientCredentials({
      ca: file('ca.crt'),
      cert: file('client.crt'),
      key: file('client.key'),
    });
    const port = worker.address.split(':').pop();
    const [connection, ...others] = await connectWorkers({ dns: `localhost:${port}`, credentials });
    assert.equal(connection!.address, worker.address);
    assert.equal(others.length, 0);
    assert.equal((await connection!.health()).version, 'test');
    connection!.close();
  });

  it('refuses a worker whose certificate the coordinator does not trust', async () => {
    const credentials = clientCredentials({
      ca: file('rogue-ca.crt'),
      cert: file('client.crt'),
      key: file('client.key'),
    });
    const client = new WorkerConnection(worker.address, undefined, { credentials });
    await assert.rejects(client.health(5000), /Health: unreachable/);
    client.close();
  });

  it('names a missing or half-given certificate setting in one line', () => {
    assert.throws(
      () => clientCredentials({ ca: file('missing.crt') }),
      (err: Error) => {
        assert.ok(err instanceof TlsError);
        assert.match(err.message, /missing\.crt: cannot read the CA certificate \(ENOENT\)/);
        return true;
      },
    );
    assert.throws(
      () => clientCredentials({ cert: file('client.crt') }),
      /--tls-cert and --tls-key go together/,
    );
  });
});

describe('workers found by DNS name', () => {
  let workers: SpawnedWorker[];
  before(async () => {
    workers = [await spawnWorker(), await spawnWorker()];
  });
  after(() => {
    for (const w of workers) w.stop();
  });

  it('connects to every address of the name that answers, and uses a worker reached twice once', async () => {
    const port = workers[0]!.address.split(':').pop();
    const [found, ...none] = await connectWorkers({ dns: `localhost:${port}` });
    assert.deepEqual([found!.address, none.length], [workers[0]!.address, 0]);
    found!.close();
    const skipped: string[] = [];
    const connections = await connectWorkers({
      dns: `localhost:${port}`,
      // The same worker listed explicitly too: it answers with the same instance id and is used once.
      addresses: [workers[0]!.address, workers[1]!.address],
      onSkipped: (address) => skipped.push(address),
    });
    assert.deepEqual(
      connections.map((c) => c.address),
      [workers[0]!.address, workers[1]!.address],
    );
    // localhost may also resolve to ::1, where nothing listens: that address is reported and skipped.
    assert.ok(
      skipped.every((a) => a.startsWith('[::1]:')),
      skipped.join(','),
    );
    for (const c of connections) c.close();
  });

  it('fails in one line when the name resolves to nothing that answers, or not at all', async () => {
    await assert.rejects(
      connectWorkers({ dns: 'localhost:1' }),
      /--worker-dns: no worker answers at localhost:1/,
    );
    await assert.rejects(
      connectWorkers({ dns: 'no-such-worker-service.invalid:50051' }),
      /--worker-dns: cannot resolve 'no-such-worker-service\.invalid'/,
    );
    await assert.rejects(connectWorkers({ dns: 'localhost' }), /--worker-dns: 'localhost' is not NAME:PORT/);
  });
});
