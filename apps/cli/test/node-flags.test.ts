import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { NODE_FLAGS, withNodeFlags } from '../src/node-flags.js';
import { workerCommand } from '../src/placement-flags.js';
import { CliProcess } from './cli-process.js';

const repoFile = (path: string) => readFile(new URL(`../../../${path}`, import.meta.url), 'utf8');

test('the bin shebang runs node with NODE_FLAGS', async () => {
  const shebang = (await repoFile('apps/cli/bin/smartmix.js')).split('\n')[0]!;
  assert.equal(shebang, `#!/usr/bin/env -S ${['node', ...NODE_FLAGS].join(' ')}`);
});

for (const image of ['Dockerfile', 'Dockerfile.gpu']) {
  test(`the ${image} entry point runs node with NODE_FLAGS`, async () => {
    const line = (await repoFile(`deploy/docker/${image}`))
      .split('\n')
      .find((l) => l.startsWith('ENTRYPOINT '));
    assert.ok(line, `no ENTRYPOINT in ${image}`);
    assert.deepEqual(JSON.parse(line.slice('ENTRYPOINT '.length)), [
      'node',
      ...NODE_FLAGS,
      '/app/apps/cli/bin/smartmix.js',
    ]);
  });
}

test('local workers start with NODE_FLAGS, and an option already given keeps its value', () => {
  assert.deepEqual(withNodeFlags([]), NODE_FLAGS);
  assert.deepEqual(withNodeFlags(['--import', 'tsx']), [...NODE_FLAGS, '--import', 'tsx']);
  assert.deepEqual(withNodeFlags(['--initial_old_space_size=64']), ['--initial_old_space_size=64']);
  assert.deepEqual(withNodeFlags(['--initial-old-space-size=1024']), ['--initial-old-space-size=1024']);
  const [node, ...rest] = workerCommand();
  assert.equal(node, process.execPath);
  assert.deepEqual(rest.slice(0, -2), withNodeFlags(process.execArgv));
  assert.equal(rest.at(-1), 'worker');
});

test('a worker started without NODE_FLAGS says so in one warning line; with them it does not', async () => {
  const listen = ['worker', '--listen', '127.0.0.1:0'];
  const bare = new CliProcess(listen);
  const tuned = new CliProcess(listen, {}, NODE_FLAGS);
  try {
    await Promise.all([bare.waitFor(/listening on/), tuned.waitFor(/listening on/)]);
    const warnings = bare.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    assert.equal(warnings.length, 1, bare.stderr);
    assert.match(warnings[0]!, new RegExp(`without ${NODE_FLAGS.join(' ')}:`));
    assert.doesNotMatch(tuned.stderr, /warning/);
  } finally {
    await Promise.all([bare.stop(), tuned.stop()]);
  }
});
