import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { NODE_FLAGS, withNodeFlags } from '../src/node-flags.js';
import { workerCommand } from '../src/placement-flags.js';

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
