// A worker process for the tests: the real gRPC server, run from source (`smartmix worker` does the same).
import { LISTENING_PREFIX, resolveToken, startWorkerServer, watchParent } from '../src/index.js';

const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const worker = await startWorkerServer(flag('--listen')!, {
  version: 'test',
  threads: 1,
  token: resolveToken(),
  tls: { cert: flag('--tls-cert'), key: flag('--tls-key'), clientCa: flag('--tls-client-ca') },
  idleStateTtlMs:
    flag('--idle-state-ttl') === undefined ? undefined : 1000 * Number(flag('--idle-state-ttl')),
});
process.stdout.write(`${LISTENING_PREFIX}${worker.address}\n`);
const stop = () => worker.shutdown().then(() => process.exit(0));
process.once('SIGTERM', stop);
if (process.argv.includes('--exit-with-parent')) watchParent(stop);
