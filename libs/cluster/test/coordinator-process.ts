// A coordinator for the tests: starts two local workers, prints their pids, then waits to be killed.
import { fileURLToPath } from 'node:url';
import { startLocalWorkers } from '../src/index.js';

const worker = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
const local = await startLocalWorkers(
  [process.execPath, '--conditions=development', '--import', 'tsx', worker],
  2,
);
const pids = await Promise.all(local.connections.map(async (c) => (await c.health()).pid));
process.stdout.write(`${JSON.stringify(pids)}\n`);
setInterval(() => {}, 1000);
