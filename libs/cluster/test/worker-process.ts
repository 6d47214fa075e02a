// A worker process for the tests: the real gRPC server, run from source (`smartmix worker` does the same).
import { LISTENING_PREFIX, resolveToken, startWorkerServer, watchParent } from '../src/index.js';

const listen = process.argv[process.argv.indexOf('--listen') + 1]!;
const worker = await startWorkerServer(listen, { version: 'test', threads: 1, token: resolveToken() });
process.stdout.write(`${LISTENING_PREFIX}${worker.address}\n`);
const stop = () => worker.shutdown().then(() => process.exit(0));
process.once('SIGTERM', stop);
if (process.argv.includes('--exit-with-parent')) watchParent(stop);
